#include "attention/tokens.hpp"

#include <array>
#include <cctype>

namespace attnreel::attention {

namespace {

bool starts_with(std::string_view text, std::string_view prefix) {
    return text.substr(0, prefix.size()) == prefix;
}

// UTF-8 punctuation common in lesson sentences.
constexpr std::array<std::string_view, 12> wide_punctuation = {
    "…", "—", "–", "«", "»", "“", "”", "‘", "’", "。", "，", "、"};

}  // namespace

bool is_punctuation(std::string_view token) {
    for (;;) {  // strip word-start markers
        if (starts_with(token, " ")) token.remove_prefix(1);
        else if (starts_with(token, "Ġ")) token.remove_prefix(std::string_view("Ġ").size());
        else if (starts_with(token, "▁")) token.remove_prefix(std::string_view("▁").size());
        else break;
    }
    if (token.empty()) return false;
    while (!token.empty()) {
        const auto c = static_cast<unsigned char>(token.front());
        if (c < 0x80) {
            if (!std::ispunct(c)) return false;
            token.remove_prefix(1);
            continue;
        }
        bool matched = false;
        for (std::string_view mark : wide_punctuation) {
            if (starts_with(token, mark)) {
                token.remove_prefix(mark.size());
                matched = true;
                break;
            }
        }
        if (!matched) return false;
    }
    return true;
}

std::size_t display_width(std::string_view text) {
    std::size_t width = 0;
    for (unsigned char c : text)
        if ((c & 0xC0) != 0x80) ++width;  // count lead bytes, not continuation bytes
    return width;
}

std::vector<std::string> split_tokens(std::string_view text) {
    std::vector<std::string> tokens;
    std::size_t start = 0;
    while (start < text.size()) {
        while (start < text.size() && std::isspace(static_cast<unsigned char>(text[start]))) ++start;
        std::size_t end = start;
        while (end < text.size() && !std::isspace(static_cast<unsigned char>(text[end]))) ++end;
        if (end > start) tokens.emplace_back(text.substr(start, end - start));
        start = end;
    }
    return tokens;
}

std::vector<std::string> placeholder_tokens(std::size_t count) {
    std::vector<std::string> tokens;
    for (std::size_t i = 0; i < count; ++i) tokens.push_back(std::to_string(i));
    return tokens;
}

}  // namespace attnreel::attention
