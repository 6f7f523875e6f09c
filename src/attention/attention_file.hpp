#pragma once
// Loading real attention weights for analysis: a .npy or .json file plus the tokens.
#include "attention/attention_stack.hpp"

#include <optional>
#include <string>
#include <vector>

namespace attnreel::attention {

struct LoadedAttention {
    AttentionStack stack;
    std::vector<std::string> tokens;
};

// Loads `path` by its extension (.npy: npy_loader.hpp; .json: json_loader.hpp) and checks
// it with validate_attention_stack. Tokens: `tokens` when given, else those stored in a
// JSON file, else placeholders "0", "1", ... (tokens.hpp).
LoadedAttention load_attention_file(const std::string& path,
                                    const std::optional<std::vector<std::string>>& tokens = std::nullopt,
                                    double tolerance = 1e-3);

}  // namespace attnreel::attention
