#include "io/connection_loader.hpp"

#include "io/data_loader.hpp"
#include "io/widget_loader.hpp"
#include "text/utf8.hpp"

#include <limits>

namespace attnreel {

namespace {

constexpr std::size_t kMaxTokens = 512;

// `weights:` a model path, or rows of numbers.
ConnectionWeights load_weights(const YamlReader& in, const YAML::Node& node) {
    ConnectionWeights w;
    w.mark = in.mark(node);
    if (node.IsScalar()) {
        w.path = load_model_path(in, node, "weights");
        return w;
    }
    if (!node.IsSequence())
        in.fail(node, "expected a model path such as \"model.layer[0].head[1]\" or rows of weights for 'weights'");
    for (const auto& row : in.list(node, "weights", kMaxTokens)) {
        if (!row.IsSequence()) in.fail(row, "expected a list of weights for each row of 'weights'");
        std::vector<double> numbers;
        for (const auto& v : in.list(row, "weights", kMaxTokens)) {
            const bool masked = v.IsScalar() && (v.Scalar() == "-inf" || v.Scalar() == "-.inf" ||
                                                 v.Scalar() == "-.Inf" || v.Scalar() == "-.INF");
            numbers.push_back(masked ? -std::numeric_limits<double>::infinity() : in.number(v, "weights", 0, 1));
        }
        if (!w.values.empty() && numbers.size() != w.values[0].size())
            in.fail(row, "row " + std::to_string(w.values.size()) + " has " + std::to_string(numbers.size()) +
                             " weights, expected " + std::to_string(w.values[0].size()) + " like row 0");
        w.values.push_back(std::move(numbers));
    }
    if (w.values.empty()) in.fail(node, "'weights' needs at least one row");
    return w;
}

// The tokens a widget's `colors` name: its own, else those of the model its weights come
// from (a head's weights without slices: its queries). Empty when they are only known
// once the scene compiles.
std::vector<std::string> tokens_for_colors(const std::vector<std::string>& own, const ConnectionWeights& weights,
                                           const DataSpec& data) {
    if (!own.empty()) return own;
    if (!weights.path || !weights.path->path.slices.empty() || weights.path->path.analysis) return {};
    for (const auto& model : data.models)
        if (model.name == weights.path->path.model)
            return model.queries;
    return {};
}

// `palette` and `colors` of a connection widget, `colors` naming `tokens`.
TokenPalette load_connection_palette(const YamlReader& in, const YAML::Node& m, const std::vector<std::string>& tokens) {
    if (m["colors"] && tokens.empty())
        in.fail(in.key_node(m, "colors"), "'colors' names tokens, and this widget's tokens are not known here: "
                                          "give 'tokens', or weights from a model path such as "
                                          "\"model.layer[0].head[1]\"");
    return load_token_palette(in, m, tokens, default_token_palette());
}

}  // namespace

std::vector<std::string> load_token_list(const YamlReader& in, const YAML::Node& node, const DataSpec& data,
                                         const std::string& what) {
    if (node.IsScalar() && node.Scalar() == "$tokens") {
        if (data.tokens.empty()) in.fail(node, "'$tokens' needs 'tokens' in the data block");
        return data.tokens;
    }
    std::vector<std::string> tokens;
    for (const auto& t : in.list(node, what, kMaxTokens)) tokens.push_back(in.string(t, what));
    if (tokens.empty()) in.fail(node, "'" + what + "' needs at least one token");
    return tokens;
}

WeightExpression load_weight_expression(const YamlReader& in, const YAML::Node& node, const std::string& what) {
    const std::string text = in.string(node, what);
    try {
        return WeightExpression::parse(text);
    } catch (const ExpressionError& e) {
        throw InputError(in.mark_at(node, e.offset()), "'" + what + "': " + e.what());
    }
}

AttentionGraphSpec load_attention_graph(const YamlReader& in, const YAML::Node& node, const DataSpec& data) {
    const auto& m = in.map(node, "attention_graph");
    in.only_keys(m, {"weights", "tokens", "targets", "direction", "spacing", "extent", "font_size", "font", "width",
                     "opacity", "color", "head", "layer", "min_weight", "legend", "palette", "colors", "font_features"},
                 "attention_graph");
    AttentionGraphSpec g;
    g.weights = load_weights(in, in.required(m, "weights", "attention_graph"));
    if (const YAML::Node t = m["tokens"]) {
        g.sources_mark = in.mark(t);
        g.sources = load_token_list(in, t, data, "tokens");
    }
    if (const YAML::Node t = m["targets"]) {
        g.targets_mark = in.mark(t);
        g.targets = load_token_list(in, t, data, "targets");
    }
    g.palette = load_connection_palette(in, m, tokens_for_colors(g.sources, g.weights, data));
    if (const YAML::Node d = m["direction"]) {
        const std::string dir = in.string(d, "direction");
        if (dir == "down") g.down = true;
        else if (dir != "right")
            in.fail(d, "unknown direction " + text::quoted(dir) + " for attention_graph" +
                               did_you_mean(dir, {"right", "down"}) +
                           " (expected right: sources in a column on the left, or down: sources in a row on top)");
    }
    if (m["spacing"]) g.spacing = in.number(m["spacing"], "spacing", 0.5, 100);
    if (m["extent"]) g.extent = in.number(m["extent"], "extent", 0.5, 100);
    if (m["font_size"]) g.font_size = in.number(m["font_size"], "font_size", 1, 500);
    if (m["font"]) g.font = in.string(m["font"], "font");
    g.font_features = load_label_font_features(in, m);
    if (m["width"]) g.width = load_weight_expression(in, m["width"], "width");
    if (m["opacity"]) g.opacity = load_weight_expression(in, m["opacity"], "opacity");
    if (m["color"]) g.color = in.color(m["color"], "color");
    if (m["head"]) g.head = in.integer(m["head"], "head", 0, 1000);
    if (m["layer"]) g.layer = in.integer(m["layer"], "layer", 0, 1000);
    if (m["min_weight"]) g.min_weight = in.number(m["min_weight"], "min_weight", 0, 1);
    if (m["legend"]) g.legend = in.boolean(m["legend"], "legend");
    return g;
}

AttentionNetworkSpec load_attention_network(const YamlReader& in, const YAML::Node& node, const DataSpec& data) {
    const auto& m = in.map(node, "attention_network");
    in.only_keys(m, {"weights", "tokens", "width", "height", "font_size", "font", "min_weight", "edge_width",
                     "edge_opacity", "color", "head", "node_size", "clusters", "hulls", "seed", "palette", "colors",
                     "font_features"},
                 "attention_network");
    AttentionNetworkSpec n;
    n.weights = load_weights(in, in.required(m, "weights", "attention_network"));
    if (const YAML::Node t = m["tokens"]) {
        n.tokens_mark = in.mark(t);
        n.tokens = load_token_list(in, t, data, "tokens");
    }
    n.palette = load_connection_palette(in, m, tokens_for_colors(n.tokens, n.weights, data));
    if (m["width"]) n.width = in.number(m["width"], "width", 1, 100);
    if (m["height"]) n.height = in.number(m["height"], "height", 1, 100);
    if (m["font_size"]) n.font_size = in.number(m["font_size"], "font_size", 1, 500);
    if (m["font"]) n.font = in.string(m["font"], "font");
    n.font_features = load_label_font_features(in, m);
    if (m["min_weight"]) n.min_weight = in.number(m["min_weight"], "min_weight", 0, 1);
    if (m["edge_width"]) n.edge_width = load_weight_expression(in, m["edge_width"], "edge_width");
    if (m["edge_opacity"]) n.edge_opacity = load_weight_expression(in, m["edge_opacity"], "edge_opacity");
    if (m["color"]) n.color = in.color(m["color"], "color");
    if (m["head"]) n.head = in.integer(m["head"], "head", 0, 1000);
    if (const YAML::Node size = m["node_size"]) {
        const YAML::Node bounds = in.list(size, "node_size", 100);
        if (bounds.size() != 2) in.fail(size, "'node_size' needs two radii, [least, most attention received]");
        n.node_min = in.number(bounds[0], "node_size", 0.02, 5);
        n.node_max = in.number(bounds[1], "node_size", 0.02, 5);
        if (n.node_max < n.node_min) in.fail(size, "'node_size' needs the smaller radius first");
    }
    if (m["clusters"]) n.clusters = in.integer(m["clusters"], "clusters", 0, 12);
    if (m["hulls"]) n.hulls = in.boolean(m["hulls"], "hulls");
    if (m["seed"]) n.seed = static_cast<std::uint64_t>(in.integer(m["seed"], "seed", 0, 1 << 30));
    return n;
}

}  // namespace attnreel
