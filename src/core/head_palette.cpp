#include "core/head_palette.hpp"

namespace attnreel {

const std::vector<Color>& default_head_colors() {
    static const std::vector<Color> colors = [] {
        std::vector<Color> v;
        for (const char* hex : {"#3B82F6", "#8B5CF6", "#EC4899", "#F59E0B", "#10B981", "#06B6D4", "#EF4444", "#6366F1"})
            v.push_back(*parse_color(hex));
        return v;
    }();
    return colors;
}

Color head_color(std::size_t h) { return default_head_colors()[h % default_head_colors().size()]; }

}  // namespace attnreel
