#include "attention/scene_json.hpp"

#include <nlohmann/json.hpp>

namespace attnreel::attention {

namespace {

using nlohmann::json;

json to_json(const ModelValue& v) {
    switch (v.shape) {
        case ModelValue::Shape::number: return v.values(0, 0);
        case ModelValue::Shape::name: return v.name;
        case ModelValue::Shape::vector: return std::vector<double>(v.values.data(), v.values.data() + v.values.size());
        case ModelValue::Shape::matrix: break;
    }
    json rows = json::array();
    for (Eigen::Index i = 0; i < v.values.rows(); ++i) {
        json row = json::array();
        for (Eigen::Index j = 0; j < v.values.cols(); ++j) row.push_back(v.values(i, j));
        rows.push_back(std::move(row));
    }
    return rows;
}

// The value at `path`, or nothing when this model has no such thing.
std::optional<json> lookup(const SceneData& data, const std::string& path) {
    try {
        return to_json(data.value(path));
    } catch (const InputError&) {
        return std::nullopt;
    }
}

// Every item of `names` under `prefix` that the model has; with `nulls`, the others as null.
void fill(json& out, const SceneData& data, const std::string& prefix, const std::vector<std::string>& names,
          bool nulls) {
    for (const auto& name : names) {
        if (auto value = lookup(data, prefix + "." + name)) out[name] = std::move(*value);
        else if (nulls) out[name] = nullptr;
    }
}

std::string prefix_of(const SceneData::Entry& e) { return e.name.empty() ? "model" : "models." + e.name; }

std::string kind_name(const AnyModel& model) {
    if (std::holds_alternative<SyntheticModel>(model)) return "synthetic";
    if (std::holds_alternative<LoadedAttention>(model)) return "file";
    return "computed";
}

std::size_t layer_count(const SceneData::Entry& e) {
    if (const auto* c = std::get_if<ComputedModel>(&e.model)) return c->layers.size();
    if (const auto* s = std::get_if<SyntheticModel>(&e.model)) return s->layers.size();
    return std::get<LoadedAttention>(e.model).stack.size();
}

std::size_t head_count(const SceneData::Entry& e) {
    if (const auto* c = std::get_if<ComputedModel>(&e.model)) return c->layers.front().heads.size();
    if (const auto* s = std::get_if<SyntheticModel>(&e.model)) return s->layers.front().size();
    return std::get<LoadedAttention>(e.model).stack.front().size();
}

void describe(json& out, const SceneData::Entry& e) {
    out["kind"] = e.trained ? "trained" : kind_name(e.model);
    if (e.cross) {
        out["queries"] = e.queries;
        out["keys"] = e.keys;
    } else {
        out["tokens"] = e.queries;
    }
    out["layers"] = layer_count(e);
    out["heads"] = head_count(e);
    if (const auto* c = std::get_if<ComputedModel>(&e.model)) {
        const ModelSpec& s = c->spec;
        out["d_model"] = s.d_model;
        out["d_k"] = c->d_k;
        out["seed"] = s.seed;
        out["mask"] = to_string(s.mask.kind);
        out["window"] = s.mask.window;
        out["positional"] = s.positional;
        out["scale"] = s.scale;
        out["layer_norm"] = s.layer_norm;
        out["residual"] = s.residual;
    }
    if (const auto* s = std::get_if<SyntheticModel>(&e.model)) {
        json layers = json::array();
        for (const auto& layer : s->layers) {
            json heads = json::array();
            for (const SyntheticHead& h : layer)
                heads.push_back({{"pattern", to_string(h.pattern)}, {"parameter", h.parameter}, {"sharpness", h.sharpness}});
            layers.push_back(std::move(heads));
        }
        out["planted"] = std::move(layers);  // the pattern each head was drawn from
    }
}

// A trained model's checkpoints as json["step"]["k"] (only some steps may be kept), each made
// by `make` from the checkpoint's path prefix ("model.step[10]").
template <typename Make>
void add_checkpoints(json& out, const SceneData::Entry& e, Make make) {
    if (!e.checkpoints) return;
    json steps = json::object();
    json kept = json::array();
    for (const SceneData::Entry& at : *e.checkpoints) {
        const std::string k = std::to_string(at.trained->step);
        steps[k] = make(at, prefix_of(e) + ".step[" + k + "]");
        kept.push_back(at.trained->step);
    }
    out["checkpoints"] = std::move(kept);
    out["step"] = std::move(steps);
}

json model_items_json(const SceneData& data, const SceneData::Entry& e, const std::string& prefix) {
    json out;
    fill(out, data, prefix, model_items(), false);
    json layers = json::array();
    for (std::size_t l = 0; l < layer_count(e); ++l) {
        const std::string layer_prefix = prefix + ".layer[" + std::to_string(l) + "]";
        json layer;
        fill(layer, data, layer_prefix, layer_items(), false);
        json heads = json::array();
        for (std::size_t h = 0; h < head_count(e); ++h) {
            json head;
            fill(head, data, layer_prefix + ".head[" + std::to_string(h) + "]", head_items(), false);
            heads.push_back(std::move(head));
        }
        layer["head"] = std::move(heads);
        layers.push_back(std::move(layer));
    }
    out["layer"] = std::move(layers);
    return out;
}

json model_object(const SceneData& data, const SceneData::Entry& e) {
    json out = model_items_json(data, e, prefix_of(e));
    describe(out, e);
    add_checkpoints(out, e, [&](const SceneData::Entry& at, const std::string& prefix) {
        return model_items_json(data, at, prefix);
    });
    return out;
}

json analysis_object(const SceneData& data, const SceneData::Entry& e, const std::string& prefix) {
    json out;
    fill(out, data, prefix, analysis_items(), true);
    json layers = json::array();
    for (std::size_t l = 0; l < layer_count(e); ++l) {
        const std::string layer_prefix = prefix + ".layer[" + std::to_string(l) + "]";
        json layer;
        fill(layer, data, layer_prefix, layer_metrics(), true);
        json heads = json::array();
        for (std::size_t h = 0; h < head_count(e); ++h) {
            json head;
            fill(head, data, layer_prefix + ".head[" + std::to_string(h) + "]", head_metrics(), true);
            heads.push_back(std::move(head));
        }
        layer["head"] = std::move(heads);
        layers.push_back(std::move(layer));
    }
    out["layer"] = std::move(layers);
    // The summary `analyze` prints: not a path, since its length depends on the heads.
    json specialised = json::array();
    for (const Specialisation& s : e.analysis().specialised)
        specialised.push_back({{"layer", s.layer}, {"head", s.head}, {"role", s.role}, {"score", s.score}});
    out["specialised"] = std::move(specialised);
    return out;
}

// {"model": ..., "models": {"name": ...}} with `object` for each.
template <typename Make>
std::string document(const SceneData& data, Make make) {
    json root = json::object();
    if (!data.spec().tokens.empty()) root["tokens"] = data.spec().tokens;
    for (const SceneData::Entry& e : data.models()) {
        if (e.name.empty()) root["model"] = make(e);
        else root["models"][e.name] = make(e);
    }
    return root.dump(2) + "\n";
}

}  // namespace

std::string models_json(const SceneData& data) {
    return document(data, [&](const SceneData::Entry& e) { return model_object(data, e); });
}

std::string analysis_json(const SceneData& data) {
    return document(data, [&](const SceneData::Entry& e) {
        json out;
        describe(out, e);
        out["analysis"] = analysis_object(data, e, e.name.empty() ? "analysis" : "models." + e.name + ".analysis");
        add_checkpoints(out, e, [&](const SceneData::Entry& at, const std::string& prefix) {
            return json{{"analysis", analysis_object(data, at, prefix + ".analysis")}};
        });
        return out;
    });
}

}  // namespace attnreel::attention
