#include "attention/multi_head.hpp"

#include "core/error.hpp"

#include <string>

namespace attnreel::attention {

std::vector<HeadWeights> split_heads(const Eigen::MatrixXd& W_Q, const Eigen::MatrixXd& W_K,
                                     const Eigen::MatrixXd& W_V, int heads) {
    if (heads < 1) throw InputError("a model needs at least one head, got " + std::to_string(heads));
    if (W_K.cols() != W_Q.cols() || W_V.cols() != W_Q.cols() || W_K.rows() != W_Q.rows() ||
        W_V.rows() != W_Q.rows())
        throw InputError("W_Q, W_K and W_V must have the same shape to be split into heads");
    if (W_Q.cols() % heads != 0)
        throw InputError("cannot split " + std::to_string(W_Q.cols()) + " columns into " +
                         std::to_string(heads) + " equal heads");
    const Eigen::Index d_k = W_Q.cols() / heads;
    std::vector<HeadWeights> result;
    for (int h = 0; h < heads; ++h) {
        const Eigen::Index first = h * d_k;
        result.push_back({W_Q.middleCols(first, d_k), W_K.middleCols(first, d_k),
                          W_V.middleCols(first, d_k)});
    }
    return result;
}

MultiHeadComputation multi_head(const Eigen::MatrixXd& X_query, const Eigen::MatrixXd& X_key_value,
                                const std::vector<HeadWeights>& heads, const Eigen::MatrixXd& W_O,
                                const Mask& mask, bool scale) {
    if (heads.empty()) throw InputError("multi-head attention needs at least one head");
    MultiHeadComputation result;
    Eigen::Index concat_width = 0;
    for (const HeadWeights& weights : heads) {
        result.heads.push_back(attention_head(X_query, X_key_value, weights, mask, scale));
        concat_width += result.heads.back().output.cols();
    }
    result.concat.resize(X_query.rows(), concat_width);
    Eigen::Index column = 0;
    for (const HeadComputation& head : result.heads) {
        result.concat.middleCols(column, head.output.cols()) = head.output;
        column += head.output.cols();
    }
    if (W_O.rows() != concat_width)
        throw InputError("W_O has " + std::to_string(W_O.rows()) + " rows but the concatenated heads are " +
                         std::to_string(concat_width) + " wide");
    result.W_O = W_O;
    result.output = result.concat * W_O;
    return result;
}

}  // namespace attnreel::attention
