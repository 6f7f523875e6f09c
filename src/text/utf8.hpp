#pragma once
// Strict UTF-8 decoding: every code point with the byte offset it starts at, so shaped
// glyphs can point back into the source string. Invalid input is the author's to fix.
#include <cstddef>
#include <string_view>
#include <vector>

namespace attnreel::text {

struct CodePoint {
    char32_t value;
    std::size_t byte;  // offset of its first byte in the source string
};

// Throws InputError "invalid UTF-8 at byte N" (N 0-based) for stray continuation bytes,
// truncated sequences, overlong forms, surrogates and values past U+10FFFF.
std::vector<CodePoint> decode_utf8(std::string_view utf8);

}  // namespace attnreel::text
