#include "attention/layer_norm.hpp"

#include <cmath>

namespace attnreel::attention {

Eigen::MatrixXd layer_norm_rows(const Eigen::MatrixXd& X, double epsilon) {
    Eigen::MatrixXd result(X.rows(), X.cols());
    for (Eigen::Index i = 0; i < X.rows(); ++i) {
        const double mean = X.row(i).mean();
        const Eigen::RowVectorXd centred = X.row(i).array() - mean;
        const double variance = centred.squaredNorm() / static_cast<double>(X.cols());
        result.row(i) = centred / std::sqrt(variance + epsilon);
    }
    return result;
}

}  // namespace attnreel::attention
