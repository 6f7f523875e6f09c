#include "core/color.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>

namespace attnreel {

namespace {

// Manim's core names plus the Tailwind greys a slide deck usually wants.
const std::map<std::string, const char*, std::less<>>& palette() {
    static const std::map<std::string, const char*, std::less<>> names = {
        {"white", "#ffffff"},   {"black", "#000000"},      {"grey", "#888888"},
        {"gray", "#888888"},    {"light_grey", "#bbbbbb"}, {"dark_grey", "#444444"},
        {"red", "#fc6255"},     {"pure_red", "#ff0000"},   {"orange", "#ff862f"},
        {"yellow", "#ffff00"},  {"gold", "#f0ac5f"},       {"green", "#83c167"},
        {"pure_green", "#00ff00"}, {"teal", "#5cd0b3"},    {"blue", "#58c4dd"},
        {"pure_blue", "#0000ff"}, {"purple", "#9a72ac"},   {"pink", "#d147bd"},
        {"maroon", "#c55f73"},  {"amber", "#f59e0b"},      {"emerald", "#10b981"},
        {"sky", "#0ea5e9"},     {"indigo", "#6366f1"},     {"rose", "#f43f5e"},
        {"slate", "#64748b"},   {"slate_900", "#0f172a"},  {"slate_800", "#1e293b"},
        {"slate_700", "#334155"}, {"slate_600", "#475569"}, {"slate_400", "#94a3b8"},
        {"slate_300", "#cbd5e1"}, {"slate_200", "#e2e8f0"}, {"transparent", "#00000000"},
    };
    return names;
}

int hex_digit(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

double to_linear(double c) { return c <= 0.04045 ? c / 12.92 : std::pow((c + 0.055) / 1.055, 2.4); }
double to_srgb(double c) {
    c = std::clamp(c, 0.0, 1.0);
    return c <= 0.0031308 ? 12.92 * c : 1.055 * std::pow(c, 1 / 2.4) - 0.055;
}

struct Lab {
    double L, a, b;
};

// Björn Ottosson's OKLab, from linear sRGB.
Lab to_oklab(const Color& c) {
    const double r = to_linear(c.r), g = to_linear(c.g), b = to_linear(c.b);
    const double l = std::cbrt(0.4122214708 * r + 0.5363325363 * g + 0.0514459929 * b);
    const double m = std::cbrt(0.2119034982 * r + 0.6806995451 * g + 0.1073969566 * b);
    const double s = std::cbrt(0.0883024619 * r + 0.2817188376 * g + 0.6299787005 * b);
    return {0.2104542553 * l + 0.7936177850 * m - 0.0040720468 * s,
            1.9779984951 * l - 2.4285922050 * m + 0.4505937099 * s,
            0.0259040371 * l + 0.7827717662 * m - 0.8086757660 * s};
}

Color from_oklab(const Lab& lab, double alpha) {
    const double l = std::pow(lab.L + 0.3963377774 * lab.a + 0.2158037573 * lab.b, 3);
    const double m = std::pow(lab.L - 0.1055613458 * lab.a - 0.0638541728 * lab.b, 3);
    const double s = std::pow(lab.L - 0.0894841775 * lab.a - 1.2914855480 * lab.b, 3);
    return {to_srgb(4.0767416621 * l - 3.3077115913 * m + 0.2309699292 * s),
            to_srgb(-1.2684380046 * l + 2.6097574011 * m - 0.3413193965 * s),
            to_srgb(-0.0041960863 * l - 0.7034186147 * m + 1.7076147010 * s), alpha};
}

}  // namespace

std::optional<Color> parse_color(std::string_view text) {
    if (!text.empty() && text[0] == '#') {
        const std::string_view hex = text.substr(1);
        std::vector<int> digits;
        for (char ch : hex) {
            const int d = hex_digit(ch);
            if (d < 0) return std::nullopt;
            digits.push_back(d);
        }
        auto byte = [&](std::size_t i) { return (digits[i] * 16 + digits[i + 1]) / 255.0; };
        if (digits.size() == 3)
            return Color{digits[0] * 17 / 255.0, digits[1] * 17 / 255.0, digits[2] * 17 / 255.0, 1};
        if (digits.size() == 6) return Color{byte(0), byte(2), byte(4), 1};
        if (digits.size() == 8) return Color{byte(0), byte(2), byte(4), byte(6)};
        return std::nullopt;
    }
    const auto it = palette().find(text);
    if (it == palette().end()) return std::nullopt;
    return parse_color(it->second);
}

const std::vector<std::string>& color_names() {
    static const std::vector<std::string> names = [] {
        std::vector<std::string> v;
        for (const auto& [name, hex] : palette()) v.push_back(name);
        return v;
    }();
    return names;
}

std::string to_hex(const Color& c) {
    auto byte = [](double v) { return static_cast<int>(std::lround(std::clamp(v, 0.0, 1.0) * 255)); };
    char buf[16];
    if (byte(c.a) == 255) std::snprintf(buf, sizeof buf, "#%02x%02x%02x", byte(c.r), byte(c.g), byte(c.b));
    else std::snprintf(buf, sizeof buf, "#%02x%02x%02x%02x", byte(c.r), byte(c.g), byte(c.b), byte(c.a));
    return buf;
}

Color mix_oklab(const Color& x, const Color& y, double t) {
    if (t <= 0) return x;
    if (t >= 1) return y;
    const Lab a = to_oklab(x), b = to_oklab(y);
    return from_oklab({a.L + (b.L - a.L) * t, a.a + (b.a - a.a) * t, a.b + (b.b - a.b) * t},
                      x.a + (y.a - x.a) * t);
}

double contrast_ratio(const Color& x, const Color& y) {
    const auto luminance = [](const Color& c) {
        return 0.2126 * to_linear(c.r) + 0.7152 * to_linear(c.g) + 0.0722 * to_linear(c.b);
    };
    const double a = luminance(x), b = luminance(y);
    return (std::max(a, b) + 0.05) / (std::min(a, b) + 0.05);
}

Color readable_on(const Color& fill) {
    static const Color dark{0x0f / 255.0, 0x17 / 255.0, 0x2a / 255.0, 1};
    static const Color light{0xf1 / 255.0, 0xf5 / 255.0, 0xf9 / 255.0, 1};
    return contrast_ratio(dark, fill) > contrast_ratio(light, fill) ? dark : light;
}

}  // namespace attnreel
