#pragma once
// What a scene file says about charts (bar_chart, softmax_bars, line_chart): plain values
// read by io/chart_loader, with their numbers filled from the model when the scene compiles
// (timeline/chart_numbers) and built into objects by widgets/.
#include "attention/model_path.hpp"
#include "core/color.hpp"
#include "core/error.hpp"
#include "scene/object.hpp"

#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace attnreel {

// A list of numbers: written in the file, named by a model path (a vector) resolved when the
// scene compiles, or a list whose entries are numbers or paths to single numbers.
struct NumberSeries {
    std::vector<double> values;  // −inf marks an entry the model's mask hides
    std::optional<attention::PathRef> path;
    std::vector<std::optional<attention::PathRef>> entry_paths;  // per entry, for a list (or empty)
    SourceMark mark;             // of the list or the path
    // Filled from the model: each entry's canonical path (empty for a number written out),
    // whether the entries are probabilities, and the tokens they stand for when they are a
    // row over keys.
    std::vector<std::string> sources;
    bool probabilities = false;
    std::vector<std::string> keys;

    // Where entry i came from, or "" for a number written in the file.
    const std::string& source_of(std::size_t i) const {
        static const std::string none;
        return i < sources.size() ? sources[i] : none;
    }
};

// Category labels, written or `$tokens`; empty: taken from the model's tokens where the
// numbers are a row over them, else the indices 0, 1, 2…
struct Labels {
    std::vector<std::string> names;
    SourceMark mark;
    bool given = false;
};

enum class AxisScale { Linear, Log };

struct BarChartSpec {
    NumberSeries values;
    Labels labels;
    bool horizontal = false;     // bars to the right from a vertical category axis
    NumberFormat format;         // of the value labels (and the axis ticks)
    bool decimals_given = false;
    double width = 6, height = 3.5;  // the plot area, in units
    std::optional<std::pair<double, double>> range;  // of the value axis
    SourceMark range_mark;
    AxisScale scale = AxisScale::Linear;
    SourceMark scale_mark;
    std::vector<Color> colors;   // per bar, cycled; empty: `color`
    Color color{0x38 / 255.0, 0xbd / 255.0, 0xf8 / 255.0, 1};
    bool value_labels = true;
    bool grid = true;
    std::string title;           // the value axis's title
    double font_size = 24;       // category labels; ticks and values are a little smaller
};

// One query's scores, their exponentials and the softmax weights, side by side.
struct SoftmaxBarsSpec {
    NumberSeries scores;
    // The model's own weights for these scores, entry by entry, when the scores are a head's
    // (scaled) scores row and its softmax is that row of the weights: the shown weights' provenance.
    std::vector<std::string> weight_sources;
    Labels labels;
    int decimals = 2;
    double bar_length = 2.2;  // of each stage's longest bar, in units
    double row_height = 0.5;
    double font_size = 24;
    Color score_color{0x8b / 255.0, 0x5c / 255.0, 0xf6 / 255.0, 1};   // purple
    Color exp_color{0xf5 / 255.0, 0x9e / 255.0, 0x0b / 255.0, 1};     // amber
    Color weight_color{0x10 / 255.0, 0xb9 / 255.0, 0x81 / 255.0, 1};  // green
};

struct LineSeriesSpec {
    NumberSeries values;
    std::string label;
    std::optional<Color> color;
};

struct LineChartSpec {
    std::vector<LineSeriesSpec> series;
    SourceMark series_mark;
    // `series: PATH` naming a matrix: one series per row (analysis.distance_profile: a line
    // per layer), filled in when the scene compiles.
    std::optional<attention::PathRef> series_path;
    Labels x_labels;            // one per point; none: the indices, from x_start
    double x_start = 0;
    std::string x_title, y_title;
    double width = 6, height = 3.5;
    std::optional<std::pair<double, double>> range;  // of the y axis
    SourceMark range_mark;
    AxisScale scale = AxisScale::Linear;
    SourceMark scale_mark;
    bool markers = true;
    bool grid = true;
    bool value_labels = false;    // each point's value above it
    int decimals = 2;             // of the value labels
    double font_size = 24;
};

}  // namespace attnreel
