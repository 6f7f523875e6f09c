#include "timeline/scene_model.hpp"

#include "attention/attention_stack.hpp"
#include "attention/model_report.hpp"
#include "attention/report.hpp"

#include <algorithm>
#include <regex>

namespace attnreel {

SceneModel SceneModel::build(const DataSpec& data) {
    SceneModel m;
    m.tokens_ = data.tokens;
    try {
        switch (data.kind) {
        case DataSpec::ModelKind::None: break;
        case DataSpec::ModelKind::Computed: m.model_ = attention::build_model(data.computed); break;
        case DataSpec::ModelKind::Synthetic: m.model_ = attention::generate_synthetic(data.synthetic); break;
        case DataSpec::ModelKind::File:
            m.model_ = attention::load_attention_file(data.weights_file, data.tokens);
            break;
        }
    } catch (const InputError& e) {
        // Loader errors already name their file; spec errors get the data block's place.
        if (!e.mark().file.empty()) throw;
        throw InputError(data.model_mark, e.message());
    }
    return m;
}

namespace {

attention::AttentionStack stack_of(const auto& model) {
    using T = std::decay_t<decltype(model)>;
    if constexpr (std::is_same_v<T, attention::LoadedAttention>) return model.stack;
    else return attention::attention_stack(model);
}

}  // namespace

SceneModel::HeadPath SceneModel::parse(const std::string& path, const SourceMark& mark) {
    static const std::regex grammar(R"(model\.layer\[(\d+)\](?:\.head\[(\d+)\](?:\.(\w+))?|\.(output))?)");
    std::smatch m;
    if (!std::regex_match(path, m, grammar) || (!m[2].matched && !m[4].matched))
        throw InputError(mark, "'" + path + "' is not a model path; use model.layer[L].head[H] (optionally "
                               ".weights, .scores, .scaled_scores, .q, .k, .v, .output) or model.layer[L].output");
    HeadPath p;
    p.layer = std::stoul(m[1].str());
    if (m[4].matched) return p;
    p.head = std::stoul(m[2].str());
    p.name = m[3].matched ? m[3].str() : "weights";
    return p;
}

bool SceneModel::names_weights(const std::string& path) {
    try {
        return parse(path, {}).name == "weights";
    } catch (const InputError&) {
        return false;
    }
}

Eigen::MatrixXd SceneModel::matrix(const std::string& path, const SourceMark& mark) const {
    if (empty()) throw InputError(mark, "'" + path + "' needs a model in the data block");
    const HeadPath p = parse(path, mark);
    const auto* computed = std::get_if<attention::ComputedModel>(&model_);
    if (p.name.empty()) {
        if (!computed) throw InputError(mark, "layer outputs exist only for a computed model");
        if (p.layer >= computed->layers.size())
            throw InputError(mark, "layer " + std::to_string(p.layer) + " is out of range (the model has " +
                                       std::to_string(computed->layers.size()) + ")");
        return computed->layers[p.layer].output;
    }
    const auto stack = std::visit([](const auto& mod) -> attention::AttentionStack {
        if constexpr (std::is_same_v<std::decay_t<decltype(mod)>, std::monostate>) return {};
        else return stack_of(mod);
    }, model_);
    if (p.layer >= stack.size())
        throw InputError(mark, "layer " + std::to_string(p.layer) + " is out of range (the model has " +
                                   std::to_string(stack.size()) + ")");
    if (p.head >= stack[p.layer].size())
        throw InputError(mark, "head " + std::to_string(p.head) + " is out of range (layer " +
                                   std::to_string(p.layer) + " has " + std::to_string(stack[p.layer].size()) + ")");
    if (p.name == "weights") return stack[p.layer][p.head];
    const std::vector<std::string> names = {"weights", "scores", "scaled_scores", "q", "k", "v", "output"};
    if (std::find(names.begin(), names.end(), p.name) == names.end())
        throw InputError(mark, "unknown head result '" + p.name + "'" + did_you_mean(p.name, names));
    if (!computed)
        throw InputError(mark, "'" + p.name + "' exists only for a computed model; this one has weights only");
    const auto& h = computed->layers[p.layer].heads[p.head];
    if (p.name == "scores") return h.scores;
    if (p.name == "scaled_scores") return h.scaled_scores;
    if (p.name == "q") return h.Q;
    if (p.name == "k") return h.K;
    if (p.name == "v") return h.V;
    return h.output;
}

attention::Mask SceneModel::masked(const std::string& path, const SourceMark& mark) const {
    const Eigen::MatrixXd m = matrix(path, mark);  // checks the path and its indices
    const HeadPath p = parse(path, mark);
    if (p.name != "weights" && p.name != "scores" && p.name != "scaled_scores") return {};
    if (const auto* c = std::get_if<attention::ComputedModel>(&model_))
        return !c->layers[p.layer].heads[p.head].mask;
    if (const auto* s = std::get_if<attention::SyntheticModel>(&model_)) return !s->mask;
    return m.array() == 0.0;
}

attention::ModelAnalysis SceneModel::analysis() const {
    if (const auto* c = std::get_if<attention::ComputedModel>(&model_)) return attention::analyze_model(*c);
    if (const auto* s = std::get_if<attention::SyntheticModel>(&model_)) return attention::analyze_model(*s);
    if (const auto* f = std::get_if<attention::LoadedAttention>(&model_))
        return attention::analyze_attention(f->stack, f->tokens);
    throw InputError("the scene has no model in its data block");
}

std::string SceneModel::json() const {
    if (const auto* c = std::get_if<attention::ComputedModel>(&model_)) return attention::model_json(*c);
    if (const auto* s = std::get_if<attention::SyntheticModel>(&model_)) return attention::synthetic_json(*s);
    if (std::holds_alternative<attention::LoadedAttention>(model_))
        return attention::analysis_json(analysis(), tokens_);
    throw InputError("the scene has no model in its data block");
}

}  // namespace attnreel
