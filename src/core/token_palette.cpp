#include "core/token_palette.hpp"

namespace attnreel {

bool TokenPalette::empty() const {
    if (!colors.empty()) return false;
    for (const auto& c : own)
        if (c) return false;
    return true;
}

const std::vector<Color>& default_token_colors() {
    static const std::vector<Color> colors = [] {
        std::vector<Color> v;
        for (const char* hex : {"#FF6B6B", "#4ECDC4", "#45B7D1", "#FFA07A", "#98D8C8", "#F7DC6F"})
            v.push_back(*parse_color(hex));
        return v;
    }();
    return colors;
}

TokenPalette default_token_palette() { return {default_token_colors(), {}}; }

std::optional<Color> token_color(const TokenPalette& palette, std::size_t i) {
    if (i < palette.own.size() && palette.own[i]) return palette.own[i];
    if (palette.colors.empty()) return std::nullopt;
    return palette.colors[i % palette.colors.size()];
}

}  // namespace attnreel
