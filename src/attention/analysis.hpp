#pragma once
// What each head does, in numbers: entropy, distance, and how much weight goes to itself,
// the previous token, the first token, punctuation and induction targets; for
// cross-attention, how well it aligns the two sequences; plus its likeliest pattern, the
// figures per layer and the heads that specialise.
//
// Scores are judged against what the mask allows: a row counts only where the mask leaves
// the query a choice (at least two visible keys), and the sink and punctuation scores leave
// out the query's own key and its predecessor, so that under a causal mask a previous-token
// head is not mistaken for a sink head (its second row can only look back at token 0).
#include "attention/attention_stack.hpp"
#include "attention/classify.hpp"

#include <Eigen/Core>
#include <optional>
#include <string>
#include <vector>

namespace attnreel::attention {

// What the analysis knows besides the weights.
struct AnalysisContext {
    std::vector<std::string> queries;  // the tokens of the rows
    std::vector<std::string> keys;     // of the columns (the same as queries for self-attention)
    bool cross = false;                // keys from another sequence: self-only figures do not apply
    std::optional<Mask> visible;       // what the mask allows; none: where the weights are not 0
    std::optional<Eigen::MatrixXd> embeddings;  // of the queries' tokens, for the semantic pattern
};

struct HeadAnalysis {
    double entropy = 0;  // bits, −Σ_j A_ij log2 A_ij averaged over query rows
    // Self-attention only (none for cross-attention):
    std::optional<double> mean_distance;  // Σ_j A_ij |i − j| averaged over query rows
    std::optional<double> self;           // mean A_ii over rows that see themselves and another key
    std::optional<double> previous;       // mean A_i,i−1 over rows that see i − 1 and another key
    // Mean over queries i that repeat an earlier token of the weight on the tokens that
    // followed its earlier occurrences; none when no token repeats.
    std::optional<double> induction;
    std::optional<PatternFit> pattern;
    // Both kinds; none when no row qualifies:
    std::optional<double> sink;         // mean A_i,0 over rows that see key 0 as neither themselves nor i − 1
    std::optional<double> punctuation;  // mean weight on punctuation keys after the first, likewise
    // Cross-attention only:
    std::optional<double> alignment;  // mean weight within one key of the proportional diagonal
    std::optional<double> coverage;   // share of keys that receive, over all queries, a total of at least 1
};

// A head whose attention mostly goes one way: its role and the score that shows it.
struct Specialisation {
    std::size_t layer = 0, head = 0;
    std::string role;  // the pattern as `describe` writes it ("previous_token", "local (w=2)"), or
                       // "alignment" for a cross-attention head that follows the diagonal
    double score = 0;  // the head's own score for that role (previous, sink, ...; fit for local,
                       // positional_offset and semantic)
};

struct ModelAnalysis {
    std::vector<std::vector<HeadAnalysis>> layers;  // [layer][head]
    bool cross = false;
    Eigen::MatrixXd rollout;           // empty for cross-attention
    // [layer][d]: the mean weight a query gives a visible key d positions away (self only).
    Eigen::MatrixXd distance_profile;
    std::vector<Specialisation> specialised;  // strongest first
};

// A role is named when more than this share of a head's attention (on rows where the mask
// leaves a choice) goes to it, or, for patterns without a measure of their own, when the
// head's fit to the pattern exceeds it.
inline constexpr double kSpecialisedScore = 0.5;

// Scores of one head; A is queries × keys.
HeadAnalysis analyze_head(const Eigen::MatrixXd& A, const AnalysisContext& context);
// Self-attention over `tokens`, its mask taken from where A is not 0.
HeadAnalysis analyze_head(const Eigen::MatrixXd& A, const std::vector<std::string>& tokens,
                          const std::optional<Eigen::MatrixXd>& embeddings = std::nullopt);

// Every head, per-layer figures, the specialised heads, and the rollout for self-attention.
ModelAnalysis analyze_attention(const AttentionStack& stack, const AnalysisContext& context);
ModelAnalysis analyze_attention(const AttentionStack& stack, const std::vector<std::string>& tokens,
                                const std::optional<Eigen::MatrixXd>& embeddings = std::nullopt);

struct ComputedModel;
struct SyntheticModel;
// The same for a model, with its mask and its token embeddings (before positions) for the
// semantic pattern.
ModelAnalysis analyze_model(const ComputedModel& model);
ModelAnalysis analyze_model(const SyntheticModel& model);

// The mean over the heads of a layer of one figure, over the heads it applies to.
std::optional<double> layer_mean(const std::vector<HeadAnalysis>& heads, std::optional<double> HeadAnalysis::*figure);

}  // namespace attnreel::attention
