#include "attention/analysis.hpp"

#include "attention/model.hpp"
#include "attention/rollout.hpp"
#include "attention/synthetic.hpp"
#include "core/error.hpp"

#include <cmath>
#include <cstdlib>

namespace attnreel::attention {

namespace {

double mean_entropy(const Eigen::MatrixXd& A) {
    double total = 0;
    for (Eigen::Index i = 0; i < A.rows(); ++i)
        for (Eigen::Index j = 0; j < A.cols(); ++j)
            if (A(i, j) > 0) total -= A(i, j) * std::log(A(i, j));  // 0 · ln 0 = 0
    return total / static_cast<double>(A.rows());
}

double mean_distance(const Eigen::MatrixXd& A) {
    double total = 0;
    for (Eigen::Index i = 0; i < A.rows(); ++i)
        for (Eigen::Index j = 0; j < A.cols(); ++j) total += A(i, j) * static_cast<double>(std::abs(i - j));
    return total / static_cast<double>(A.rows());
}

double mean_diagonal(const Eigen::MatrixXd& A, Eigen::Index offset) {
    double total = 0;
    int count = 0;
    for (Eigen::Index i = offset; i < A.rows() && i - offset < A.cols(); ++i) {
        total += A(i, i - offset);
        ++count;
    }
    return count == 0 ? 0.0 : total / count;
}

std::optional<double> induction_score(const Eigen::MatrixXd& A, const std::vector<std::string>& tokens) {
    double total = 0;
    int rows = 0;
    for (Eigen::Index i = 1; i < A.rows(); ++i) {
        double row_mass = 0;
        bool repeats = false;
        for (Eigen::Index j = 0; j < i; ++j) {
            if (tokens[static_cast<std::size_t>(j)] != tokens[static_cast<std::size_t>(i)]) continue;
            // Two earlier occurrences never share a successor, so no weight counts twice.
            repeats = true;
            row_mass += A(i, j + 1);
        }
        if (repeats) {
            total += row_mass;
            ++rows;
        }
    }
    if (rows == 0) return std::nullopt;
    return total / rows;
}

}  // namespace

HeadAnalysis analyze_head(const Eigen::MatrixXd& A, const std::vector<std::string>& tokens,
                          const std::optional<Eigen::MatrixXd>& embeddings) {
    if (A.rows() == 0 || A.cols() == 0) throw InputError("cannot analyse an empty attention matrix");
    HeadAnalysis result;
    result.entropy = mean_entropy(A);
    result.mean_distance = mean_distance(A);
    result.self = mean_diagonal(A, 0);
    result.previous = mean_diagonal(A, 1);
    result.sink = A.col(0).mean();
    const bool square = A.rows() == A.cols() && A.rows() == static_cast<Eigen::Index>(tokens.size());
    if (square) {
        result.induction = induction_score(A, tokens);
        result.pattern = classify_head(A, tokens, embeddings);
    }
    return result;
}

ModelAnalysis analyze_attention(const AttentionStack& stack, const std::vector<std::string>& tokens,
                                const std::optional<Eigen::MatrixXd>& embeddings) {
    ModelAnalysis result;
    bool square = true;
    for (const auto& layer : stack) {
        std::vector<HeadAnalysis> heads;
        for (const Eigen::MatrixXd& A : layer) {
            heads.push_back(analyze_head(A, tokens, embeddings));
            square = square && A.rows() == A.cols();
        }
        result.layers.push_back(std::move(heads));
    }
    if (square && !stack.empty()) result.rollout = attention_rollout(stack);
    return result;
}

ModelAnalysis analyze_model(const ComputedModel& model) {
    return analyze_attention(attention_stack(model), model.spec.tokens, model.token_embeddings);
}

ModelAnalysis analyze_model(const SyntheticModel& model) {
    return analyze_attention(attention_stack(model), model.tokens, model.embeddings);
}

}  // namespace attnreel::attention
