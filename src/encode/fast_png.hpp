#pragma once
// PNG bytes made for speed rather than size: the preview sends each frame over the
// loopback address right after drawing it, where a few megabytes cost less than deflating
// them (Cairo's PNG writer takes several times as long as drawing a 720p frame).
#include "core/frame.hpp"

#include <string>

namespace attnreel {

// The frame as a PNG whose image data is stored, not compressed (zlib's stored blocks):
// RGB when every pixel is opaque, otherwise RGBA with the alpha premultiplication undone,
// as Cairo writes it. Any PNG reader reads it as it reads Cairo's.
std::string fast_png_bytes(const Frame& frame);

// The same pixels, compressed for files: each scanline filtered with Sub or Up (a run of one
// colour becomes zero bytes) and deflated with the run-length strategy. For rendered frames
// about 2 to 3 times faster than Cairo's PNG writer (zlib level 6, adaptive filters), and
// from as small to 1.7 times as large (a grid of numbers).
std::string compact_png_bytes(const Frame& frame);

}  // namespace attnreel
