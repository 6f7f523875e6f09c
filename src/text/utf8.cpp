#include "text/utf8.hpp"

#include "core/error.hpp"

#include <cstdio>

namespace attnreel::text {

namespace {

bool is_continuation(unsigned char b) { return (b & 0xC0) == 0x80; }

}  // namespace

std::optional<Utf8Sequence> decode_utf8_at(std::string_view utf8, std::size_t at) {
    const auto lead = static_cast<unsigned char>(utf8[at]);
    std::size_t length = 0;
    char32_t value = 0;
    char32_t smallest = 0;  // below this the sequence is overlong
    if (lead < 0x80) {
        return Utf8Sequence{lead, 1};
    } else if ((lead & 0xE0) == 0xC0) {
        length = 2, value = lead & 0x1F, smallest = 0x80;
    } else if ((lead & 0xF0) == 0xE0) {
        length = 3, value = lead & 0x0F, smallest = 0x800;
    } else if ((lead & 0xF8) == 0xF0) {
        length = 4, value = lead & 0x07, smallest = 0x10000;
    } else {
        return std::nullopt;
    }
    for (std::size_t k = 1; k < length; ++k) {
        if (at + k >= utf8.size() || !is_continuation(static_cast<unsigned char>(utf8[at + k]))) return std::nullopt;
        value = (value << 6) | (static_cast<unsigned char>(utf8[at + k]) & 0x3F);
    }
    if (value < smallest || value > 0x10FFFF || (value >= 0xD800 && value <= 0xDFFF)) return std::nullopt;
    return Utf8Sequence{value, length};
}

std::vector<CodePoint> decode_utf8(std::string_view utf8) {
    std::vector<CodePoint> out;
    out.reserve(utf8.size());
    for (std::size_t i = 0; i < utf8.size();) {
        const auto sequence = decode_utf8_at(utf8, i);
        if (!sequence) throw InputError("invalid UTF-8 at byte " + std::to_string(i));
        out.push_back({sequence->value, i});
        i += sequence->length;
    }
    return out;
}

std::string printable(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    const auto escape = [&](unsigned char byte) {
        char hex[8];
        std::snprintf(hex, sizeof hex, "\\x%02X", byte);
        out += hex;
    };
    for (std::size_t i = 0; i < text.size();) {
        const auto sequence = decode_utf8_at(text, i);
        if (!sequence) {
            escape(static_cast<unsigned char>(text[i]));
            ++i;
            continue;
        }
        const char32_t c = sequence->value;
        if (c == '\0') out += "\\0";
        else if (c == '\t') out += "\\t";
        else if (c == '\r') out += "\\r";
        else if (c == 0x1B) out += "\\e";
        else if ((c < 0x20 && c != '\n') || c == 0x7F) escape(static_cast<unsigned char>(c));
        else if (c >= 0x80 && c < 0xA0) out += "\\u" + code_point_name(c).substr(2);  // C1 controls
        else out.append(text.substr(i, sequence->length));
        i += sequence->length;
    }
    return out;
}

std::string quoted(std::string_view value) {
    constexpr std::size_t kWhole = 80, kHead = 56, kTail = 16;  // characters
    // The byte offsets where characters start (an invalid byte counts as one character).
    std::vector<std::size_t> starts;
    for (std::size_t i = 0; i < value.size() && starts.size() <= kWhole;) {
        starts.push_back(i);
        const auto sequence = decode_utf8_at(value, i);
        i += sequence ? sequence->length : 1;
    }
    const auto shown = [](std::string_view part) {
        std::string out = printable(part);
        for (std::size_t at = out.find('\n'); at != std::string::npos; at = out.find('\n', at + 2))
            out.replace(at, 1, "\\n");
        return out;
    };
    if (starts.size() <= kWhole) return "'" + shown(value) + "'";
    // The tail: back from the end over kTail characters, stepping over continuation bytes.
    std::size_t tail = value.size();
    for (std::size_t k = 0; k < kTail && tail > starts[kHead]; ++k) {
        --tail;
        while (tail > starts[kHead] && (static_cast<unsigned char>(value[tail]) & 0xC0) == 0x80) --tail;
    }
    return "'" + shown(value.substr(0, starts[kHead])) + "…" + shown(value.substr(tail)) + "' (" +
           std::to_string(value.size()) + " bytes)";
}

void append_utf8(std::string& out, char32_t c) {
    if (c < 0x80) {
        out += static_cast<char>(c);
    } else if (c < 0x800) {
        out += static_cast<char>(0xC0 | (c >> 6));
        out += static_cast<char>(0x80 | (c & 0x3F));
    } else if (c < 0x10000) {
        out += static_cast<char>(0xE0 | (c >> 12));
        out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (c & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (c >> 18));
        out += static_cast<char>(0x80 | ((c >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (c & 0x3F));
    }
}

std::string encode_utf8(char32_t c) {
    std::string out;
    append_utf8(out, c);
    return out;
}

std::string code_point_name(char32_t c) {
    char buffer[16];
    std::snprintf(buffer, sizeof buffer, "U+%04X", static_cast<unsigned>(c));
    return buffer;
}

}  // namespace attnreel::text
