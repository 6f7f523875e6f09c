#pragma once
// Row-wise softmax, the step that turns scores into attention weights.
#include "attention/masks.hpp"

#include <Eigen/Core>

namespace attnreel::attention {

// softmax of each row: exp(s_ij - max_j s_ij) / sum. Subtracting the row maximum keeps
// exp() from overflowing without changing the result.
Eigen::MatrixXd softmax_rows(const Eigen::MatrixXd& scores);

// Softmax over the allowed entries of each row only; masked entries are exactly 0. A row
// with no allowed entry is an InputError (it has no meaningful distribution), as are
// non-finite scores.
Eigen::MatrixXd softmax_rows(const Eigen::MatrixXd& scores, const Mask& mask);

}  // namespace attnreel::attention
