#include "io/widget_loader.hpp"

#include "io/data_loader.hpp"
#include "text/utf8.hpp"

#include <algorithm>
#include <cctype>
#include <limits>

namespace attnreel {

namespace {

constexpr double kMaxLength = 1000;  // scene units; the frame is 8 high
constexpr std::size_t kMaxTokens = 512;

double length(const YamlReader& in, const YAML::Node& n, const std::string& what, double min = 0) {
    return in.number(n, what, min, kMaxLength);
}

}  // namespace

// A token given by index or by its text.
int token_index(const YamlReader& in, const YAML::Node& node, const std::vector<std::string>& tokens,
                const std::string& what) {
    if (node.IsScalar()) {
        for (std::size_t i = 0; i < tokens.size(); ++i)
            if (tokens[i] == node.Scalar()) return static_cast<int>(i);
        const std::string& s = node.Scalar();
        if (!s.empty() && (std::isdigit(static_cast<unsigned char>(s[0])) || s[0] == '-'))
            return in.integer(node, what, 0, static_cast<int>(tokens.size()) - 1);
        in.fail(node, "'" + s + "' is not one of the tokens" + did_you_mean(s, tokens));
    }
    in.fail(node, "expected a token (its text or index) for '" + what + "'");
}

// A list of tokens, or "$tokens" for the data block's; `what` is the key, for messages.
// $tokens, $queries, $keys (the data block's), $models.NAME.tokens, .queries, .keys (a model's
// rows and columns; .tokens is the same as .queries).
static std::vector<std::string> data_tokens(const YamlReader& in, const YAML::Node& node, const DataSpec& data) {
    const std::string ref = node.Scalar();
    std::vector<std::pair<std::string, const std::vector<std::string>*>> lists = {
        {"$tokens", &data.tokens}, {"$queries", &data.queries}, {"$keys", &data.keys}};
    for (const auto& model : data.models) {
        const std::string prefix = model.name.empty() ? "$model." : "$models." + model.name + ".";
        const auto* keys = model.keys.empty() ? &model.queries : &model.keys;
        for (auto [suffix, list] : {std::pair{"tokens", &model.queries}, {"queries", &model.queries}, {"keys", keys}})
            lists.emplace_back(prefix + suffix, list);
    }
    std::vector<std::string> names;
    for (const auto& [name, list] : lists) {
        if (name == ref) {
            if (list->empty())
                in.fail(node, "'" + ref + "' needs '" + ref.substr(1) + "' in the data block");
            return *list;
        }
        names.push_back(name);
    }
    std::string valid;
    for (const auto& n : names) valid += (valid.empty() ? "" : ", ") + n;
    in.fail(node, "unknown token list " + text::quoted(ref) + did_you_mean(ref, names) + " (valid: " + valid + ")");
}

std::vector<std::string> load_tokens(const YamlReader& in, const YAML::Node& node, const DataSpec& data,
                                     const std::string& what) {
    if (node.IsScalar() && !node.Scalar().empty() && node.Scalar()[0] == '$') return data_tokens(in, node, data);
    std::vector<std::string> tokens;
    for (const auto& t : in.list(node, what, kMaxTokens)) tokens.push_back(in.string(t, what));
    if (tokens.empty()) in.fail(node, "'" + what + "' needs at least one " + (what == "tokens" ? "token" : "label"));
    return tokens;
}

TokenPalette load_token_palette(const YamlReader& in, const YAML::Node& map, const std::vector<std::string>& tokens,
                                TokenPalette base) {
    TokenPalette p = std::move(base);
    if (const YAML::Node palette = map["palette"]) {
        p.colors.clear();
        if (!(palette.IsScalar() && palette.Scalar() == "none")) {
            if (palette.IsScalar())
                in.fail(palette, "expected a list of colours for 'palette' (cycled over the tokens), or 'none'");
            for (const auto& c : in.list(palette, "palette", kMaxTokens)) p.colors.push_back(in.color(c, "palette"));
            if (p.colors.empty()) in.fail(palette, "'palette' needs at least one colour (or 'none' for no colours)");
        }
    }
    if (const YAML::Node colors = map["colors"]) {
        p.own.assign(tokens.size(), std::nullopt);
        if (colors.IsMap()) {
            for (const auto& kv : colors)
                p.own[token_index(in, kv.first, tokens, "colors")] = in.color(kv.second, "colors");
        } else {
            const YAML::Node list = in.list(colors, "colors", kMaxTokens);
            if (list.size() != tokens.size())
                in.fail(colors, "expected " + std::to_string(tokens.size()) + " colours in 'colors', one per token "
                                "(~ keeps the palette's), found " + std::to_string(list.size()));
            for (std::size_t i = 0; i < list.size(); ++i)
                if (!list[i].IsNull()) p.own[i] = in.color(list[i], "colors");
        }
    }
    return p;
}

text::FontFeatures load_font_features(const YamlReader& in, const YAML::Node& node) {
    static const std::vector<std::string> common = {"as_written", "liga", "clig", "dlig", "calt", "kern", "zero", "tnum",
                                                    "onum", "lnum", "pnum", "frac", "case", "smcp", "salt", "ss01"};
    text::FontFeatures features;
    for (const auto& item : in.list(node, "font_features", 100)) {
        const std::string feature = in.string(item, "font_features");
        if (feature == "as_written") {
            const auto& off = text::as_written_features();
            features.insert(features.end(), off.begin(), off.end());
        } else if (text::is_font_feature(feature)) {
            features.push_back(feature);
        } else {
            std::string bare = feature;
            while (!bare.empty() && (bare[0] == '-' || bare[0] == '+')) bare.erase(0, 1);
            in.fail(item, "unknown font feature '" + feature + "'" + did_you_mean(bare, common) +
                              " (expected an OpenType tag such as liga, -calt or ss01=1, or as_written)");
        }
    }
    return features;
}

Rotate load_rotate(const YamlReader& in, const YAML::Node& node) {
    constexpr double kMaxDegrees = 36000;  // a hundred turns
    if (!node.IsMap()) return {in.number(node, "rotate", -kMaxDegrees, kMaxDegrees), std::nullopt};
    in.only_keys(node, {"angle", "about_point"}, "rotate");
    Rotate r{in.number(in.required(node, "angle", "rotate"), "angle", -kMaxDegrees, kMaxDegrees), std::nullopt};
    if (node["about_point"]) r.about_point = in.point_or_ref(node["about_point"], "about_point");
    return r;
}

ColorScaleSpec load_color_scale(const YamlReader& in, const YAML::Node& map) {
    ColorScaleSpec s;
    if (map["low"]) s.low = in.color(map["low"], "low");
    if (map["high"]) s.high = in.color(map["high"], "high");
    if (map["mid_color"]) s.mid_color = in.color(map["mid_color"], "mid_color");
    if (const YAML::Node mid = map["mid"]) {
        if (mid.IsScalar() && parse_color(mid.Scalar()))
            in.fail(mid, "'mid' is the value at the middle of a diverging scale (a number such as 0); "
                         "its colour is 'mid_color'");
        s.mid = in.number(mid, "mid", -1e12, 1e12);
    }
    if (const YAML::Node range = map["range"]) {
        const YAML::Node bounds = in.list(range, "range", 100);
        if (bounds.size() != 2) in.fail(range, "'range' needs two numbers, [min, max]");
        const double lo = in.number(bounds[0], "range", -1e12, 1e12), hi = in.number(bounds[1], "range", -1e12, 1e12);
        if (!(lo < hi)) in.fail(range, "'range' needs min < max, found [" + bounds[0].Scalar() + ", " +
                                           bounds[1].Scalar() + "]");
        s.range = std::pair(lo, hi);
        if (s.mid && !(lo < *s.mid && *s.mid < hi))
            in.fail(map["mid"], "'mid' must lie inside 'range', between " + bounds[0].Scalar() + " and " +
                                    bounds[1].Scalar());
    }
    if (const YAML::Node blend = map["blend"]) {
        const std::string name = in.string(blend, "blend");
        if (name == "oklab") s.blend = ColorBlend::OkLab;
        else if (name == "rgb") s.blend = ColorBlend::Rgb;
        else in.fail(blend, "unknown blend " + text::quoted(name) + did_you_mean(name, {"oklab", "rgb"}) +
                                " (expected oklab or rgb)");
    }
    return s;
}

text::FontFeatures load_label_font_features(const YamlReader& in, const YAML::Node& map) {
    text::FontFeatures features = text::as_written_features();
    if (const YAML::Node own = map["font_features"]) {
        const text::FontFeatures added = load_font_features(in, own);
        features.insert(features.end(), added.begin(), added.end());
    }
    return features;
}

TokenRowSpec load_token_row(const YamlReader& in, const YAML::Node& node, const DataSpec& data) {
    const auto& m = in.map(node, "token_row");
    in.only_keys(m, {"tokens", "highlight", "font_size", "font", "font_features", "buff", "palette", "colors",
                     "box_fill", "box_stroke", "highlight_color", "label_color"},
                 "token_row");
    TokenRowSpec t;
    t.tokens = load_tokens(in, in.required(m, "tokens", "token_row"), data);
    t.palette = load_token_palette(in, m, t.tokens, default_token_palette());
    if (const auto h = m["highlight"]) {
        if (h.IsSequence())
            for (const auto& item : h) t.highlight.push_back(token_index(in, item, t.tokens, "highlight"));
        else t.highlight.push_back(token_index(in, h, t.tokens, "highlight"));
    }
    if (m["font_size"]) t.font_size = in.number(m["font_size"], "font_size", 1, 500);
    if (m["buff"]) t.buff = length(in, m["buff"], "buff");
    if (m["font"]) t.font = in.font(m["font"], "font");
    t.font_features = load_label_font_features(in, m);
    if (m["box_fill"]) t.box_fill = in.color(m["box_fill"], "box_fill");
    if (m["box_stroke"]) t.box_stroke = in.color(m["box_stroke"], "box_stroke");
    if (m["highlight_color"]) t.highlight_color = in.color(m["highlight_color"], "highlight_color");
    if (m["label_color"]) t.label_color = in.color(m["label_color"], "label_color");
    return t;
}

AttentionArrowsSpec load_attention_arrows(const YamlReader& in, const YAML::Node& node) {
    const auto& m = in.map(node, "attention_arrows");
    in.only_keys(m, {"row", "source", "weights", "min_width", "width_per_weight", "low", "high", "labels", "decimals",
                  "label_background", "label_font_size", "label_font", "side", "arc_height"},
                 "attention_arrows");
    AttentionArrowsSpec a;
    a.row = in.ref(in.required(m, "row", "attention_arrows"), "row");
    const YAML::Node source = in.required(m, "source", "attention_arrows");
    a.source_mark = in.mark(source);
    a.source = in.integer(source, "source", 0, kMaxTokens - 1);
    const YAML::Node weights = in.required(m, "weights", "attention_arrows");
    a.weights_mark = in.mark(weights);
    if (weights.IsScalar()) a.weights_path = load_model_path(in, weights, "weights");  // a path into the model
    else
        for (const auto& w : in.list(weights, "weights", kMaxTokens)) a.weights.push_back(in.number(w, "weights", 0, 1));
    if (m["min_width"]) a.min_width = in.number(m["min_width"], "min_width", 0, 100);
    if (m["width_per_weight"]) a.width_per_weight = in.number(m["width_per_weight"], "width_per_weight", 0, 100);
    if (m["low"]) a.low = in.color(m["low"], "low");
    if (m["high"]) a.high = in.color(m["high"], "high");
    if (m["labels"]) a.labels = in.boolean(m["labels"], "labels");
    if (m["label_background"]) a.label_background = in.color(m["label_background"], "label_background");
    if (m["label_font_size"]) a.label_font_size = in.number(m["label_font_size"], "label_font_size", 1, 500);
    if (m["label_font"]) a.label_font = in.font(m["label_font"], "label_font");
    if (m["decimals"]) a.decimals = in.integer(m["decimals"], "decimals", 0, 6);
    if (const YAML::Node side = m["side"]) {
        const std::string s = in.string(side, "side");
        if (s != "above" && s != "below")
            in.fail(side, "unknown side " + text::quoted(s) + " for attention_arrows" +
                                  did_you_mean(s, {"above", "below"}) +
                              " (expected above or below the token row)");
        a.above = s == "above";
    }
    if (m["arc_height"]) a.arc_height = in.number(m["arc_height"], "arc_height", 0.05, 20);
    return a;
}

namespace {

// A heatmap's numbers, row by row; "-inf" (or YAML's -.inf) marks a masked cell.
std::vector<std::vector<double>> load_heatmap_values(const YamlReader& in, const YAML::Node& node,
                                                     std::vector<SourceMark>& row_marks) {
    std::vector<std::vector<double>> values;
    // Sizes past the widget's limit are reported by the widget, once the list is read.
    for (const auto& row : in.list(node, "values", 4096)) {
        if (!row.IsSequence()) in.fail(row, "expected a list of numbers for each row of 'values'");
        std::vector<double> numbers;
        for (const auto& v : in.list(row, "values", 4096)) {
            const bool minus_infinity = v.IsScalar() && (v.Scalar() == "-inf" || v.Scalar() == "-.inf" ||
                                                         v.Scalar() == "-.Inf" || v.Scalar() == "-.INF");
            numbers.push_back(minus_infinity ? -std::numeric_limits<double>::infinity()
                                             : in.number(v, "values", -1e12, 1e12));
        }
        if (!values.empty() && numbers.size() != values[0].size())
            in.fail(row, "row " + std::to_string(values.size()) + " has " + std::to_string(numbers.size()) +
                             (numbers.size() == 1 ? " value" : " values") + ", expected " +
                             std::to_string(values[0].size()) + " like row 0");
        values.push_back(std::move(numbers));
        row_marks.push_back(in.mark(row));
    }
    return values;
}

}  // namespace

HeatmapSpec load_heatmap(const YamlReader& in, const YAML::Node& node, const DataSpec& data) {
    const auto& m = in.map(node, "heatmap");
    in.only_keys(m, {"values", "matrix", "rows", "columns", "palette", "colors", "cell_size", "numbers", "decimals",
                     "label_font_size", "column_label_angle", "gap", "number_font", "number_color", "legend", "low",
                     "high", "range", "mid", "mid_color", "blend", "font_features"},
                 "heatmap");
    HeatmapSpec h;
    if (m["values"] && m["matrix"]) in.fail(in.key_node(m, "matrix"), "a heatmap takes 'values' or 'matrix', not both");
    if (const YAML::Node values = m["values"]) {
        h.values_mark = in.mark(values);
        h.values = load_heatmap_values(in, values, h.row_marks);
    } else if (const YAML::Node path = m["matrix"]) {
        h.values_mark = in.mark(path);
        h.matrix_path = load_model_path(in, path, "matrix");
    } else {
        in.fail(node, "a heatmap needs 'values' (rows of numbers) or 'matrix' (a model path such as "
                      "\"model.layer[0].head[0]\")");
    }
    if (const YAML::Node rows = m["rows"]) {
        h.rows_mark = in.mark(rows);
        h.row_labels = load_tokens(in, rows, data, "rows");
    }
    if (const YAML::Node columns = m["columns"]) {
        h.columns_mark = in.mark(columns);
        h.column_labels = load_tokens(in, columns, data, "columns");
    }
    // Labels that are the data block's tokens take the tokens' colours, as a token row
    // does; `palette` and `colors` colour written labels too.
    const auto is_tokens = [&](const char* key) { return m[key] && m[key].IsScalar() && m[key].Scalar() == "$tokens"; };
    const bool given = m["palette"] || m["colors"];
    if (!h.row_labels.empty() && (is_tokens("rows") || given))
        h.row_palette = load_token_palette(in, m, h.row_labels, default_token_palette());
    if (!h.column_labels.empty() && (is_tokens("columns") || given))
        h.column_palette = load_token_palette(in, m, h.column_labels, default_token_palette());
    if (m["cell_size"]) h.cell_size = in.number(m["cell_size"], "cell_size", 0.02, 10);
    if (const YAML::Node gap = m["gap"]) {
        h.gap = length(in, gap, "gap");
        h.gap_mark = in.mark(gap);
        if (h.cell_size && *h.gap >= *h.cell_size)
            in.fail(gap, "'gap' must be smaller than 'cell_size' (" + m["cell_size"].Scalar() + "), found " +
                             gap.Scalar());
    }
    if (m["number_font"]) h.number_font = in.font(m["number_font"], "number_font");
    h.font_features = load_label_font_features(in, m);
    if (const YAML::Node c = m["number_color"]) {
        if (!(c.IsScalar() && c.Scalar() == "auto")) h.number_color = in.color(c, "number_color");
    }
    if (m["column_label_angle"])
        h.column_label_angle = in.number(m["column_label_angle"], "column_label_angle", -90, 90);
    if (m["legend"]) h.legend = in.boolean(m["legend"], "legend");
    if (m["numbers"]) h.numbers = in.boolean(m["numbers"], "numbers");
    if (m["decimals"]) h.decimals = in.integer(m["decimals"], "decimals", 0, 6);
    if (m["label_font_size"]) h.label_font_size = in.number(m["label_font_size"], "label_font_size", 1, 500);
    h.scale = load_color_scale(in, m);
    if (m["range"]) h.range_mark = in.mark(m["range"]);
    return h;
}

}  // namespace attnreel
