#include "timeline/scene_model.hpp"

#include "attention/attention_stack.hpp"
#include "attention/model_report.hpp"
#include "attention/report.hpp"

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

Eigen::MatrixXd SceneModel::matrix(const std::string& path, const SourceMark& mark) const {
    if (empty()) throw InputError(mark, "'" + path + "' needs a model in the data block");
    static const std::regex grammar(R"(model\.layer\[(\d+)\](?:\.head\[(\d+)\](?:\.(\w+))?|\.(output))?)");
    std::smatch m;
    if (!std::regex_match(path, m, grammar) || (!m[2].matched && !m[4].matched))
        throw InputError(mark, "'" + path + "' is not a model path; use model.layer[L].head[H] (optionally "
                               ".weights, .scores, .scaled_scores, .q, .k, .v, .output) or model.layer[L].output");
    const std::size_t layer = std::stoul(m[1].str());
    const auto* computed = std::get_if<attention::ComputedModel>(&model_);
    if (m[4].matched) {
        if (!computed) throw InputError(mark, "layer outputs exist only for a computed model");
        if (layer >= computed->layers.size())
            throw InputError(mark, "layer " + std::to_string(layer) + " is out of range (the model has " +
                                       std::to_string(computed->layers.size()) + ")");
        return computed->layers[layer].output;
    }
    const std::size_t head = std::stoul(m[2].str());
    const std::string name = m[3].matched ? m[3].str() : "weights";
    const auto stack = std::visit([](const auto& mod) -> attention::AttentionStack {
        if constexpr (std::is_same_v<std::decay_t<decltype(mod)>, std::monostate>) return {};
        else return stack_of(mod);
    }, model_);
    if (layer >= stack.size())
        throw InputError(mark, "layer " + std::to_string(layer) + " is out of range (the model has " +
                                   std::to_string(stack.size()) + ")");
    if (head >= stack[layer].size())
        throw InputError(mark, "head " + std::to_string(head) + " is out of range (layer " + std::to_string(layer) +
                                   " has " + std::to_string(stack[layer].size()) + ")");
    if (name == "weights") return stack[layer][head];
    const std::vector<std::string> names = {"weights", "scores", "scaled_scores", "q", "k", "v", "output"};
    if (std::find(names.begin(), names.end(), name) == names.end())
        throw InputError(mark, "unknown head result '" + name + "'" + did_you_mean(name, names));
    if (!computed) throw InputError(mark, "'" + name + "' exists only for a computed model; this one has weights only");
    const auto& h = computed->layers[layer].heads[head];
    if (name == "scores") return h.scores;
    if (name == "scaled_scores") return h.scaled_scores;
    if (name == "q") return h.Q;
    if (name == "k") return h.K;
    if (name == "v") return h.V;
    return h.output;
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
