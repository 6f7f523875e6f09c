#pragma once
// Reference implementations written as plain loops, straight from the definitions, for the
// tests to hold the library's Eigen code against.
#include "attention/masks.hpp"

#include <Eigen/Core>
#include <cmath>
#include <random>

namespace naive {

using attnreel::attention::Mask;

inline Eigen::MatrixXd random_matrix(std::mt19937_64& rng, Eigen::Index rows, Eigen::Index cols,
                                     double spread = 1.0) {
    Eigen::MatrixXd m(rows, cols);
    for (Eigen::Index i = 0; i < rows; ++i)
        for (Eigen::Index j = 0; j < cols; ++j)
            m(i, j) = spread * (2.0 * static_cast<double>(rng() >> 11) * 0x1.0p-53 - 1.0);
    return m;
}

inline Eigen::MatrixXd matmul(const Eigen::MatrixXd& a, const Eigen::MatrixXd& b) {
    Eigen::MatrixXd c(a.rows(), b.cols());
    for (Eigen::Index i = 0; i < a.rows(); ++i)
        for (Eigen::Index j = 0; j < b.cols(); ++j) {
            double sum = 0;
            for (Eigen::Index k = 0; k < a.cols(); ++k) sum += a(i, k) * b(k, j);
            c(i, j) = sum;
        }
    return c;
}

inline Eigen::MatrixXd transpose(const Eigen::MatrixXd& a) {
    Eigen::MatrixXd t(a.cols(), a.rows());
    for (Eigen::Index i = 0; i < a.rows(); ++i)
        for (Eigen::Index j = 0; j < a.cols(); ++j) t(j, i) = a(i, j);
    return t;
}

// exp(s) / Σ exp(s) over allowed entries, without the max shift (fine for small scores).
inline Eigen::MatrixXd softmax(const Eigen::MatrixXd& s, const Mask& mask) {
    Eigen::MatrixXd w = Eigen::MatrixXd::Zero(s.rows(), s.cols());
    for (Eigen::Index i = 0; i < s.rows(); ++i) {
        double sum = 0;
        for (Eigen::Index j = 0; j < s.cols(); ++j)
            if (mask(i, j)) sum += std::exp(s(i, j));
        for (Eigen::Index j = 0; j < s.cols(); ++j)
            if (mask(i, j)) w(i, j) = std::exp(s(i, j)) / sum;
    }
    return w;
}

inline Eigen::MatrixXd attention(const Eigen::MatrixXd& Xq, const Eigen::MatrixXd& Xkv, const Eigen::MatrixXd& WQ,
                                 const Eigen::MatrixXd& WK, const Eigen::MatrixXd& WV, const Mask& mask,
                                 bool scale) {
    const Eigen::MatrixXd Q = matmul(Xq, WQ), K = matmul(Xkv, WK), V = matmul(Xkv, WV);
    Eigen::MatrixXd S = matmul(Q, transpose(K));
    if (scale) S /= std::sqrt(static_cast<double>(WQ.cols()));
    return matmul(softmax(S, mask), V);
}

inline Mask all_visible(Eigen::Index rows, Eigen::Index cols) { return Mask::Constant(rows, cols, true); }

// A random attention matrix: rows are softmax of random scores under the mask.
inline Eigen::MatrixXd random_attention(std::mt19937_64& rng, const Mask& mask, double spread = 3.0) {
    return softmax(random_matrix(rng, mask.rows(), mask.cols(), spread), mask);
}

}  // namespace naive
