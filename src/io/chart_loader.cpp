#include "io/chart_loader.hpp"

#include "io/data_loader.hpp"

#include <cmath>

namespace attnreel {

namespace {

constexpr std::size_t kMaxValues = 4096;  // read; the widgets say how many they show

double length(const YamlReader& in, const YAML::Node& n, const std::string& what) {
    return in.number(n, what, 0.05, 1000);
}

bool is_minus_infinity(const YAML::Node& v) {
    return v.IsScalar() && (v.Scalar() == "-inf" || v.Scalar() == "-.inf" || v.Scalar() == "-.Inf" ||
                            v.Scalar() == "-.INF");
}

// One word of `choices`, or an error naming them and the nearest.
std::string choice(const YamlReader& in, const YAML::Node& node, const std::string& what,
                   const std::vector<std::string>& choices) {
    const std::string word = in.string(node, what);
    for (const auto& c : choices)
        if (c == word) return word;
    std::string list;
    for (const auto& c : choices) list += (list.empty() ? "" : ", ") + c;
    in.fail(node, "unknown " + what + " '" + word + "'" + did_you_mean(word, choices) + " (expected " + list + ")");
}

AxisScale load_scale(const YamlReader& in, const YAML::Node& node) {
    return choice(in, node, "scale", {"linear", "log"}) == "log" ? AxisScale::Log : AxisScale::Linear;
}

// `format: number | percent` and `decimals` (default 2 for numbers, 0 for percentages).
NumberFormat load_format(const YamlReader& in, const YAML::Node& m) {
    NumberFormat f;
    if (m["format"]) f.percent = choice(in, m["format"], "format", {"number", "percent"}) == "percent";
    f.decimals = f.percent ? 0 : 2;
    if (m["decimals"]) f.decimals = in.integer(m["decimals"], "decimals", 0, 6);
    return f;
}

std::vector<Color> load_colors(const YamlReader& in, const YAML::Node& node) {
    std::vector<Color> colors;
    for (const auto& c : in.list(node, "colors", 256)) colors.push_back(in.color(c, "colors"));
    if (colors.empty()) in.fail(node, "'colors' needs at least one colour");
    return colors;
}

LineSeriesSpec load_line_series(const YamlReader& in, const YAML::Node& node) {
    LineSeriesSpec s;
    if (!node.IsMap()) {
        s.values = load_series(in, node, "series");
        return s;
    }
    in.only_keys(node, {"values", "label", "color"}, "a series");
    s.values = load_series(in, in.required(node, "values", "a series"), "values");
    if (node["label"]) s.label = in.string(node["label"], "label");
    if (node["color"]) s.color = in.color(node["color"], "color");
    return s;
}

}  // namespace

NumberSeries load_series(const YamlReader& in, const YAML::Node& node, const std::string& what) {
    NumberSeries s;
    s.mark = in.mark(node);
    if (node.IsScalar()) {
        if (!attention::starts_like_model_path(node.Scalar()))
            in.fail(node, "expected a list of numbers or a model path (such as \"model.layer[0].head[1].row[2]\" "
                          "or \"analysis.entropy_by_layer\") for '" + what + "'");
        s.path = load_model_path(in, node, what);
        return s;
    }
    if (!node.IsSequence())
        in.fail(node, "expected a list of numbers or a model path for '" + what + "'");
    for (const auto& v : in.list(node, what, kMaxValues)) {
        // An entry is a number, -inf (masked), or a path to one number of the model.
        if (v.IsScalar() && attention::starts_like_model_path(v.Scalar())) {
            s.entry_paths.resize(s.values.size());
            s.entry_paths.push_back(load_model_path(in, v, what));
            s.values.push_back(0);  // filled when the scene compiles
            continue;
        }
        s.values.push_back(is_minus_infinity(v) ? -INFINITY : in.number(v, what, -1e12, 1e12));
    }
    if (s.values.empty()) in.fail(node, "'" + what + "' is empty: expected at least one number");
    return s;
}

Labels load_labels(const YamlReader& in, const YAML::Node& node, const DataSpec& data, const std::string& what) {
    Labels l;
    l.mark = in.mark(node);
    l.given = true;
    if (node.IsScalar() && node.Scalar() == "$tokens") {
        if (data.tokens.empty()) in.fail(node, "'$tokens' needs 'tokens' in the data block");
        l.names = data.tokens;
        return l;
    }
    for (const auto& t : in.list(node, what, kMaxValues)) l.names.push_back(in.string(t, what));
    return l;
}

std::pair<double, double> load_range(const YamlReader& in, const YAML::Node& node, const std::string& what) {
    const YAML::Node bounds = in.list(node, what, 100);
    if (bounds.size() != 2) in.fail(node, "'" + what + "' needs two numbers, [min, max]");
    const double lo = in.number(bounds[0], what, -1e12, 1e12), hi = in.number(bounds[1], what, -1e12, 1e12);
    if (!(lo < hi)) in.fail(node, "'" + what + "' needs min < max, found [" + bounds[0].Scalar() + ", " +
                                      bounds[1].Scalar() + "]");
    return {lo, hi};
}

BarChartSpec load_bar_chart(const YamlReader& in, const YAML::Node& node, const DataSpec& data) {
    const auto& m = in.map(node, "bar_chart");
    in.only_keys(m, {"values", "labels", "orientation", "format", "decimals", "width", "height", "range", "scale",
                     "color", "colors", "value_labels", "grid", "title", "font_size"},
                 "bar_chart");
    BarChartSpec b;
    b.values = load_series(in, in.required(m, "values", "bar_chart"), "values");
    if (m["labels"]) b.labels = load_labels(in, m["labels"], data, "labels");
    if (m["orientation"])
        b.horizontal = choice(in, m["orientation"], "orientation", {"vertical", "horizontal"}) == "horizontal";
    b.format = load_format(in, m);
    if (m["width"]) b.width = length(in, m["width"], "width");
    if (m["height"]) b.height = length(in, m["height"], "height");
    if (m["range"]) {
        b.range_mark = in.mark(m["range"]);
        b.range = load_range(in, m["range"], "range");
    }
    if (m["scale"]) {
        b.scale_mark = in.mark(m["scale"]);
        b.scale = load_scale(in, m["scale"]);
    }
    if (m["color"]) b.color = in.color(m["color"], "color");
    if (m["colors"]) b.colors = load_colors(in, m["colors"]);
    if (m["value_labels"]) b.value_labels = in.boolean(m["value_labels"], "value_labels");
    if (m["grid"]) b.grid = in.boolean(m["grid"], "grid");
    if (m["title"]) b.title = in.string(m["title"], "title");
    if (m["font_size"]) b.font_size = in.number(m["font_size"], "font_size", 4, 200);
    return b;
}

SoftmaxBarsSpec load_softmax_bars(const YamlReader& in, const YAML::Node& node, const DataSpec& data) {
    const auto& m = in.map(node, "softmax_bars");
    in.only_keys(m, {"scores", "labels", "decimals", "bar_length", "row_height", "font_size", "score_color",
                     "exp_color", "weight_color"},
                 "softmax_bars");
    SoftmaxBarsSpec s;
    s.scores = load_series(in, in.required(m, "scores", "softmax_bars"), "scores");
    if (m["labels"]) s.labels = load_labels(in, m["labels"], data, "labels");
    if (m["decimals"]) s.decimals = in.integer(m["decimals"], "decimals", 0, 6);
    if (m["bar_length"]) s.bar_length = length(in, m["bar_length"], "bar_length");
    if (m["row_height"]) s.row_height = length(in, m["row_height"], "row_height");
    if (m["font_size"]) s.font_size = in.number(m["font_size"], "font_size", 4, 200);
    if (m["score_color"]) s.score_color = in.color(m["score_color"], "score_color");
    if (m["exp_color"]) s.exp_color = in.color(m["exp_color"], "exp_color");
    if (m["weight_color"]) s.weight_color = in.color(m["weight_color"], "weight_color");
    return s;
}

LineChartSpec load_line_chart(const YamlReader& in, const YAML::Node& node, const DataSpec& data) {
    const auto& m = in.map(node, "line_chart");
    in.only_keys(m, {"series", "values", "label", "color", "x_labels", "x_start", "x_title", "y_title", "width",
                     "height", "range", "scale", "markers", "grid", "value_labels", "decimals", "font_size"},
                 "line_chart");
    LineChartSpec c;
    if (m["series"] && m["values"]) in.fail(in.key_node(m, "values"), "a line chart takes 'series' or 'values', not both");
    if (const YAML::Node series = m["series"]) {
        c.series_mark = in.mark(series);
        if (series.IsScalar()) {
            // A matrix of the model, a series per row.
            if (!attention::starts_like_model_path(series.Scalar()))
                in.fail(series, "expected a list of series or a model path naming a matrix (such as "
                                "\"analysis.distance_profile\") for 'series'");
            c.series_path = load_model_path(in, series, "series");
        } else {
            for (const auto& s : in.list(series, "series", 32)) c.series.push_back(load_line_series(in, s));
            if (c.series.empty()) in.fail(series, "'series' is empty: expected at least one series");
        }
        for (const char* key : {"label", "color"})
            if (m[key]) in.fail(in.key_node(m, key), std::string("'") + key + "' goes with 'values'; give each series its own");
    } else if (const YAML::Node values = m["values"]) {
        c.series_mark = in.mark(values);
        LineSeriesSpec s;
        s.values = load_series(in, values, "values");
        if (m["label"]) s.label = in.string(m["label"], "label");
        if (m["color"]) s.color = in.color(m["color"], "color");
        c.series.push_back(std::move(s));
    } else {
        in.fail(node, "a line chart needs 'values' (a list of numbers or a model path) or 'series' (a list of them)");
    }
    if (m["x_labels"]) c.x_labels = load_labels(in, m["x_labels"], data, "x_labels");
    if (m["x_start"]) c.x_start = in.number(m["x_start"], "x_start", -1e9, 1e9);
    if (m["x_title"]) c.x_title = in.string(m["x_title"], "x_title");
    if (m["y_title"]) c.y_title = in.string(m["y_title"], "y_title");
    if (m["width"]) c.width = length(in, m["width"], "width");
    if (m["height"]) c.height = length(in, m["height"], "height");
    if (m["range"]) {
        c.range_mark = in.mark(m["range"]);
        c.range = load_range(in, m["range"], "range");
    }
    if (m["scale"]) {
        c.scale_mark = in.mark(m["scale"]);
        c.scale = load_scale(in, m["scale"]);
    }
    if (m["markers"]) c.markers = in.boolean(m["markers"], "markers");
    if (m["grid"]) c.grid = in.boolean(m["grid"], "grid");
    if (m["value_labels"]) c.value_labels = in.boolean(m["value_labels"], "value_labels");
    if (m["decimals"]) c.decimals = in.integer(m["decimals"], "decimals", 0, 6);
    if (m["font_size"]) c.font_size = in.number(m["font_size"], "font_size", 4, 200);
    return c;
}

}  // namespace attnreel
