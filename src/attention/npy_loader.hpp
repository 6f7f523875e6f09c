#pragma once
// Attention weights from NumPy .npy files (format versions 1–3): little-endian float32 or
// float64, C order, shape [layers, heads, queries, keys], [heads, queries, keys] or
// [queries, keys], as saved by np.save(path, attentions).
#include "attention/attention_stack.hpp"

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace attnreel::attention {

struct NpyArray {
    std::vector<std::size_t> shape;
    std::vector<double> data;  // row-major (C order)
};

// Parses a whole .npy file held in memory. Big-endian data, Fortran order, any dtype other
// than float32/float64, a malformed header and a data size that does not match the shape
// (truncated or trailing bytes) are InputErrors naming `source`.
NpyArray parse_npy(std::string_view bytes, const std::string& source);

// Reads and parses a file (InputError when it cannot be read).
NpyArray read_npy(const std::string& path);

}  // namespace attnreel::attention
