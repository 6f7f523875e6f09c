#pragma once
// Vector output: the same DrawList written as SVG (render/svg_file: pixel-sized, text
// titled) or PDF (Cairo's PDF surface, sized in points), for web pages, slides and papers.
#include "scene/draw_list.hpp"

#include <string>

namespace attnreel {

enum class VectorFormat { Svg, Pdf };

// The file's bytes, the same for the same list and size on every run (a PDF has no
// creation date); the caller writes them where they belong.
std::string vector_file_bytes(const DrawList& list, int width, int height, VectorFormat format);

}  // namespace attnreel
