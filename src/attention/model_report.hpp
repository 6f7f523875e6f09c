#pragma once
// Whole models as JSON, every number a frame can show (for `attnreel model --json`).
#include "attention/model.hpp"
#include "attention/synthetic.hpp"

#include <string>

namespace attnreel::attention {

// {"tokens", ["source_tokens"], "d_model", "heads", "d_k", "layer_count", "seed", "mask",
//  "window", "positional", "scale", "layer_norm", "token_embeddings", "positions",
//  "embeddings", ["source_embeddings"], "layers": [{"heads": [{"W_Q", "W_K", "W_V", "Q", "K",
//  "V", "scores", "scaled_scores", "mask", "weights", "output"}], "concat", "W_O",
//  "attention_output", "output"}]}. Matrices are arrays of rows; masks hold 1 (visible) and
//  0 (hidden).
std::string model_json(const ComputedModel& model);

// {"tokens", "embeddings", "mask", "layers": [{"heads": [{"pattern", "parameter",
//  "sharpness", "weights"}]}]}
std::string synthetic_json(const SyntheticModel& model);

}  // namespace attnreel::attention
