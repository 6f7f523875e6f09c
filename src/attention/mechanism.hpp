#pragma once
// Scaled dot-product attention, one step per function so each can be shown and checked:
//   Q = X W_Q,  K = X W_K,  V = X W_V,  S = Q Kᵀ,  S' = S / √d_k,  A = softmax(S'),  O = A V
// For cross-attention the queries come from one sequence and the keys/values from another.
#include "attention/masks.hpp"

#include <Eigen/Core>

namespace attnreel::attention {

// Q, K or V: one row per token. Throws InputError when X's width is not W's height.
Eigen::MatrixXd project(const Eigen::MatrixXd& X, const Eigen::MatrixXd& W);

// S = Q Kᵀ: S(i, j) is how well query i matches key j.
Eigen::MatrixXd attention_scores(const Eigen::MatrixXd& Q, const Eigen::MatrixXd& K);

// S / √d_k keeps the scores' spread near 1 whatever the head width, so softmax does not
// saturate as d_k grows.
Eigen::MatrixXd scale_scores(const Eigen::MatrixXd& scores, Eigen::Index d_k);

// O = A V: each output row is the attention-weighted mix of the value rows.
Eigen::MatrixXd attend(const Eigen::MatrixXd& weights, const Eigen::MatrixXd& V);

// The projections of one head: d_model × d_k each.
struct HeadWeights {
    Eigen::MatrixXd W_Q, W_K, W_V;
};

// Every intermediate of one head, kept so that each can be put on screen.
struct HeadComputation {
    Eigen::MatrixXd W_Q, W_K, W_V;
    Eigen::MatrixXd Q, K, V;
    Eigen::MatrixXd scores;         // Q Kᵀ
    Eigen::MatrixXd scaled_scores;  // scores / √d_k, or scores when scaling is off
    Mask mask;                      // true where the query may attend to the key
    Eigen::MatrixXd weights;        // softmax by rows over the allowed keys
    Eigen::MatrixXd output;         // weights V
};

// One head. queries: the sequence asking (rows of X_query); keys/values: the sequence
// looked at (rows of X_key_value); the same matrix for self-attention.
HeadComputation attention_head(const Eigen::MatrixXd& X_query, const Eigen::MatrixXd& X_key_value,
                               const HeadWeights& weights, const Mask& mask, bool scale);

}  // namespace attnreel::attention
