#pragma once
// The attention model a scene shows: embeddings (+ positions), then layers of multi-head
// attention with a residual connection, every intermediate kept for display.
#include "attention/mechanism.hpp"
#include "attention/model_spec.hpp"

#include <Eigen/Core>
#include <string>
#include <vector>

namespace attnreel::attention {

struct LayerComputation {
    std::vector<HeadComputation> heads;
    Eigen::MatrixXd input;             // the query stream entering the layer
    Eigen::MatrixXd concat;            // heads' outputs side by side
    Eigen::MatrixXd W_O;               // output projection, d_model × d_model
    Eigen::MatrixXd attention_output;  // concat W_O
    Eigen::MatrixXd output;            // input + attention_output (residual), layer-normed if asked
};

struct ComputedModel {
    ModelSpec spec;
    int d_k = 0;
    Eigen::MatrixXd token_embeddings;   // before positions
    Eigen::MatrixXd positions;          // sinusoidal encodings (zeros when positional is off)
    Eigen::MatrixXd embeddings;         // token_embeddings + positions: layer 0's input
    // Cross-attention only (empty otherwise): the key/value sequence's embeddings, its
    // positions, and their sum, which every layer attends to.
    Eigen::MatrixXd source_token_embeddings;
    Eigen::MatrixXd source_positions;
    Eigen::MatrixXd source_embeddings;
    std::vector<LayerComputation> layers;

    bool cross_attention() const { return !spec.source_tokens.empty(); }
};

// Validates the spec (InputError) and computes every layer.
//
// Seeded numbers, each from its own stream (see random.hpp) so that changing one size keeps
// the others' numbers: embeddings N(0, 1) keyed by token text (embeddings.hpp); W_Q, W_K,
// W_V of layer l head h, and W_O of layer l, N(0, 1/d_model) so projections keep the
// input's scale.
//
// Layer l: X_{l+1} = X_l + MultiHead(X_l, memory) W_O (without X_l when residual is off),
// then LayerNorm(X_{l+1}) if asked
// (post-norm as in the original Transformer; no feed-forward block). memory is X_l for
// self-attention and the fixed source embeddings for cross-attention.
ComputedModel build_model(const ModelSpec& spec);

}  // namespace attnreel::attention
