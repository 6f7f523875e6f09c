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

}  // namespace attnreel
