#pragma once
// Matrices written in a scene's model block: chosen inputs (`inputs`, `embeddings`,
// `key_inputs`, `key_embeddings`) and weights (`W_Q`, `W_K`, `W_V`, `W_O`), each checked
// for shape at its own line and column.
//
//   model:
//     inputs: [[3, 1], [5, 1]]          # tokens × d_model
//     W_Q: [[1, 0], [0, 1]]             # d_model × d_model (split into heads by columns),
//     W_V: [[[1], [0]], [[0], [1]]]     # or one d_model × d_k matrix per head
#include "attention/model_spec.hpp"
#include "io/yaml_reader.hpp"

#include <string>

namespace attnreel {

// Rows of numbers, all of one length (at most 1024 × 1024). InputError at the row or
// number at fault.
Eigen::MatrixXd load_matrix(const YamlReader& in, const YAML::Node& node, const std::string& what);

// Whether `node` is written as a list of matrices (one per head) rather than one matrix.
bool is_matrix_list(const YAML::Node& node);

// The size of the model the matrices describe when the author did not write it.
struct ChosenSizes {
    int d_model = 0;  // 0: nothing written fixes it
    int heads = 0;    // from a per-head list; 0: not fixed
};
ChosenSizes chosen_sizes(const YAML::Node& model);

// The weights of one layer from a map with any of W_Q, W_K, W_V, W_O; what is missing stays
// seeded (empty). Shapes are checked against d_model and heads.
attention::LayerWeights load_layer_weights(const YamlReader& in, const YAML::Node& layer, int d_model, int heads);

// `rows` × d_model, named `what` in messages ("one row per token").
void check_rows(const YamlReader& in, const YAML::Node& node, const Eigen::MatrixXd& m, Eigen::Index rows,
                int d_model, const std::string& what, const std::string& per_row);

}  // namespace attnreel
