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

}  // namespace attnreel
