#pragma once
// Colours: sRGB components in 0..1 with straight (not premultiplied) alpha. Interpolation
// runs in OKLab so a grey→red ramp stays clean instead of passing through mud.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace attnreel {

struct Color {
    double r = 0, g = 0, b = 0, a = 1;
    bool operator==(const Color&) const = default;
};

// "#rrggbb", "#rrggbbaa", "#rgb", or a palette name ("red", "blue_c", "slate"...).
std::optional<Color> parse_color(std::string_view text);
const std::vector<std::string>& color_names();  // for "did you mean" suggestions
std::string to_hex(const Color& c);             // "#rrggbb" or "#rrggbbaa" when translucent

Color mix_oklab(const Color& a, const Color& b, double t);
// Component by component in sRGB, as most plotting tools blend.
Color mix_rgb(const Color& a, const Color& b, double t);

// WCAG contrast ratio of two colours (1 to 21), from their relative luminance.
double contrast_ratio(const Color& a, const Color& b);
// Text colour that reads best on `fill`: dark slate (#0f172a) on light fills, near-white
// (#f1f5f9) on dark ones, whichever contrasts more.
Color readable_on(const Color& fill);

}  // namespace attnreel
