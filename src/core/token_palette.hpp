#pragma once
// The colour of each token. A lesson gives every token one colour and keeps it in every
// widget that shows the token (its box in a token row, its labels on a heatmap's rows and
// columns…), so the eye can follow "cat" from panel to panel. Every widget that shows
// tokens asks token_color() for token i's colour; none picks colours of its own.
#include "core/color.hpp"

#include <cstddef>
#include <optional>
#include <vector>

namespace attnreel {

struct TokenPalette {
    // Cycled over the tokens: token i takes colours[i % size]. Empty: the tokens have no
    // colours of their own (widgets then draw them in their neutral colours).
    std::vector<Color> colors;
    // Colours given for single tokens; they win over the cycle. Indexed by token, may be
    // shorter than the tokens (missing and empty entries take the cycle's colour).
    std::vector<std::optional<Color>> own;

    bool empty() const;
};

// #FF6B6B #4ECDC4 #45B7D1 #FFA07A #98D8C8 #F7DC6F: red, teal, blue, salmon, mint, yellow.
const std::vector<Color>& default_token_colors();
TokenPalette default_token_palette();

// Token i's colour, or none when the palette gives it none.
std::optional<Color> token_color(const TokenPalette& palette, std::size_t i);

}  // namespace attnreel
