#pragma once
// Vector output: the same DrawList written as SVG or PDF through Cairo's vector surfaces,
// for slides and papers.
#include "scene/draw_list.hpp"

#include <string>

namespace attnreel {

enum class VectorFormat { Svg, Pdf };

// Writes to `path` (the caller handles temporary names); std::runtime_error on failure.
void write_vector_file(const DrawList& list, int width, int height, VectorFormat format, const std::string& path);

}  // namespace attnreel
