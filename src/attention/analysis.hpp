#pragma once
// What each head does, in numbers: entropy, distance, and how much weight goes to itself,
// the previous token, the first token and induction targets; plus its likeliest pattern.
#include "attention/attention_stack.hpp"
#include "attention/classify.hpp"

#include <Eigen/Core>
#include <optional>
#include <string>
#include <vector>

namespace attnreel::attention {

struct HeadAnalysis {
    double entropy = 0;        // nats, −Σ_j A_ij ln A_ij averaged over query rows
    double mean_distance = 0;  // Σ_j A_ij |i − j| averaged over query rows
    double self = 0;           // mean of A_ii
    double previous = 0;       // mean of A_i,i−1 over i ≥ 1 (0 with a single query)
    double sink = 0;           // mean of A_i,0
    // Mean over queries i that repeat an earlier token of the weight on the tokens that
    // followed its earlier occurrences; none when no token repeats.
    std::optional<double> induction;
    std::optional<PatternFit> pattern;  // none for cross-attention (not square)
};

struct ModelAnalysis {
    std::vector<std::vector<HeadAnalysis>> layers;  // [layer][head]
    Eigen::MatrixXd rollout;                        // empty when the attention is not square
};

// Scores of one head; A is queries × keys (tokens are the queries' tokens, used for
// induction and the pattern only when A is square with one row per token).
HeadAnalysis analyze_head(const Eigen::MatrixXd& A, const std::vector<std::string>& tokens,
                          const std::optional<Eigen::MatrixXd>& embeddings = std::nullopt);

// Every head, and the rollout across layers when every matrix is square.
ModelAnalysis analyze_attention(const AttentionStack& stack, const std::vector<std::string>& tokens,
                                const std::optional<Eigen::MatrixXd>& embeddings = std::nullopt);

struct ComputedModel;
struct SyntheticModel;
// The same for a model, with its token embeddings (before positions) for the semantic
// pattern. A cross-attention model has no patterns and no rollout.
ModelAnalysis analyze_model(const ComputedModel& model);
ModelAnalysis analyze_model(const SyntheticModel& model);

}  // namespace attnreel::attention
