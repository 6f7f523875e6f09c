#include "attention/model_items.hpp"

#include "attention/attention_stack.hpp"
#include "attention/report.hpp"
#include "attention/rollout.hpp"

#include <algorithm>

namespace attnreel::attention {

namespace {

using Shape = ModelValue::Shape;

ModelValue matrix_value(Eigen::MatrixXd m, Mask hidden = {}, bool probabilities = false) {
    ModelValue v;
    v.shape = Shape::matrix;
    v.values = std::move(m);
    v.hidden = std::move(hidden);
    v.probabilities = probabilities;
    return v;
}

ModelValue vector_value(const Eigen::VectorXd& x) {
    ModelValue v;
    v.shape = Shape::vector;
    v.values = x.transpose();
    return v;
}

ModelValue number_value(double x) {
    ModelValue v;
    v.shape = Shape::number;
    v.values = Eigen::MatrixXd::Constant(1, 1, x);
    return v;
}

ModelValue name_value(std::string name) {
    ModelValue v;
    v.shape = Shape::name;
    v.name = std::move(name);
    return v;
}

Eigen::MatrixXd ones_where(const Mask& mask) { return mask.cast<double>(); }

// What kind of model an entry is, for "exists only for..." messages.
std::string kind_of(const AnyModel& model) {
    if (std::holds_alternative<SyntheticModel>(model)) return "synthetic (attention weights only)";
    if (std::holds_alternative<LoadedAttention>(model)) return "loaded from a file (attention weights only)";
    return "computed";
}

AttentionStack stack_of(const AnyModel& model) {
    if (const auto* c = std::get_if<ComputedModel>(&model)) return attention_stack(*c);
    if (const auto* s = std::get_if<SyntheticModel>(&model)) return attention_stack(*s);
    return std::get<LoadedAttention>(model).stack;
}

// Layers and heads without copying any weights (stack_of copies them all).
std::size_t layer_count(const AnyModel& model) {
    if (const auto* c = std::get_if<ComputedModel>(&model)) return c->layers.size();
    if (const auto* s = std::get_if<SyntheticModel>(&model)) return s->layers.size();
    return std::get<LoadedAttention>(model).stack.size();
}

std::size_t head_count(const AnyModel& model, std::size_t l) {
    if (const auto* c = std::get_if<ComputedModel>(&model)) return c->layers[l].heads.size();
    if (const auto* s = std::get_if<SyntheticModel>(&model)) return s->layers[l].size();
    return std::get<LoadedAttention>(model).stack[l].size();
}

const Eigen::MatrixXd& head_weights(const AnyModel& model, std::size_t l, std::size_t h) {
    if (const auto* c = std::get_if<ComputedModel>(&model)) return c->layers[l].heads[h].weights;
    if (const auto* s = std::get_if<SyntheticModel>(&model)) return s->layers[l][h].weights;
    return std::get<LoadedAttention>(model).stack[l][h];
}

// The mask of layer l head h: what each query may see.
Mask head_mask(const AnyModel& model, const Eigen::MatrixXd& weights, std::size_t l, std::size_t h) {
    if (const auto* c = std::get_if<ComputedModel>(&model)) return c->layers[l].heads[h].mask;
    if (const auto* s = std::get_if<SyntheticModel>(&model)) return s->mask;
    // A file carries no mask: every key is seen, and a weight of 0 is a weight of 0.
    return Mask::Constant(weights.rows(), weights.cols(), true);
}

void check_layer(const ModelPath& path, std::size_t layers) {
    if (*path.layer >= layers)
        throw PathError(path.layer_offset, "layer " + std::to_string(*path.layer) + " is out of range (the model has " +
                                               std::to_string(layers) + ")");
}

void check_head(const ModelPath& path, std::size_t heads) {
    if (*path.head >= heads)
        throw PathError(path.head_offset, "head " + std::to_string(*path.head) + " is out of range (layer " +
                                              std::to_string(*path.layer) + " has " + std::to_string(heads) + ")");
}

[[noreturn]] void only_computed(const ModelPath& path, const AnyModel& model) {
    throw PathError(path.item_offset, "'" + path.item + "' exists only for a computed model; " + path.model_text() +
                                          " is " + kind_of(model));
}

[[noreturn]] void not_self_attention(const ModelPath& path) {
    throw PathError(path.item_offset, "'" + path.item + "' follows attention through the layers of one sequence; " +
                                          path.model_text() + " is cross-attention");
}

// Heads side by side: [W_1 | W_2 | ...], the full-width projection multi_head splits.
Eigen::MatrixXd side_by_side(const LayerComputation& layer, Eigen::MatrixXd HeadComputation::*member) {
    const Eigen::Index rows = (layer.heads.front().*member).rows(), cols = (layer.heads.front().*member).cols();
    Eigen::MatrixXd all(rows, cols * static_cast<Eigen::Index>(layer.heads.size()));
    for (std::size_t h = 0; h < layer.heads.size(); ++h)
        all.middleCols(static_cast<Eigen::Index>(h) * cols, cols) = layer.heads[h].*member;
    return all;
}

ModelValue head_item(const SceneData::Entry& entry, const ModelPath& path) {
    const std::size_t l = *path.layer, h = *path.head;
    check_head(path, head_count(entry.model, l));
    const Eigen::MatrixXd& A = head_weights(entry.model, l, h);
    const Mask mask = head_mask(entry.model, A, l, h);
    if (path.item == "weights") return matrix_value(A, !mask, true);
    if (path.item == "mask") return matrix_value(ones_where(mask));
    const auto* c = std::get_if<ComputedModel>(&entry.model);
    if (!c) only_computed(path, entry.model);
    const HeadComputation& head = c->layers[l].heads[h];
    if (path.item == "scores") return matrix_value(head.scores, !mask);
    if (path.item == "scaled_scores") return matrix_value(head.scaled_scores, !mask);
    if (path.item == "q") return matrix_value(head.Q);
    if (path.item == "k") return matrix_value(head.K);
    if (path.item == "v") return matrix_value(head.V);
    if (path.item == "output") return matrix_value(head.output);
    if (path.item == "W_Q") return matrix_value(head.W_Q);
    if (path.item == "W_K") return matrix_value(head.W_K);
    return matrix_value(head.W_V);
}

ModelValue layer_item(const SceneData::Entry& entry, const ModelPath& path) {
    const std::size_t l = *path.layer;
    if (path.item == "head_mean") {
        const std::size_t heads = head_count(entry.model, l);
        Eigen::MatrixXd mean = head_weights(entry.model, l, 0);
        for (std::size_t h = 1; h < heads; ++h) mean += head_weights(entry.model, l, h);
        mean /= static_cast<double>(heads);
        return matrix_value(mean, !head_mask(entry.model, mean, l, 0), true);
    }
    if (path.item == "rollout") {
        if (entry.cross) not_self_attention(path);
        AttentionStack first_layers = stack_of(entry.model);
        first_layers.resize(l + 1);
        return matrix_value(attention_rollout(first_layers), {}, true);
    }
    const auto* c = std::get_if<ComputedModel>(&entry.model);
    if (!c) only_computed(path, entry.model);
    const LayerComputation& layer = c->layers[l];
    if (path.item == "W_Q") return matrix_value(side_by_side(layer, &HeadComputation::W_Q));
    if (path.item == "W_K") return matrix_value(side_by_side(layer, &HeadComputation::W_K));
    if (path.item == "W_V") return matrix_value(side_by_side(layer, &HeadComputation::W_V));
    if (path.item == "W_O") return matrix_value(layer.W_O);
    if (path.item == "input") return matrix_value(layer.input);
    if (path.item == "concat") return matrix_value(layer.concat);
    if (path.item == "attention_output") return matrix_value(layer.attention_output);
    return matrix_value(layer.output);
}

// What a trained model's read-out gives at the path's checkpoint (the last without step[k]).
ModelValue trained_item(const SceneData::Entry& entry, const ModelPath& path) {
    if (!entry.trained)
        throw PathError(path.item_offset, "'" + path.item + "' exists only for a trained model (one with 'train:')");
    const SceneData::Entry::Trained& t = *entry.trained;
    if (path.item == "prediction") return number_value(t.prediction);
    if (path.item == "target") return number_value(t.target);
    if (path.item == "loss") return number_value(t.loss);
    if (path.item == "readout") return vector_value(t.readout);
    if (path.item == "readout_bias") return number_value(t.readout_bias);
    return vector_value(*t.loss_curve);  // loss_curve: the loss at every checkpoint, in order
}

ModelValue top_item(const SceneData::Entry& entry, const ModelPath& path) {
    if (path.item == "rollout") {
        if (entry.cross) not_self_attention(path);
        return matrix_value(attention_rollout(stack_of(entry.model)), {}, true);
    }
    const std::vector<std::string> trained = {"prediction", "target", "loss", "loss_curve", "readout", "readout_bias"};
    if (std::find(trained.begin(), trained.end(), path.item) != trained.end()) return trained_item(entry, path);
    const bool key_side = path.item.rfind("key_", 0) == 0;
    if (key_side && !entry.cross)
        throw PathError(path.item_offset, "'" + path.item + "' exists only for cross-attention (queries and keys); " +
                                              path.model_text() + " is self-attention: use " +
                                              path.item.substr(4));
    if (const auto* s = std::get_if<SyntheticModel>(&entry.model); s && path.item == "embeddings")
        return matrix_value(s->embeddings);  // the seeded vectors its semantic heads compare
    const auto* c = std::get_if<ComputedModel>(&entry.model);
    if (!c) only_computed(path, entry.model);
    if (path.item == "embeddings") return matrix_value(c->token_embeddings);
    if (path.item == "positions") return matrix_value(c->positions);
    if (path.item == "inputs") return matrix_value(c->embeddings);
    if (path.item == "key_embeddings") return matrix_value(c->source_token_embeddings);
    if (path.item == "key_positions") return matrix_value(c->source_positions);
    return matrix_value(c->source_embeddings);
}

// --- analysis ---------------------------------------------------------------------------------

[[noreturn]] void not_applicable(const ModelPath& path, const std::string& why) {
    throw PathError(path.item_offset, "'" + path.item + "' does not apply to " + path.model_text() + ": " + why);
}

using Figure = std::optional<double> HeadAnalysis::*;

// The member holding a figure; none for entropy (always there) and the pattern's own.
std::optional<Figure> figure_member(const std::string& metric) {
    if (metric == "mean_distance") return &HeadAnalysis::mean_distance;
    if (metric == "self") return &HeadAnalysis::self;
    if (metric == "previous") return &HeadAnalysis::previous;
    if (metric == "sink") return &HeadAnalysis::sink;
    if (metric == "punctuation") return &HeadAnalysis::punctuation;
    if (metric == "induction") return &HeadAnalysis::induction;
    if (metric == "alignment") return &HeadAnalysis::alignment;
    if (metric == "coverage") return &HeadAnalysis::coverage;
    return std::nullopt;
}

// One head's figure; none when it does not apply to this head.
std::optional<double> head_metric(const HeadAnalysis& head, const std::string& metric) {
    if (metric == "entropy") return head.entropy;
    if (metric == "fit") return head.pattern ? head.pattern->fit : std::nullopt;
    return head.*(*figure_member(metric));
}

std::string why_missing(const std::string& metric, bool cross) {
    const bool cross_only = metric == "alignment" || metric == "coverage";
    if (cross && !cross_only) return "it is cross-attention, and '" + metric + "' is measured within one sequence";
    if (!cross && cross_only) return "'" + metric + "' measures cross-attention, and this is self-attention";
    if (metric == "induction") return "no token repeats, so no head can copy what followed it";
    if (metric == "punctuation") return "no query sees a punctuation key after the first token (besides itself and its predecessor)";
    if (metric == "sink") return "no query sees the first token besides itself and its predecessor with a choice of keys";
    if (metric == "fit") return "the head is named by elimination (no pattern fits it well enough)";
    return "no query has a choice of keys that this figure could measure";
}

}  // namespace

ModelValue model_item(const SceneData::Entry& entry, const ModelPath& path) {
    if (!path.layer) return top_item(entry, path);
    check_layer(path, layer_count(entry.model));
    if (path.head) return head_item(entry, path);
    return layer_item(entry, path);
}

ModelValue analysis_item(const SceneData::Entry& entry, const ModelPath& path) {
    const ModelAnalysis& analysis = entry.analysis();
    if (!path.layer) {
        if (path.item == "distance_profile") {
            if (entry.cross) not_applicable(path, why_missing("distance_profile", true));
            return matrix_value(analysis.distance_profile);
        }
        // entropy_by_layer: each layer's mean over its heads.
        Eigen::VectorXd by_layer(static_cast<Eigen::Index>(analysis.layers.size()));
        for (std::size_t l = 0; l < analysis.layers.size(); ++l) {
            double total = 0;
            for (const HeadAnalysis& h : analysis.layers[l]) total += h.entropy;
            by_layer(static_cast<Eigen::Index>(l)) = total / static_cast<double>(analysis.layers[l].size());
        }
        return vector_value(by_layer);
    }
    check_layer(path, analysis.layers.size());
    const auto& heads = analysis.layers[*path.layer];
    if (path.head) {
        check_head(path, heads.size());
        const HeadAnalysis& head = heads[*path.head];
        if (path.item == "pattern") {
            if (!head.pattern) not_applicable(path, why_missing("pattern", entry.cross));
            return name_value(describe(*head.pattern));
        }
        const std::optional<double> value = head_metric(head, path.item);
        if (!value) not_applicable(path, why_missing(path.item, entry.cross));
        return number_value(*value);
    }
    // A layer's figure: the mean over the heads it applies to.
    if (path.item == "entropy") {
        double total = 0;
        for (const HeadAnalysis& head : heads) total += head.entropy;
        return number_value(total / static_cast<double>(heads.size()));
    }
    const std::optional<double> mean = layer_mean(heads, *figure_member(path.item));
    if (!mean) not_applicable(path, why_missing(path.item, entry.cross));
    return number_value(*mean);
}

}  // namespace attnreel::attention
