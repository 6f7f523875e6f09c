#pragma once
// A bar chart: one bar per value growing from the axis (value 0, or the bottom of a log
// axis), a value axis with round ticks and faint grid lines, a category label under (or
// beside) each bar and the value at each bar's end, as a number or a percentage.
//
// The plot area (spec.width × spec.height) is centred on the origin. Ids, for a chart `bc`:
//   bc            group: bc.axis, bc.baseline, bc.labels, bc.bars, bc.values (and bc.title),
//                 so `create: bc` with a lag_ratio draws the axis, then the labels, bars, values
//   bc.bar[i]     bar i (create grows it from the axis)     bc.bars: group of the bars
//   bc.value[i]   bar i's value label (create counts it up with its bar)   bc.values
//   bc.label[i]   category label i                                         bc.labels
//   bc[i]         bar i, its value and its label (a separate object)
//   bc.axis       the value axis (widgets/chart_axis.hpp)
// Every leaf is keyed by its place, so `transform: a, to: b` between two bar charts with the
// same number of bars stretches each bar into its counterpart and counts each value to the
// new one.
#include "scene/chart_spec.hpp"
#include "widgets/widget_parts.hpp"

namespace attnreel {

// Validates the values against the labels and the axis (InputError at their marks) and adds
// the chart to the table.
std::size_t build_bar_chart(ObjectTable& table, SceneFonts& fonts, const std::string& id, const BarChartSpec& spec,
                            const SourceMark& mark);

// The labels a chart shows for `values`: the given ones (checked: one per value), else the
// tokens the model's numbers run over, else 0, 1, 2… Shared by every chart with categories.
std::vector<std::string> category_labels(const Labels& labels, const NumberSeries& values);

// A bar from `base` (the middle of its foot) along the unit vector `direction`, `length`
// long and `thickness` wide, its far corners rounded. Every bar has the same verbs, whatever
// its size, so one bar morphs into another point by point.
Path bar_path(const Vec2& base, const Vec2& direction, double length, double thickness, double radius);

// Checks that a series has values and, on a log axis, only positive ones.
void check_series(const NumberSeries& values, AxisScale scale, const SourceMark& scale_mark);

}  // namespace attnreel
