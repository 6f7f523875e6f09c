#pragma once
// Naming a head: the pattern whose ideal matrix (patterns.hpp) is closest to the head's
// weights, measured row by row as the overlap Σ_j min(A_ij, T_ij) (1 − total variation
// distance: 1 when equal, 0 when disjoint).
#include "attention/patterns.hpp"

#include <Eigen/Core>
#include <optional>
#include <string>
#include <vector>

namespace attnreel::attention {

struct PatternFit {
    HeadPattern pattern = HeadPattern::uniform;
    int parameter = 0;          // window or offset of the winning template, else 0
    std::optional<double> fit;  // mean overlap with it; none when named by elimination
};

// Mean overlap of A with T over the rows where A has at least two non-zero weights (a row
// with a single visible key says nothing about the pattern); 1 when there is no such row.
double pattern_overlap(const Eigen::MatrixXd& A, const Eigen::MatrixXd& T);

// The keys the head could see, taken as its non-zero weights (softmax is never exactly 0
// on a visible key).
Mask attention_support(const Eigen::MatrixXd& A);

// Candidates: previous_token, first_token_sink, induction (when a token repeats),
// positional_offset k = 2..4, local window 1..3, punctuation_sink (when there is
// punctuation after the first token), semantic (when embeddings are given), uniform. Ties go to the earlier in that list. Without
// embeddings, a head that no candidate fits (best overlap < 0.5) is content-driven by
// elimination and named semantic with no fit. A head whose rows each see one key is
// uniform. A must be square with one row per token.
// `visible` is what the mask allows; none: where A is not 0 (attention_support).
PatternFit classify_head(const Eigen::MatrixXd& A, const std::vector<std::string>& tokens,
                         const std::optional<Eigen::MatrixXd>& embeddings = std::nullopt,
                         const std::optional<Mask>& visible = std::nullopt);

}  // namespace attnreel::attention
