#pragma once
// Reads the chart kinds (bar_chart, softmax_bars, line_chart) and what they share: a
// series of numbers written out or named by a model path, category labels, an axis range
// and scale, a number format.
#include "io/yaml_reader.hpp"

namespace attnreel {

BarChartSpec load_bar_chart(const YamlReader& in, const YAML::Node& node, const DataSpec& data);
SoftmaxBarsSpec load_softmax_bars(const YamlReader& in, const YAML::Node& node, const DataSpec& data);
LineChartSpec load_line_chart(const YamlReader& in, const YAML::Node& node, const DataSpec& data);

// Numbers: a list (`-inf` marks a masked entry), or a model path naming a vector.
NumberSeries load_series(const YamlReader& in, const YAML::Node& node, const std::string& what);
// A list of names, or `$tokens` for the data block's tokens.
Labels load_labels(const YamlReader& in, const YAML::Node& node, const DataSpec& data, const std::string& what);
// `[min, max]` with min < max.
std::pair<double, double> load_range(const YamlReader& in, const YAML::Node& node, const std::string& what);

}  // namespace attnreel
