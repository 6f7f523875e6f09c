#include "attention/rollout.hpp"

#include "core/error.hpp"

namespace attnreel::attention {

std::vector<Eigen::MatrixXd> attention_rollout_by_layer(const AttentionStack& stack) {
    if (stack.empty()) throw InputError("attention rollout needs at least one layer");
    const Eigen::Index n = stack.front().empty() ? 0 : stack.front().front().rows();
    std::vector<Eigen::MatrixXd> result;
    Eigen::MatrixXd flow = Eigen::MatrixXd::Identity(n, n);
    for (std::size_t l = 0; l < stack.size(); ++l) {
        if (stack[l].empty()) throw InputError("layer " + std::to_string(l) + " has no heads to roll out");
        Eigen::MatrixXd mixed = Eigen::MatrixXd::Zero(n, n);
        for (const Eigen::MatrixXd& A : stack[l]) {
            if (A.rows() != n || A.cols() != n)
                throw InputError("attention rollout needs square matrices of one size; layer " + std::to_string(l) +
                                 " has a " + std::to_string(A.rows()) + "×" + std::to_string(A.cols()) + " head");
            mixed += A;
        }
        mixed /= static_cast<double>(stack[l].size());
        mixed += Eigen::MatrixXd::Identity(n, n);  // the residual connection
        const Eigen::VectorXd sums = mixed.rowwise().sum();
        for (Eigen::Index i = 0; i < n; ++i) mixed.row(i) /= sums(i);
        flow = mixed * flow;
        result.push_back(flow);
    }
    return result;
}

Eigen::MatrixXd attention_rollout(const AttentionStack& stack) { return attention_rollout_by_layer(stack).back(); }

}  // namespace attnreel::attention
