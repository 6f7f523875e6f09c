#pragma once
// Vector output: the same DrawList written as SVG or PDF through Cairo's vector surfaces,
// for slides and papers.
#include "scene/draw_list.hpp"

#include <string>

namespace attnreel {

enum class VectorFormat { Svg, Pdf };

// The file's bytes, the same for the same list and size on every run (a PDF has no
// creation date); the caller writes them where they belong.
std::string vector_file_bytes(const DrawList& list, int width, int height, VectorFormat format);

}  // namespace attnreel
