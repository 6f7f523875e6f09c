#pragma once
// Layer normalisation without learned gain and bias: each row to mean 0 and variance 1.
#include <Eigen/Core>

namespace attnreel::attention {

// (x - mean) / sqrt(variance + epsilon), row by row; epsilon keeps constant rows finite.
Eigen::MatrixXd layer_norm_rows(const Eigen::MatrixXd& X, double epsilon = 1e-5);

}  // namespace attnreel::attention
