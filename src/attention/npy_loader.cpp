#include "attention/npy_loader.hpp"

#include "attention/model_spec.hpp"
#include "core/error.hpp"
#include "core/input_file.hpp"
#include "core/limits.hpp"

#include <bit>
#include <cctype>
#include <cstdint>
#include <map>

namespace attnreel::attention {

namespace {

constexpr std::string_view npy_magic = "\x93NUMPY";

[[noreturn]] void fail(const std::string& source, const std::string& message) {
    throw InputError(SourceMark{source, 0, 0}, message);
}

std::uint64_t little_endian(std::string_view bytes) {
    std::uint64_t value = 0;
    for (std::size_t i = bytes.size(); i-- > 0;) value = (value << 8) | static_cast<unsigned char>(bytes[i]);
    return value;
}

// The header is a Python dict literal: {'descr': '<f8', 'fortran_order': False, 'shape': (2, 3), }
class HeaderParser {
public:
    HeaderParser(std::string_view text, const std::string& source) : text_(text), source_(source) {}

    struct Header {
        std::string descr;
        bool fortran_order = false;
        std::vector<std::size_t> shape;
    };

    Header parse() {
        std::map<std::string, bool> seen;
        Header header;
        expect('{');
        while (!peek('}')) {
            const std::string key = quoted();
            expect(':');
            if (key == "descr") header.descr = quoted();
            else if (key == "fortran_order") header.fortran_order = boolean();
            else if (key == "shape") header.shape = tuple();
            else fail(source_, "unexpected key '" + key + "' in the .npy header");
            seen[key] = true;
            if (!peek('}')) expect(',');
        }
        expect('}');
        for (const char* key : {"descr", "fortran_order", "shape"})
            if (!seen[key]) fail(source_, std::string("the .npy header has no '") + key + "'");
        return header;
    }

private:
    void skip_spaces() {
        while (position_ < text_.size() && std::isspace(static_cast<unsigned char>(text_[position_]))) ++position_;
    }
    bool peek(char c) {
        skip_spaces();
        return position_ < text_.size() && text_[position_] == c;
    }
    void expect(char c) {
        if (!peek(c)) malformed(std::string("expected '") + c + "'");
        ++position_;
    }
    [[noreturn]] void malformed(const std::string& what) {
        fail(source_, "malformed .npy header (" + what + " at character " + std::to_string(position_) + "): " +
                          std::string(text_));
    }
    std::string quoted() {
        skip_spaces();
        if (position_ >= text_.size() || (text_[position_] != '\'' && text_[position_] != '"'))
            malformed("expected a quoted string");
        const char quote = text_[position_++];
        const std::size_t end = text_.find(quote, position_);
        if (end == std::string_view::npos) malformed("unterminated string");
        std::string value(text_.substr(position_, end - position_));
        position_ = end + 1;
        return value;
    }
    bool boolean() {
        skip_spaces();
        for (auto [word, value] : {std::pair{std::string_view("True"), true}, std::pair{std::string_view("False"), false}})
            if (text_.substr(position_, word.size()) == word) {
                position_ += word.size();
                return value;
            }
        malformed("expected True or False");
    }
    std::vector<std::size_t> tuple() {
        std::vector<std::size_t> values;
        expect('(');
        while (!peek(')')) {
            skip_spaces();
            std::size_t value = 0;
            const std::size_t start = position_;
            while (position_ < text_.size() && std::isdigit(static_cast<unsigned char>(text_[position_]))) {
                if (value > 1'000'000'000) malformed("dimension too large");
                value = value * 10 + static_cast<std::size_t>(text_[position_++] - '0');
            }
            if (position_ == start) malformed("expected a dimension");
            values.push_back(value);
            if (!peek(')')) expect(',');
        }
        expect(')');
        return values;
    }

    std::string_view text_;
    const std::string& source_;
    std::size_t position_ = 0;
};

std::size_t item_size(const std::string& descr, const std::string& source) {
    if (descr == "<f4") return 4;
    if (descr == "<f8") return 8;
    std::string why;
    if (!descr.empty() && descr[0] == '>') why = " (big-endian)";
    else if (descr.size() > 1 && descr[1] != 'f') why = " (not floating point)";
    fail(source, "unsupported .npy dtype '" + descr + "'" + why +
                     "; expected little-endian float32 '<f4' or float64 '<f8' (save with arr.astype('<f4'))");
}

}  // namespace

NpyArray parse_npy(std::string_view bytes, const std::string& source) {
    if (bytes.substr(0, npy_magic.size()) != npy_magic) fail(source, "not a .npy file (no \\x93NUMPY signature)");
    if (bytes.size() < 10) fail(source, "truncated .npy file: the header is cut short");
    const int major = static_cast<unsigned char>(bytes[6]);
    if (major < 1 || major > 3) fail(source, "unsupported .npy format version " + std::to_string(major));
    const std::size_t length_bytes = major == 1 ? 2 : 4;
    const std::size_t header_start = 8 + length_bytes;
    if (bytes.size() < header_start) fail(source, "truncated .npy file: the header is cut short");
    const std::uint64_t header_length = little_endian(bytes.substr(8, length_bytes));
    if (bytes.size() - header_start < header_length) fail(source, "truncated .npy file: the header is cut short");

    const auto header = HeaderParser(bytes.substr(header_start, header_length), source).parse();
    if (header.fortran_order)
        fail(source, "Fortran-ordered .npy arrays are not supported; save a C-ordered array "
                     "(np.ascontiguousarray)");
    const std::size_t size = item_size(header.descr, source);

    double elements = 1;
    for (std::size_t extent : header.shape) elements *= static_cast<double>(extent);
    if (elements > ModelLimits::max_stored_numbers)
        fail(source, "the array " + shape_text(header.shape) + " is too large to analyse");
    const std::size_t count = static_cast<std::size_t>(elements);
    const std::string_view payload = bytes.substr(header_start + header_length);
    if (payload.size() < count * size)
        fail(source, "truncated .npy file: shape " + shape_text(header.shape) + " of " + header.descr + " needs " +
                         std::to_string(count * size) + " bytes of data, found " + std::to_string(payload.size()));
    if (payload.size() > count * size)
        fail(source, ".npy file has " + std::to_string(payload.size() - count * size) +
                         " bytes after the data of shape " + shape_text(header.shape));

    NpyArray array{header.shape, std::vector<double>(count)};
    for (std::size_t i = 0; i < count; ++i) {
        const std::uint64_t bits = little_endian(payload.substr(i * size, size));
        array.data[i] = size == 4 ? static_cast<double>(std::bit_cast<float>(static_cast<std::uint32_t>(bits)))
                                  : std::bit_cast<double>(bits);
    }
    return array;
}

NpyArray read_npy(const std::string& path) {
    return parse_npy(read_input_file(path, {"weights file", limits::weights_npy_bytes}), path);
}

}  // namespace attnreel::attention
