#pragma once
// Reads vectors, embeddings and matrices of numbers: written out or named by model paths.
#include "io/yaml_reader.hpp"

namespace attnreel {

VectorSpec load_vector(const YamlReader& in, const YAML::Node& node);
VectorSpec load_embedding(const YamlReader& in, const YAML::Node& node, const DataSpec& data);
MatrixSpec load_matrix(const YamlReader& in, const YAML::Node& node, const DataSpec& data);

}  // namespace attnreel
