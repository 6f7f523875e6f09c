#pragma once
// UTF-8 both ways. Strict decoding: every code point with the byte offset it starts at, so
// shaped glyphs can point back into the source string; invalid input is the author's to
// fix. Encoding, and the "U+00E9" name of a code point that messages use.
#include <cstddef>
#include <optional>
#include <string>
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

// One encoded code point: its value and the number of bytes it takes.
struct Utf8Sequence {
    char32_t value;
    std::size_t length;  // 1 to 4
};

// The code point whose encoding starts at byte `at` (< utf8.size()), or nullopt when the
// bytes there are invalid by the rules of decode_utf8. For scanners that report their own errors.
std::optional<Utf8Sequence> decode_utf8_at(std::string_view utf8, std::size_t at);

// Appends the UTF-8 encoding of `c`, a Unicode scalar value (not a surrogate, at most U+10FFFF).
void append_utf8(std::string& out, char32_t c);
std::string encode_utf8(char32_t c);

// The text made safe to print on a terminal: each byte that is not valid UTF-8 becomes
// "\xNN", and control characters (other than newline) become "\0", "\t", "\r", "\e" or "\xNN",
// so a message never carries raw bytes or terminal escapes from its input.
std::string printable(std::string_view text);

// A value of the input as a message quotes it: 'value', made printable as above and with
// newlines written "\n" too (the message stays on its line), and, when it is longer than a
// message can usefully show (more than 80 characters), its start and end around an ellipsis
// with its length after it: 'aaaaaaaa…aaaa' (30000 bytes).
std::string quoted(std::string_view value);

// "U+00E9", "U+1D6FC": at least four upper-case hex digits, as Unicode writes them.
std::string code_point_name(char32_t c);

}  // namespace attnreel::text
