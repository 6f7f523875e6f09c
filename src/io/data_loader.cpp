#include "io/data_loader.hpp"

#include "attention/masks.hpp"
#include "attention/model_path.hpp"

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
    attention::ModelBlock& block = data.models.emplace_back();
    block.mark = in.mark(m["model"]);
    in.only_keys(model, {"d_model", "heads", "layers", "seed", "mask", "positional", "scale", "layer_norm", "synthetic",
                         "window", "weights"},
                 "model");
    if (data.tokens.empty()) in.fail(m["model"], "a model needs 'tokens' in the data block");
    const bool synthetic = model["synthetic"] && in.boolean(model["synthetic"], "synthetic");
    // Each kind of model takes its own keys; one meant for another kind is a mistake.
    const std::vector<std::string> file_keys = {"weights"}, synthetic_keys = {"window"},
                                   computed_keys = {"d_model", "positional", "scale", "layer_norm"};
    const std::string kind_name = model["weights"] ? "a model loaded from weights" : synthetic ? "a synthetic model"
                                                                                             : "a computed model";
    auto reject = [&](const std::vector<std::string>& keys) {
        for (const auto& key : keys)
            if (model[key]) in.fail(in.key_node(model, key), "'" + key + "' does not apply to " + kind_name);
    };
    if (model["weights"]) {
        reject(synthetic_keys);
        reject(computed_keys);
        for (const char* key : {"layers", "heads", "seed", "mask", "synthetic"})
            if (model[key]) in.fail(in.key_node(model, key), std::string("'") + key + "' does not apply to " + kind_name +
                                                               ": the file gives the weights");
        block.kind = attention::ModelBlock::Kind::file;
        std::filesystem::path file = in.string(model["weights"], "weights");
        if (file.is_relative()) file = std::filesystem::path(scene_dir) / file;
        block.weights_file = file.string();
        block.queries = data.tokens;
        return data;
    }
    reject(synthetic ? computed_keys : synthetic_keys);
    // Settings both generated kinds share.
    auto common = [&](auto& spec) {
        spec.tokens = data.tokens;
        if (model["layers"]) spec.layers = in.integer(model["layers"], "layers", 1, 48);
        if (model["heads"]) spec.heads = in.integer(model["heads"], "heads", 1, 64);
        if (model["seed"]) spec.seed = std::uint64_t(in.integer(model["seed"], "seed", 0, 1 << 30));
        spec.mask = model["mask"] ? load_mask(in, model["mask"])
                                  : attention::MaskSpec{attention::MaskKind::causal, 1, {}, {}};
    };
    if (synthetic) {
        block.kind = attention::ModelBlock::Kind::synthetic;
        auto& s = block.synthetic;
        common(s);
        if (model["window"]) s.window = in.integer(model["window"], "window", 1, 512);
        return data;
    }
    block.kind = attention::ModelBlock::Kind::computed;
    auto& c = block.computed;
    common(c);
    if (model["d_model"]) c.d_model = in.integer(model["d_model"], "d_model", 1, 1024);
    if (model["positional"]) c.positional = in.boolean(model["positional"], "positional");
    if (model["scale"]) c.scale = in.boolean(model["scale"], "scale");
    if (model["layer_norm"]) c.layer_norm = in.boolean(model["layer_norm"], "layer_norm");
    return data;
}

attention::PathRef load_model_path(const YamlReader& in, const YAML::Node& node, const std::string& what) {
    const std::string text = in.string(node, what);
    try {
        return {text, attention::parse_model_path(text), in.mark(node)};
    } catch (const attention::PathError& e) {
        throw InputError(in.mark_at(node, e.offset()), e.what());
    }
}

}  // namespace attnreel
