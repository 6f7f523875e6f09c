#pragma once
// What a scene asks of the attention model: tokens, sizes, seed, mask and switches, and
// optionally the author's own embeddings and weights. Validated before anything is computed.
#include "attention/masks.hpp"
#include "attention/mechanism.hpp"

#include <Eigen/Core>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace attnreel::attention {

// The weights of one layer given by the author: `heads` entries of d_model × d_k
// projections, and W_O of d_model × d_model. A matrix left empty (0×0), or `heads` left
// empty, keeps its seeded value, so a lesson can choose W_Q and W_K and leave the rest.
struct LayerWeights {
    std::vector<HeadWeights> heads;
    Eigen::MatrixXd W_O;
};

struct ModelSpec {
    std::vector<std::string> tokens;
    // Non-empty: cross-attention. Queries come from `tokens`, keys and values from these
    // (e.g. a decoder attending to an encoder's sequence).
    std::vector<std::string> source_tokens;
    int d_model = 16;
    int heads = 4;
    int layers = 1;
    std::uint64_t seed = 0;
    MaskSpec mask;
    bool positional = true;   // add sinusoidal positional encodings to the embeddings
    bool scale = true;        // divide scores by √d_k
    bool layer_norm = false;  // normalise each layer's output (after the residual sum)
    bool residual = true;     // add the layer's input to its attention output
    // Replace the seeded embeddings (tokens × d_model; source_tokens × d_model).
    std::optional<Eigen::MatrixXd> embeddings;
    std::optional<Eigen::MatrixXd> source_embeddings;
    // Replace the seeded weights: empty, or exactly `layers` entries.
    std::vector<LayerWeights> weights;
};

// Upper bounds that keep a typo (d_model: 51200) from allocating gigabytes. An explainer
// model is small; these are far above what a frame can show.
struct ModelLimits {
    static constexpr int max_tokens = 512;
    static constexpr int max_d_model = 1024;
    static constexpr int max_heads = 64;
    static constexpr int max_layers = 48;
    static constexpr double max_stored_numbers = 32e6;  // every intermediate kept, ~256 MB
};

// How many numbers build_model would keep for this spec (all heads, layers, intermediates).
double stored_numbers(const ModelSpec& spec);

// Throws InputError with a clear message (without a file position: the caller knows where
// the spec came from) when the spec cannot be computed.
void validate_model_spec(const ModelSpec& spec);

}  // namespace attnreel::attention
