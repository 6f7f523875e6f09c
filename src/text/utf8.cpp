#include "text/utf8.hpp"

#include "core/error.hpp"

#include <string>

namespace attnreel::text {

namespace {

[[noreturn]] void invalid_at(std::size_t byte) {
    throw InputError("invalid UTF-8 at byte " + std::to_string(byte));
}

bool is_continuation(unsigned char b) { return (b & 0xC0) == 0x80; }

}  // namespace

std::vector<CodePoint> decode_utf8(std::string_view utf8) {
    std::vector<CodePoint> out;
    out.reserve(utf8.size());
    std::size_t i = 0;
    while (i < utf8.size()) {
        const auto lead = static_cast<unsigned char>(utf8[i]);
        std::size_t length = 0;
        char32_t value = 0;
        char32_t smallest = 0;  // below this the sequence is overlong
        if (lead < 0x80) {
            length = 1, value = lead;
        } else if ((lead & 0xE0) == 0xC0) {
            length = 2, value = lead & 0x1F, smallest = 0x80;
        } else if ((lead & 0xF0) == 0xE0) {
            length = 3, value = lead & 0x0F, smallest = 0x800;
        } else if ((lead & 0xF8) == 0xF0) {
            length = 4, value = lead & 0x07, smallest = 0x10000;
        } else {
            invalid_at(i);
        }
        for (std::size_t k = 1; k < length; ++k) {
            if (i + k >= utf8.size() || !is_continuation(static_cast<unsigned char>(utf8[i + k])))
                invalid_at(i);
            value = (value << 6) | (static_cast<unsigned char>(utf8[i + k]) & 0x3F);
        }
        if (value < smallest || value > 0x10FFFF || (value >= 0xD800 && value <= 0xDFFF)) invalid_at(i);
        out.push_back({value, i});
        i += length;
    }
    return out;
}

}  // namespace attnreel::text
