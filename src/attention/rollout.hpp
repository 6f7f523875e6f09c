#pragma once
// Attention rollout (Abnar & Zuidema 2020, "Quantifying Attention Flow in Transformers"):
// how much each output position draws on each input token through all layers, counting
// the residual path as attention to oneself.
#include "attention/attention_stack.hpp"

#include <Eigen/Core>
#include <vector>

namespace attnreel::attention {

// Per layer: Â_l = rownorm(mean over heads of A + I). Result: R_L = Â_L ⋯ Â_2 Â_1; R(i, j)
// is the share of output position i that flows from input token j. Rows sum to 1.
// Throws InputError when the matrices are not square and of one size.
Eigen::MatrixXd attention_rollout(const AttentionStack& stack);

// R_1, R_2, ..., R_L: the rollout after each layer (for animating the flow layer by layer).
std::vector<Eigen::MatrixXd> attention_rollout_by_layer(const AttentionStack& stack);

}  // namespace attnreel::attention
