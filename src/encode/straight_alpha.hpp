#pragma once
// Cairo's frames hold premultiplied alpha; video codecs and WebP store straight alpha.
#include "core/frame.hpp"

#include <cstdint>
#include <vector>

namespace attnreel {

// The frame's pixels with each colour divided by its alpha, in the same native-endian
// ARGB32 layout (BGRA bytes on little endian). Fully transparent pixels become 0.
void unpremultiply(const Frame& frame, std::vector<std::uint32_t>& out);

// True when some pixel of the frame is not fully opaque.
bool has_transparency(const Frame& frame);

}  // namespace attnreel
