#pragma once
// The `data:` block of a scene as plain values: its token sequences and the models whose
// numbers objects show (io/data_loader reads it; SceneData computes it).
#include "attention/model_spec.hpp"
#include "attention/synthetic.hpp"
#include "attention/train.hpp"
#include "core/error.hpp"

#include <optional>
#include <string>
#include <vector>

namespace attnreel::attention {

// One model: the `model:` block, or one entry of `models:`.
struct ModelBlock {
    enum class Kind { computed, synthetic, file };
    std::string name;          // empty for `model:`; the key under `models:` otherwise
    Kind kind = Kind::computed;
    SourceMark mark;           // of the block: errors found when it is computed point here
    ModelSpec computed;        // computed: tokens (or queries and keys), sizes, chosen inputs and weights
    std::optional<TrainSpec> train;  // computed: fitted by `train:` instead of seeded
    SourceMark train_mark;     // where a diverging training is reported (its learning_rate, or `train:`)
    SyntheticSpec synthetic;   // synthetic: heads drawn around named patterns
    std::string weights_file;  // file: attention weights from .npy or .json
    std::vector<std::string> queries;  // the tokens of its rows (and of its columns for self-attention)
    std::vector<std::string> keys;     // the tokens of its columns for cross-attention; empty for self-attention
};

struct DataSpec {
    std::vector<std::string> tokens;         // data.tokens
    std::vector<std::string> queries, keys;  // data.queries and data.keys (cross-attention)
    std::vector<ModelBlock> models;          // `model:` first (when given), then `models:` in file order
};

}  // namespace attnreel::attention
