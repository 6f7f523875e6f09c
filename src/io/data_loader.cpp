#include "io/data_loader.hpp"

#include "attention/masks.hpp"

#include <filesystem>

namespace attnreel {

namespace {

attention::MaskSpec load_mask(const YamlReader& in, const YAML::Node& node) {
    attention::MaskSpec mask;
    const YAML::Node kind = node.IsMap() ? in.required(node, "kind", "mask") : node;
    if (node.IsMap()) in.only_keys(node, {"kind", "window", "global", "padding"}, "mask");
    try {
        mask.kind = attention::parse_mask_kind(in.string(kind, "mask"));
    } catch (const InputError& e) {
        in.fail(kind, e.message());
    }
    if (!node.IsMap()) return mask;
    if (node["window"]) mask.window = in.integer(node["window"], "window", 1, 512);
    for (const char* key : {"global", "padding"})
        if (node[key])
            for (const auto& i : in.list(node[key], key, 512))
                (std::string(key) == "global" ? mask.global : mask.padding).push_back(in.integer(i, key, 0, 511));
    return mask;
}

}  // namespace

DataSpec load_data(const YamlReader& in, const YAML::Node& node, const std::string& scene_dir) {
    const auto& m = in.map(node, "data");
    in.only_keys(m, {"tokens", "model"}, "data");
    DataSpec data;
    if (m["tokens"]) {
        for (const auto& t : in.list(m["tokens"], "tokens", 512)) data.tokens.push_back(in.string(t, "tokens"));
        if (data.tokens.empty()) in.fail(m["tokens"], "'tokens' needs at least one token");
    }
    if (!m["model"]) return data;
    const YAML::Node model = in.map(m["model"], "model");
    data.model_mark = in.mark(m["model"]);
    in.only_keys(model, {"d_model", "heads", "layers", "seed", "mask", "positional", "scale", "layer_norm", "synthetic",
                         "window", "weights"},
                 "model");
    if (data.tokens.empty()) in.fail(m["model"], "a model needs 'tokens' in the data block");
    const bool synthetic = model["synthetic"] && in.boolean(model["synthetic"], "synthetic");
    if (model["weights"]) {
        data.kind = DataSpec::ModelKind::File;
        std::filesystem::path file = in.string(model["weights"], "weights");
        if (file.is_relative()) file = std::filesystem::path(scene_dir) / file;
        data.weights_file = file.string();
        return data;
    }
    const int layers = model["layers"] ? in.integer(model["layers"], "layers", 1, 48) : 1;
    const int heads = model["heads"] ? in.integer(model["heads"], "heads", 1, 64) : 4;
    const std::uint64_t seed = model["seed"] ? std::uint64_t(in.integer(model["seed"], "seed", 0, 1 << 30)) : 0;
    attention::MaskSpec mask{attention::MaskKind::causal, 1, {}, {}};
    if (model["mask"]) mask = load_mask(in, model["mask"]);
    if (synthetic) {
        data.kind = DataSpec::ModelKind::Synthetic;
        auto& s = data.synthetic;
        s.tokens = data.tokens;
        s.layers = layers;
        s.heads = heads;
        s.seed = seed;
        s.mask = mask;
        if (model["window"]) s.window = in.integer(model["window"], "window", 1, 512);
        return data;
    }
    data.kind = DataSpec::ModelKind::Computed;
    auto& c = data.computed;
    c.tokens = data.tokens;
    c.layers = layers;
    c.heads = heads;
    c.seed = seed;
    c.mask = mask;
    if (model["d_model"]) c.d_model = in.integer(model["d_model"], "d_model", 1, 1024);
    if (model["positional"]) c.positional = in.boolean(model["positional"], "positional");
    if (model["scale"]) c.scale = in.boolean(model["scale"], "scale");
    if (model["layer_norm"]) c.layer_norm = in.boolean(model["layer_norm"], "layer_norm");
    return data;
}

}  // namespace attnreel
