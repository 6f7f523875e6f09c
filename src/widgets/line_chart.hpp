#pragma once
// A line chart: one or more series of numbers over a shared x axis (indices, or labels
// such as layers), a value axis with round ticks and grid lines, a marker at each point and
// each series named at the end of its line. `create` draws each line in along x, its
// markers appearing as the line reaches them.
//
// The plot area (spec.width × spec.height) is centred on the origin. Ids, for a chart `lc`:
//   lc                 group: lc.axis, lc.x_axis, lc.x_title, lc.y_title, then lc.series[k]
//   lc.series[k]       group of lc.series[k].line, .markers (one leaf, a dot per point),
//                      .label (the series' name) and .value[i] (with value_labels)
//   lc.x_axis          group: lc.x_axis.line and lc.x_axis.tick[i] (mark and label)
//   lc.axis            the value axis (widgets/chart_axis.hpp)
#include "scene/chart_spec.hpp"
#include "widgets/widget_parts.hpp"

namespace attnreel {

// Validates the series (at their marks: empty, a negative value on a log axis, labels that
// do not match the points) and adds the chart to the table.
std::size_t build_line_chart(ObjectTable& table, SceneFonts& fonts, const std::string& id, const LineChartSpec& spec,
                             const SourceMark& mark);

}  // namespace attnreel
