#pragma once
// Attention weights from JSON: either a bare nested array (shape [layers, heads, queries,
// keys], [heads, queries, keys] or [queries, keys]) or an object
//   {"tokens": ["The", "cat", ...], "attention": <nested array>}
// Parsed with yaml-cpp (JSON is YAML), so errors carry line and column.
#include "attention/npy_loader.hpp"

#include <string>
#include <vector>

namespace attnreel::attention {

struct JsonAttention {
    NpyArray array;                   // the numbers with their shape
    std::vector<std::string> tokens;  // empty when the file gives none
};

// Parses JSON text; `source` names it in errors. Ragged arrays, non-numbers, unknown keys
// and nesting deeper than 4 or shallower than 2 are InputErrors with the place.
JsonAttention parse_json_attention(const std::string& text, const std::string& source);

JsonAttention read_json_attention(const std::string& path);

}  // namespace attnreel::attention
