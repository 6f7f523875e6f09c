#pragma once
// A frame of a compiled scene as PNG bytes, for the preview page.
#include "timeline/scene.hpp"

#include <string>

namespace attnreel::preview {

// The frame at `t` (seconds) at width × height pixels. Uses a Rasterizer of the calling
// thread, so consecutive frames on one thread repaint only what changed.
std::string render_png(const Scene& scene, double t, int width, int height);

}  // namespace attnreel::preview
