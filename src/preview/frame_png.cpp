#include "preview/frame_png.hpp"

#include "encode/fast_png.hpp"
#include "render/raster.hpp"

namespace attnreel::preview {

std::string render_png(const Scene& scene, double t, int width, int height) {
    thread_local Rasterizer rasterizer;
    thread_local Frame frame;
    rasterizer.render(frame_at(scene, t), width, height, frame);
    return fast_png_bytes(frame);
}

}  // namespace attnreel::preview
