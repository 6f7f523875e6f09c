#include "widgets/chart_axis.hpp"

#include "text/shape.hpp"
#include "widgets/number_text.hpp"

#include <algorithm>
#include <cmath>

namespace attnreel {

namespace {

constexpr double kTickLength = 0.08;
constexpr double kLabelGap = 0.12;  // between a tick's end and its label
constexpr double kAxisWidth = 2;    // stroke widths, Manim units
constexpr double kGridWidth = 1.2;

// The tick step for `span` cut into about `target` pieces: 1, 2, 2.5 or 5 × 10ᵏ.
double nice_step(double span, int target) {
    const double rough = span / std::max(1, target - 1);
    const double power = std::pow(10.0, std::floor(std::log10(rough)));
    for (double m : {1.0, 2.0, 2.5, 5.0, 10.0})
        if (m * power >= rough * (1 - 1e-9)) return m * power;
    return 10 * power;
}

// Digits after the point that every multiple of `step` needs.
int decimals_for(double step) {
    for (int d = 0; d < 6; ++d) {
        const double scaled = step * std::pow(10.0, d);
        if (std::abs(scaled - std::round(scaled)) < 1e-6 * std::max(1.0, scaled)) return d;
    }
    return 6;
}

std::string tick_label(double value, double step, bool percent) {
    if (percent) return format_number(value * 100, decimals_for(step * 100)) + "%";
    return format_number(value, decimals_for(step));
}

}  // namespace

double ValueAxis::fraction(double value) const {
    if (scale == AxisScale::Log) return (std::log10(value) - std::log10(min)) / (std::log10(max) - std::log10(min));
    return (value - min) / (max - min);
}

ValueAxis nice_axis(double lo, double hi, AxisScale scale, bool percent, bool fixed, int target) {
    ValueAxis axis;
    axis.scale = scale;
    if (scale == AxisScale::Log) {
        const int first = static_cast<int>(std::floor(std::log10(lo) + 1e-9));
        int last = static_cast<int>(std::ceil(std::log10(hi) - 1e-9));
        if (last <= first) last = first + 1;
        axis.min = fixed ? lo : std::pow(10.0, first);
        axis.max = fixed ? hi : std::pow(10.0, last);
        for (int k = first; k <= last; ++k) {
            const double v = std::pow(10.0, k);
            if (v < axis.min * (1 - 1e-9) || v > axis.max * (1 + 1e-9)) continue;
            axis.ticks.push_back({v, tick_label(v, v, percent)});
        }
        return axis;
    }
    if (hi - lo < 1e-12) {  // one value: a range around it
        const double pad = std::max(std::abs(hi), 1.0) * 0.5;
        lo = lo >= 0 && lo - pad < 0 ? 0 : lo - pad;
        hi += pad;
    }
    const double step = nice_step(hi - lo, target);
    axis.min = fixed ? lo : std::floor(lo / step + 1e-9) * step;
    axis.max = fixed ? hi : std::ceil(hi / step - 1e-9) * step;
    for (double v = std::ceil(axis.min / step - 1e-9) * step; v <= axis.max + step * 1e-9; v += step) {
        const double tick = std::abs(v) < step * 1e-9 ? 0.0 : v;
        axis.ticks.push_back({tick, tick_label(tick, step, percent)});
    }
    return axis;
}

std::size_t build_value_axis(WidgetBuilder& b, const std::string& suffix, const ValueAxis& axis,
                             const AxisPlacement& at, double font_size) {
    using namespace widget_colors;
    std::vector<std::size_t> members;
    const Vec2 end = at.origin + at.along * at.length;
    Object line = b.outline(polyline_path({at.origin, end}, false), kAxis, kAxisWidth);
    members.push_back(b.add(std::move(line), suffix + ".line"));

    const bool vertical = std::abs(at.along.y()) > std::abs(at.along.x());
    const Vec2 side = -at.across;  // where the labels stand
    const double half_line = 0.6 * text::font_size_to_em(font_size);
    std::vector<std::size_t> grid;
    for (std::size_t k = 0; k < axis.ticks.size(); ++k) {
        const AxisTick& tick = axis.ticks[k];
        const Vec2 p = at.origin + at.along * (at.length * axis.fraction(tick.value));
        const std::string name = suffix + ".tick" + indices({k});
        Object mark = b.outline(polyline_path({p, p + side * kTickLength}, false), kAxis, kAxisWidth);
        mark.match_key = "axis " + suffix + " tick " + tick.label;
        const std::size_t m = b.add(std::move(mark), name + ".mark");
        Anchor anchor;
        if (vertical) {
            anchor.at = p + side * (kTickLength + kLabelGap);
            anchor.align = side.x() < 0 ? 1 : 0;
        } else {
            anchor.at = p + side * (kTickLength + kLabelGap + half_line);
        }
        Object label = b.text(tick.label, font_size, "sans", kMuted, anchor);
        label.match_key = "axis " + suffix + " label " + tick.label;
        const std::size_t l = b.add(std::move(label), name + ".label");
        members.push_back(b.group(name, {m, l}));
        if (at.grid_length > 0 && tick.value != axis.min) {
            Object g = b.outline(polyline_path({p, p + at.across * at.grid_length}, false), kGrid, kGridWidth);
            g.match_key = "axis " + suffix + " grid " + tick.label;
            grid.push_back(b.add(std::move(g), suffix + ".grid" + indices({grid.size()})));
        }
    }
    if (!grid.empty()) members.insert(members.begin(), b.group(suffix + ".grid", grid));
    return b.group(suffix, members);
}

}  // namespace attnreel
