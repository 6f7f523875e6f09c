#include "attention/attention_stack.hpp"

#include "attention/model.hpp"
#include "attention/synthetic.hpp"
#include "core/error.hpp"

#include <cmath>
#include <sstream>

namespace attnreel::attention {

AttentionStack attention_stack(const ComputedModel& model) {
    AttentionStack stack;
    for (const LayerComputation& layer : model.layers) {
        std::vector<Eigen::MatrixXd> heads;
        for (const HeadComputation& head : layer.heads) heads.push_back(head.weights);
        stack.push_back(std::move(heads));
    }
    return stack;
}

AttentionStack attention_stack(const SyntheticModel& model) {
    AttentionStack stack;
    for (const auto& layer : model.layers) {
        std::vector<Eigen::MatrixXd> heads;
        for (const SyntheticHead& head : layer) heads.push_back(head.weights);
        stack.push_back(std::move(heads));
    }
    return stack;
}

void validate_attention_stack(const AttentionStack& stack, std::size_t queries, std::size_t keys,
                              const std::string& source, double tolerance) {
    auto fail = [&](const std::string& message) { throw InputError(SourceMark{source, 0, 0}, message); };
    if (stack.empty() || stack.front().empty()) fail("the attention holds no layer or no head");
    if (queries == 0 || keys == 0) fail("the attention covers no tokens");
    const auto n = static_cast<Eigen::Index>(queries), m = static_cast<Eigen::Index>(keys);
    for (std::size_t l = 0; l < stack.size(); ++l) {
        if (stack[l].size() != stack.front().size())
            fail("layer " + std::to_string(l) + " has " + std::to_string(stack[l].size()) +
                 " heads but layer 0 has " + std::to_string(stack.front().size()));
        for (std::size_t h = 0; h < stack[l].size(); ++h) {
            const Eigen::MatrixXd& A = stack[l][h];
            const std::string where = "layer " + std::to_string(l) + " head " + std::to_string(h);
            if (A.rows() != n || A.cols() != m)
                fail(where + " is " + std::to_string(A.rows()) + "×" + std::to_string(A.cols()) + " but " +
                     std::to_string(queries) + " queries and " + std::to_string(keys) + " keys need " +
                     std::to_string(queries) + "×" + std::to_string(keys));
            for (Eigen::Index i = 0; i < n; ++i) {
                for (Eigen::Index j = 0; j < m; ++j)
                    if (!std::isfinite(A(i, j)) || A(i, j) < 0)
                        fail(where + " weight (" + std::to_string(i) + ", " + std::to_string(j) +
                             ") is not a finite non-negative number");
                const double sum = A.row(i).sum();
                if (std::abs(sum - 1.0) > tolerance) {
                    std::ostringstream message;
                    message << where << " row " << i << " sums to " << sum << ", not 1 (tolerance "
                            << tolerance << "): these are not softmax weights";
                    fail(message.str());
                }
            }
        }
    }
}

std::string shape_text(const std::vector<std::size_t>& shape) {
    std::string text = "[";
    for (std::size_t i = 0; i < shape.size(); ++i) text += (i ? ", " : "") + std::to_string(shape[i]);
    return text + "]";
}

AttentionStack attention_from_array(const std::vector<std::size_t>& shape, const std::vector<double>& data,
                                    const std::string& source) {
    if (shape.size() < 2 || shape.size() > 4)
        throw InputError(SourceMark{source, 0, 0},
                         "attention of shape " + shape_text(shape) +
                             " has the wrong number of dimensions; expected [layers, heads, queries, keys], "
                             "[heads, queries, keys] or [queries, keys]");
    std::size_t expected = 1;
    for (std::size_t extent : shape) {
        if (extent == 0)
            throw InputError(SourceMark{source, 0, 0}, "attention of shape " + shape_text(shape) + " is empty");
        expected *= extent;
    }
    if (expected != data.size())
        throw InputError(SourceMark{source, 0, 0}, "attention of shape " + shape_text(shape) + " needs " +
                                                       std::to_string(expected) + " numbers, found " +
                                                       std::to_string(data.size()));
    const std::size_t rank = shape.size();
    const std::size_t layers = rank == 4 ? shape[0] : 1;
    const std::size_t heads = rank >= 3 ? shape[rank - 3] : 1;
    const std::size_t rows = shape[rank - 2];
    const std::size_t cols = shape[rank - 1];
    AttentionStack stack(layers);
    std::size_t next = 0;
    for (std::size_t l = 0; l < layers; ++l) {
        for (std::size_t h = 0; h < heads; ++h) {
            Eigen::MatrixXd A(static_cast<Eigen::Index>(rows), static_cast<Eigen::Index>(cols));
            for (Eigen::Index i = 0; i < A.rows(); ++i)
                for (Eigen::Index j = 0; j < A.cols(); ++j) A(i, j) = data[next++];
            stack[l].push_back(std::move(A));
        }
    }
    return stack;
}

}  // namespace attnreel::attention
