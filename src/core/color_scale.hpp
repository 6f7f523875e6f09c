#pragma once
// A colour map: numbers to colours, as heatmaps and `fill_from` use it. Sequential (low →
// high over a range) or diverging (low → mid → high, split at a centre value, each side
// over its own half of the range), blended in OKLab or in plain sRGB.
#include "core/color.hpp"

#include <optional>
#include <utility>
#include <vector>

namespace attnreel {

enum class ColorBlend { OkLab, Rgb };

// What an author writes; unset parts take the user's defaults (heatmap, fill_from).
struct ColorScaleSpec {
    std::optional<Color> low, high;
    std::optional<Color> mid_color;              // diverging: the colour at `mid`
    std::optional<double> mid;                   // diverging: the value in the middle
    std::optional<std::pair<double, double>> range;  // min < max
    std::optional<ColorBlend> blend;

    bool diverging() const { return mid.has_value() || mid_color.has_value(); }
};

struct ColorScale {
    Color low, high;
    std::optional<Color> mid_color;  // set: diverging
    double mid = 0;
    std::pair<double, double> range{0, 1};
    ColorBlend blend = ColorBlend::OkLab;

    // The colour of `value`; values outside the range take the end colours.
    Color at(double value) const;
    Color mix(const Color& a, const Color& b, double t) const;
};

// Sequential defaults: the heatmap's slate → sky.
inline const Color kScaleLow{0x1e / 255.0, 0x29 / 255.0, 0x3b / 255.0, 1};
inline const Color kScaleHigh{0x38 / 255.0, 0xbd / 255.0, 0xf8 / 255.0, 1};
// Diverging defaults, for signed values on a dark slide: blue below, slate at the centre,
// orange above.
inline const Color kDivergingLow{0x3b / 255.0, 0x82 / 255.0, 0xf6 / 255.0, 1};
inline const Color kDivergingMid{0x1e / 255.0, 0x29 / 255.0, 0x3b / 255.0, 1};
inline const Color kDivergingHigh{0xf9 / 255.0, 0x73 / 255.0, 0x16 / 255.0, 1};

// The scale `spec` asks for over `values` (finite ones count; others are ignored): its
// range, else the values' own (for a diverging scale symmetric about `mid`), else
// `fallback_range` when given (weights: [0, 1]).
ColorScale resolve_scale(const ColorScaleSpec& spec, const std::vector<double>& values,
                         std::optional<std::pair<double, double>> fallback_range = std::nullopt);

}  // namespace attnreel
