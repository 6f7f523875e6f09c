#pragma once
// The value axis of a chart: round limits and ticks for the numbers shown (linear or
// logarithmic), and its drawing: the axis line, tick marks, tick labels and faint grid
// lines across the plot. Bar charts, line charts and softmax bars share it.
#include "scene/chart_spec.hpp"
#include "widgets/widget_parts.hpp"

#include <string>
#include <utility>
#include <vector>

namespace attnreel {

struct AxisTick {
    double value = 0;
    std::string label;
};

struct ValueAxis {
    double min = 0, max = 1;
    AxisScale scale = AxisScale::Linear;
    std::vector<AxisTick> ticks;

    // Where `value` falls along the axis: 0 at min, 1 at max (not clamped).
    double fraction(double value) const;
};

// An axis over [lo, hi] rounded out to tick steps of 1, 2, 2.5 or 5 × 10ᵏ (about `target`
// ticks), or to whole decades on a log scale; with `fixed`, exactly that range, ticked
// inside it. Percent labels read "40%". lo ≤ hi; on a log scale lo > 0.
ValueAxis nice_axis(double lo, double hi, AxisScale scale, bool percent, bool fixed = false, int target = 5);

// Where an axis is drawn: from `origin` (at axis.min) along the unit vector `along` for
// `length` units; grid lines run from the axis along `across` for `grid_length`, and tick
// labels stand on the other side.
struct AxisPlacement {
    Vec2 origin{0, 0};
    Vec2 along{0, 1};
    double length = 1;
    Vec2 across{1, 0};
    double grid_length = 0;  // 0: no grid
};

// Adds `<id><suffix>`: a group of `<suffix>.line`, `<suffix>.tick[k]` (mark and label) and
// `<suffix>.grid`. Tick leaves are keyed by their label, so a transform between two charts
// keeps the ticks they share. Returns the group.
std::size_t build_value_axis(WidgetBuilder& b, const std::string& suffix, const ValueAxis& axis,
                             const AxisPlacement& at, double font_size);

}  // namespace attnreel
