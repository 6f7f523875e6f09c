#include "attention/softmax.hpp"

#include "core/error.hpp"

#include <cmath>
#include <limits>
#include <string>

namespace attnreel::attention {

Eigen::MatrixXd softmax_rows(const Eigen::MatrixXd& scores) {
    return softmax_rows(scores, Mask::Constant(scores.rows(), scores.cols(), true));
}

Eigen::MatrixXd softmax_rows(const Eigen::MatrixXd& scores, const Mask& mask) {
    if (mask.rows() != scores.rows() || mask.cols() != scores.cols())
        throw InputError("mask is " + std::to_string(mask.rows()) + "×" + std::to_string(mask.cols()) +
                         " but the scores are " + std::to_string(scores.rows()) + "×" +
                         std::to_string(scores.cols()));
    Eigen::MatrixXd weights = Eigen::MatrixXd::Zero(scores.rows(), scores.cols());
    for (Eigen::Index i = 0; i < scores.rows(); ++i) {
        double row_max = -std::numeric_limits<double>::infinity();
        for (Eigen::Index j = 0; j < scores.cols(); ++j) {
            if (!mask(i, j)) continue;
            if (!std::isfinite(scores(i, j)))
                throw InputError("attention score (" + std::to_string(i) + ", " + std::to_string(j) +
                                 ") is not a finite number");
            row_max = std::max(row_max, scores(i, j));
        }
        if (row_max == -std::numeric_limits<double>::infinity())
            throw InputError("row " + std::to_string(i) +
                             " of the attention scores is fully masked: query " + std::to_string(i) +
                             " can see no key");
        double sum = 0;
        for (Eigen::Index j = 0; j < scores.cols(); ++j) {
            if (!mask(i, j)) continue;
            weights(i, j) = std::exp(scores(i, j) - row_max);
            sum += weights(i, j);
        }
        weights.row(i) /= sum;  // sum >= 1: the maximum contributes exp(0)
    }
    return weights;
}

}  // namespace attnreel::attention
