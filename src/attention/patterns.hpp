#pragma once
// The named attention patterns that lessons teach, each as an ideal attention matrix (a
// "template"). The synthetic generator draws noisy heads around a template; the analysis
// names a head after the template it is closest to.
#include "attention/masks.hpp"

#include <Eigen/Core>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace attnreel::attention {

enum class HeadPattern {
    previous_token,     // i attends to i-1
    local,              // i attends evenly to |i-j| <= window
    first_token_sink,   // everything attends to token 0 (the "attention sink")
    positional_offset,  // i attends to i-k for a fixed k >= 2
    semantic,           // i attends to tokens whose embeddings resemble its own
    induction,          // i attends to the token after an earlier occurrence of token i
    punctuation_sink,   // everything attends to punctuation
    uniform,            // broad: evenly over every visible key
};

// Scene-file names in declaration order: "previous_token", "local", ...
const std::vector<std::string>& head_pattern_names();
std::string to_string(HeadPattern pattern);
// Throws InputError (with a suggestion) for an unknown name.
HeadPattern parse_head_pattern(std::string_view name);

// What a template may look at besides positions.
struct PatternContext {
    std::vector<std::string> tokens;
    Mask allowed;                               // tokens × tokens: keys each query can see
    std::optional<Eigen::MatrixXd> embeddings;  // tokens × d, needed for semantic only
};

// Sharpness of the ideal semantic pattern: weights ∝ exp(semantic_beta · cos(e_i, e_j)).
inline constexpr double semantic_beta = 8.0;

// The ideal attention matrix of a pattern: rows sum to 1 over the allowed keys and are 0
// elsewhere. `parameter` is the window (local) or the offset k (positional_offset), unused
// otherwise. A row whose targets are all hidden or absent (no previous token, no earlier
// occurrence, no punctuation yet) falls back to the first token, as trained heads do, or
// evenly over the allowed keys when the first token is hidden too. In the semantic pattern
// a token counts as unrelated to itself (cosine 0), so it looks at other tokens.
// Throws InputError for semantic without embeddings.
Eigen::MatrixXd pattern_template(HeadPattern pattern, int parameter, const PatternContext& context);

// Whether the tokens give the pattern anything to show: induction needs a repeated token,
// punctuation_sink a punctuation token after the first, positional_offset k needs k+1 tokens.
bool pattern_applies(HeadPattern pattern, int parameter, const std::vector<std::string>& tokens);

}  // namespace attnreel::attention
