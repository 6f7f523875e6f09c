#pragma once
// Attention weights from JSON: either a bare nested array (shape [layers, heads, queries,
// keys], [heads, queries, keys] or [queries, keys]) or an object
//   {"tokens": ["The", "cat", ...], "attention": <nested array>}
//   {"queries": ["Le", "chat"], "keys": ["The", "cat", "sat"], "attention": <nested array>}
// the second for cross-attention. Parsed with nlohmann-json: syntax errors, trailing text
// after the document included, carry the line and column; errors in the array name the
// place in it ("attention[0][2]").
#include "attention/npy_loader.hpp"

#include <string>
#include <vector>

namespace attnreel::attention {

struct JsonAttention {
    NpyArray array;                   // the numbers with their shape
    std::vector<std::string> tokens;  // empty when the file gives none
    std::vector<std::string> queries, keys;  // cross-attention tokens; empty when not given
};

// Parses JSON text; `source` names it in errors. Ragged arrays, non-numbers, unknown keys
// and nesting deeper than 4 or shallower than 2 are InputErrors with the place.
JsonAttention parse_json_attention(const std::string& text, const std::string& source);

JsonAttention read_json_attention(const std::string& path);

}  // namespace attnreel::attention
