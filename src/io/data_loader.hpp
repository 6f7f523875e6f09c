#pragma once
// Reads the `data:` block: tokens, and the attention model objects take their numbers from.
//
//   data:
//     tokens: [The, cat, sat, on, mat]
//     model: {d_model: 16, heads: 4, layers: 2, seed: 7, mask: causal}
//     # or {synthetic: true, layers: 3, heads: 4, seed: 7}, or {weights: attention.npy}
#include "io/yaml_reader.hpp"

namespace attnreel {

// `scene_dir` resolves a relative weights file against the scene file's folder.
DataSpec load_data(const YamlReader& in, const YAML::Node& node, const std::string& scene_dir);

// A model path (attention/model_path.hpp), checked against the grammar now: a mistake is an
// error at its own line and column where the scalar's style allows, else at the value.
// Whether the model has what it names is checked when the scene compiles, at the value.
attention::PathRef load_model_path(const YamlReader& in, const YAML::Node& node, const std::string& what);

}  // namespace attnreel
