#include "attention/mechanism.hpp"

#include "attention/softmax.hpp"
#include "core/error.hpp"

#include <cmath>
#include <string>

namespace attnreel::attention {

namespace {

std::string shape(const Eigen::MatrixXd& m) {
    return std::to_string(m.rows()) + "×" + std::to_string(m.cols());
}

void require(bool condition, const std::string& message) {
    if (!condition) throw InputError(message);
}

}  // namespace

Eigen::MatrixXd project(const Eigen::MatrixXd& X, const Eigen::MatrixXd& W) {
    require(X.cols() == W.rows(), "cannot project " + shape(X) + " inputs with a " + shape(W) +
                                      " weight matrix: the weight needs " + std::to_string(X.cols()) +
                                      " rows");
    return X * W;
}

Eigen::MatrixXd attention_scores(const Eigen::MatrixXd& Q, const Eigen::MatrixXd& K) {
    require(Q.cols() == K.cols(), "queries " + shape(Q) + " and keys " + shape(K) +
                                      " must have the same width d_k");
    return Q * K.transpose();
}

Eigen::MatrixXd scale_scores(const Eigen::MatrixXd& scores, Eigen::Index d_k) {
    require(d_k > 0, "d_k must be positive to scale by 1/√d_k, got " + std::to_string(d_k));
    return scores / std::sqrt(static_cast<double>(d_k));
}

Eigen::MatrixXd attend(const Eigen::MatrixXd& weights, const Eigen::MatrixXd& V) {
    require(weights.cols() == V.rows(), "attention weights " + shape(weights) +
                                            " cannot mix values " + shape(V) +
                                            ": one value row is needed per key");
    return weights * V;
}

HeadComputation attention_head(const Eigen::MatrixXd& X_query, const Eigen::MatrixXd& X_key_value,
                               const HeadWeights& weights, const Mask& mask, bool scale) {
    HeadComputation head;
    head.W_Q = weights.W_Q;
    head.W_K = weights.W_K;
    head.W_V = weights.W_V;
    head.Q = project(X_query, weights.W_Q);
    head.K = project(X_key_value, weights.W_K);
    head.V = project(X_key_value, weights.W_V);
    head.scores = attention_scores(head.Q, head.K);
    head.scaled_scores = scale ? scale_scores(head.scores, head.Q.cols()) : head.scores;
    head.mask = mask;
    head.weights = softmax_rows(head.scaled_scores, mask);
    head.output = attend(head.weights, head.V);
    return head;
}

}  // namespace attnreel::attention
