#pragma once
// Multi-head attention: h heads of width d_k = d_model / h run side by side on the same
// input, their outputs are concatenated and mixed by the output projection W_O.
#include "attention/mechanism.hpp"

#include <Eigen/Core>
#include <vector>

namespace attnreel::attention {

struct MultiHeadComputation {
    std::vector<HeadComputation> heads;
    Eigen::MatrixXd concat;  // [O_1 | O_2 | ... | O_h], queries × (h·d_k)
    Eigen::MatrixXd W_O;     // (h·d_k) × d_model
    Eigen::MatrixXd output;  // concat W_O
};

// Splits full-width projections (d_model × d_model each) column-wise into `heads` blocks of
// d_k columns: head h gets columns [h·d_k, (h+1)·d_k).
std::vector<HeadWeights> split_heads(const Eigen::MatrixXd& W_Q, const Eigen::MatrixXd& W_K,
                                     const Eigen::MatrixXd& W_V, int heads);

// Runs every head on the same inputs and mask, concatenates, projects with W_O.
MultiHeadComputation multi_head(const Eigen::MatrixXd& X_query, const Eigen::MatrixXd& X_key_value,
                                const std::vector<HeadWeights>& heads, const Eigen::MatrixXd& W_O,
                                const Mask& mask, bool scale);

}  // namespace attnreel::attention
