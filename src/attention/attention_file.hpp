#pragma once
// Loading real attention weights for analysis: a .npy or .json file plus the tokens.
#include "attention/attention_stack.hpp"

#include <optional>
#include <string>
#include <vector>

namespace attnreel::attention {

struct LoadedAttention {
    AttentionStack stack;
    std::vector<std::string> tokens;  // of the rows (the queries)
    std::vector<std::string> keys;    // of the columns: the same as tokens for self-attention
    bool cross = false;               // queries and keys are different sequences
};

// The tokens a caller gives: `tokens` for self-attention (square matrices), or `queries`
// and `keys` for cross-attention (queries × keys). Unset: the file's own, else
// placeholders "0", "1", ... (a non-square file without tokens is cross-attention).
struct AttentionTokens {
    std::optional<std::vector<std::string>> tokens;
    std::optional<std::vector<std::string>> queries, keys;
};

// Loads `path` by its extension (.npy: npy_loader.hpp; .json: json_loader.hpp) and checks
// it with validate_attention_stack. A non-square matrix given self-attention tokens is an
// error that says it is cross-attention.
LoadedAttention load_attention_file(const std::string& path, const AttentionTokens& given, double tolerance = 1e-3);
// Self-attention with these tokens (or the file's, or placeholders).
LoadedAttention load_attention_file(const std::string& path,
                                    const std::optional<std::vector<std::string>>& tokens = std::nullopt,
                                    double tolerance = 1e-3);

}  // namespace attnreel::attention
