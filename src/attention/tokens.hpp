#pragma once
// Small facts about token text that the patterns and reports need.
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace attnreel::attention {

// True for tokens made only of punctuation (".", ",", "?!", "—", "。"...), ignoring the
// word-start markers of common tokenisers (leading spaces, "Ġ", "▁").
bool is_punctuation(std::string_view token);

// Number of code points: the width a token takes in a monospaced table.
std::size_t display_width(std::string_view text);

// Splits on runs of ASCII whitespace: "The cat  sat" → {"The", "cat", "sat"} (what a
// --tokens "a b c" option holds).
std::vector<std::string> split_tokens(std::string_view text);

// "0", "1", ...: stand-in tokens for attention loaded without a token list.
std::vector<std::string> placeholder_tokens(std::size_t count);

}  // namespace attnreel::attention
