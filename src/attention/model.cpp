#include "attention/model.hpp"

#include "attention/embeddings.hpp"
#include "attention/layer_norm.hpp"
#include "attention/multi_head.hpp"
#include "attention/positional.hpp"
#include "attention/random.hpp"

#include <cmath>

namespace attnreel::attention {

namespace {

LayerWeights seeded_layer_weights(const ModelSpec& spec, int layer) {
    const Eigen::Index d = spec.d_model;
    const Eigen::Index d_k = spec.d_model / spec.heads;
    const double stddev = 1.0 / std::sqrt(static_cast<double>(d));
    const auto l = static_cast<std::uint64_t>(layer);
    LayerWeights weights;
    for (int head = 0; head < spec.heads; ++head) {
        const auto h = static_cast<std::uint64_t>(head);
        auto q = seeded_stream({spec.seed, fnv1a("W_Q"), l, h});
        auto k = seeded_stream({spec.seed, fnv1a("W_K"), l, h});
        auto v = seeded_stream({spec.seed, fnv1a("W_V"), l, h});
        weights.heads.push_back({normal_matrix(q, d, d_k, stddev), normal_matrix(k, d, d_k, stddev),
                                 normal_matrix(v, d, d_k, stddev)});
    }
    auto o = seeded_stream({spec.seed, fnv1a("W_O"), l});
    weights.W_O = normal_matrix(o, d, d, stddev);
    return weights;
}

// The seeded weights with whatever the author chose put in their place.
LayerWeights chosen_or_seeded(const ModelSpec& spec, int layer) {
    LayerWeights weights = seeded_layer_weights(spec, layer);
    if (spec.weights.empty()) return weights;
    const LayerWeights& chosen = spec.weights[static_cast<std::size_t>(layer)];
    for (std::size_t h = 0; h < chosen.heads.size(); ++h) {
        if (chosen.heads[h].W_Q.size() > 0) weights.heads[h].W_Q = chosen.heads[h].W_Q;
        if (chosen.heads[h].W_K.size() > 0) weights.heads[h].W_K = chosen.heads[h].W_K;
        if (chosen.heads[h].W_V.size() > 0) weights.heads[h].W_V = chosen.heads[h].W_V;
    }
    if (chosen.W_O.size() > 0) weights.W_O = chosen.W_O;
    return weights;
}

Eigen::MatrixXd positions_for(const ModelSpec& spec, Eigen::Index count) {
    return spec.positional ? sinusoidal_positions(count, spec.d_model)
                           : Eigen::MatrixXd::Zero(count, spec.d_model);
}

}  // namespace

ComputedModel build_model(const ModelSpec& spec) {
    validate_model_spec(spec);
    ComputedModel model;
    model.spec = spec;
    model.d_k = spec.d_model / spec.heads;

    const auto n = static_cast<Eigen::Index>(spec.tokens.size());
    model.token_embeddings = spec.embeddings ? *spec.embeddings : token_embeddings(spec.tokens, spec.d_model, spec.seed);
    model.positions = positions_for(spec, n);
    model.embeddings = model.token_embeddings + model.positions;

    Eigen::Index keys = n;
    if (model.cross_attention()) {
        keys = static_cast<Eigen::Index>(spec.source_tokens.size());
        model.source_token_embeddings = spec.source_embeddings
                                            ? *spec.source_embeddings
                                            : token_embeddings(spec.source_tokens, spec.d_model, spec.seed);
        model.source_positions = positions_for(spec, keys);
        model.source_embeddings = model.source_token_embeddings + model.source_positions;
    }
    const Mask mask = make_mask(spec.mask, n, keys);

    Eigen::MatrixXd stream = model.embeddings;
    for (int l = 0; l < spec.layers; ++l) {
        const LayerWeights weights = chosen_or_seeded(spec, l);
        const Eigen::MatrixXd& memory = model.cross_attention() ? model.source_embeddings : stream;
        MultiHeadComputation attention = multi_head(stream, memory, weights.heads, weights.W_O, mask, spec.scale);

        LayerComputation layer;
        layer.heads = std::move(attention.heads);
        layer.input = stream;
        layer.concat = std::move(attention.concat);
        layer.W_O = std::move(attention.W_O);
        layer.attention_output = std::move(attention.output);
        layer.output = spec.residual ? Eigen::MatrixXd(layer.input + layer.attention_output) : layer.attention_output;
        if (spec.layer_norm) layer.output = layer_norm_rows(layer.output);
        stream = layer.output;
        model.layers.push_back(std::move(layer));
    }
    return model;
}

}  // namespace attnreel::attention
