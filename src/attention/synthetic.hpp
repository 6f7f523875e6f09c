#pragma once
// Seeded synthetic attention for teaching: plausible multi-layer, multi-head attention over
// a token list, every head labelled with the pattern it was drawn from.
#include "attention/masks.hpp"
#include "attention/patterns.hpp"

#include <Eigen/Core>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace attnreel::attention {

// One head's pattern as the author asks for it; `parameter` overrides the window of a
// local head (else `window`) or the offset k of a positional_offset head (else drawn).
struct PatternChoice {
    HeadPattern pattern = HeadPattern::uniform;
    std::optional<int> parameter;
    PatternChoice(HeadPattern p, std::optional<int> k = std::nullopt) : pattern(p), parameter(k) {}
};

struct SyntheticSpec {
    std::vector<std::string> tokens;
    int layers = 2;
    int heads = 4;
    std::uint64_t seed = 0;
    MaskSpec mask{MaskKind::causal, 1, {}, {}};
    int window = 2;          // width of local heads
    int embedding_dim = 16;  // of the seeded embeddings that semantic heads compare
    // Optional: the pattern of every head, layers × heads. Empty: drawn by layer depth.
    std::vector<std::vector<PatternChoice>> patterns;
};

struct SyntheticHead {
    HeadPattern pattern;
    int parameter = 0;       // window (local), offset k (positional_offset), else 0
    double sharpness = 0;    // logit boost of the pattern's targets (before + ln keys)
    Eigen::MatrixXd weights; // tokens × tokens, rows sum to 1, 0 where masked
};

struct SyntheticModel {
    std::vector<std::string> tokens;
    Eigen::MatrixXd embeddings;  // seeded by token text (embeddings.hpp)
    Mask mask;
    std::vector<std::vector<SyntheticHead>> layers;
};

// Each head: logits = (sharpness + ln visible keys) · (template / row max) + N(0, 0.3²)
// noise, softmax over the allowed keys (semantic heads use the template's own log-weights
// as logits). Patterns not
// given are drawn per layer, without repeats while possible, with depth-dependent odds:
// early layers favour previous-token, local and positional heads, later layers semantic,
// induction (never in layer 0: it needs an earlier previous-token layer), punctuation and
// broad heads; later heads are also less sharp. Throws InputError for a bad spec or a
// requested pattern the tokens cannot show (induction without a repeated token...).
SyntheticModel generate_synthetic(const SyntheticSpec& spec);

// How many numbers a synthetic model keeps (every head's weights, the embeddings), checked
// against ModelLimits::max_stored_numbers like a computed model.
double stored_numbers(const SyntheticSpec& spec);

}  // namespace attnreel::attention
