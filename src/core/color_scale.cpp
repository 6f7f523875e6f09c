#include "core/color_scale.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

namespace attnreel {

Color ColorScale::mix(const Color& a, const Color& b, double t) const {
    return blend == ColorBlend::Rgb ? mix_rgb(a, b, t) : mix_oklab(a, b, t);
}

Color ColorScale::at(double value) const {
    const auto [lo, hi] = range;
    if (!mid_color) {
        const double t = hi > lo ? std::clamp((value - lo) / (hi - lo), 0.0, 1.0) : 0.5;
        return mix(low, high, t);
    }
    // Each side of the centre spans its own part of the range.
    if (value < mid) return mix(*mid_color, low, mid > lo ? std::clamp((mid - value) / (mid - lo), 0.0, 1.0) : 1.0);
    return mix(*mid_color, high, hi > mid ? std::clamp((value - mid) / (hi - mid), 0.0, 1.0) : (value > mid ? 1.0 : 0.0));
}

ColorScale resolve_scale(const ColorScaleSpec& spec, const std::vector<double>& values,
                         std::optional<std::pair<double, double>> fallback_range) {
    ColorScale s;
    const bool diverging = spec.diverging();
    s.low = spec.low.value_or(diverging ? kDivergingLow : kScaleLow);
    s.high = spec.high.value_or(diverging ? kDivergingHigh : kScaleHigh);
    if (diverging) s.mid_color = spec.mid_color.value_or(kDivergingMid);
    s.mid = spec.mid.value_or(0);
    s.blend = spec.blend.value_or(ColorBlend::OkLab);
    if (spec.range) {
        s.range = *spec.range;
        return s;
    }
    if (fallback_range && !diverging) {
        s.range = *fallback_range;
        return s;
    }
    double lo = std::numeric_limits<double>::infinity(), hi = -lo;
    for (double v : values)
        if (std::isfinite(v)) {
            lo = std::min(lo, v);
            hi = std::max(hi, v);
        }
    if (lo > hi) {  // nothing to span
        s.range = fallback_range.value_or(std::pair(0.0, 1.0));
        return s;
    }
    if (diverging) {
        const double r = std::max({std::abs(lo - s.mid), std::abs(hi - s.mid), 1e-12});
        s.range = {s.mid - r, s.mid + r};
    } else {
        s.range = {lo, hi};
    }
    return s;
}

}  // namespace attnreel
