#include "io/head_grid_loader.hpp"
#include "text/utf8.hpp"

namespace attnreel {

HeadGridSpec load_head_grid(const YamlReader& in, const YAML::Node& node, bool layers) {
    const std::string kind = layers ? "layer_stack" : "head_grid";
    const auto& m = in.map(node, kind);
    std::vector<std::string> keys = {"model", "columns", "thumb_size", "thumbnail", "patterns", "select",
                                     "view",  "view_size", "colors", "font_size"};
    if (layers) keys.push_back("head");
    else keys.insert(keys.end(), {"layer", "diagram", "token"});
    in.only_keys(m, keys, kind);
    HeadGridSpec g;
    g.layers = layers;
    g.mark = in.mark(node);
    if (const YAML::Node model = m["model"]) {
        // `model: causal` names models.causal; `model: model` is the default model.
        g.model = in.string(model, "model");
        if (g.model.rfind("models.", 0) == 0) g.model = g.model.substr(7);
        if (g.model == "model") g.model.clear();
        g.mark = in.mark(model);
    }
    if (m["layer"]) {
        g.layer_mark = in.mark(m["layer"]);
        g.layer = in.integer(m["layer"], "layer", 0, 1000);
    }
    if (m["head"]) {
        g.head_mark = in.mark(m["head"]);
        g.head = in.integer(m["head"], "head", 0, 1000);
    }
    if (m["columns"]) g.columns = static_cast<std::size_t>(in.integer(m["columns"], "columns", 1, 64));
    if (m["thumb_size"]) g.thumb_size = in.number(m["thumb_size"], "thumb_size", 0.2, 10);
    if (const YAML::Node t = m["thumbnail"]) {
        const std::string word = in.string(t, "thumbnail");
        if (word != "heatmap" && word != "graph")
            in.fail(t, "unknown thumbnail " + text::quoted(word) + did_you_mean(word, {"heatmap", "graph"}) +
                           " (expected heatmap or graph)");
        g.thumbnail = word == "graph" ? HeadGridSpec::Thumbnail::Graph : HeadGridSpec::Thumbnail::Heatmap;
    }
    if (m["patterns"]) g.patterns = in.boolean(m["patterns"], "patterns");
    if (m["select"]) {
        g.select_mark = in.mark(m["select"]);
        g.select = in.integer(m["select"], "select", 0, 1000);
    }
    if (m["view"]) g.view = in.boolean(m["view"], "view");
    if (m["view_size"]) g.view_size = in.number(m["view_size"], "view_size", 0.5, 20);
    if (m["diagram"]) g.diagram = in.boolean(m["diagram"], "diagram");
    if (m["token"]) {
        g.token_mark = in.mark(m["token"]);
        g.token = in.integer(m["token"], "token", 0, 100000);
    }
    if (const YAML::Node colors = m["colors"]) {
        for (const auto& c : in.list(colors, "colors", 64)) g.colors.push_back(in.color(c, "colors"));
        if (g.colors.empty()) in.fail(colors, "'colors' needs at least one colour");
    }
    if (m["font_size"]) g.font_size = in.number(m["font_size"], "font_size", 4, 200);
    return g;
}

}  // namespace attnreel
