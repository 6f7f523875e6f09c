#pragma once
// Raster output: a DrawList painted into a Frame. One Rasterizer per thread.
//
// Consecutive frames of a lesson mostly repeat their first items (the title and the token
// row stay while the arrows grow), so the Rasterizer keeps the pixels of the longest
// prefix that the last two frames shared and paints only the items after it. The result
// is the same picture as painting everything.
#include "core/frame.hpp"
#include "scene/draw_list.hpp"

typedef struct _cairo_surface cairo_surface_t;

namespace attnreel {

class Rasterizer {
public:
    Rasterizer() = default;
    ~Rasterizer();
    Rasterizer(const Rasterizer&) = delete;
    Rasterizer& operator=(const Rasterizer&) = delete;

    // Paints into `frame`, resizing it to width × height when needed.
    void render(const DrawList& list, int width, int height, Frame& frame);

private:
    void paint(const DrawList& list, std::size_t first_item, Frame& frame);

    int width_ = 0, height_ = 0;
    DrawList previous_;      // the last list rendered, to find what the next one shares
    DrawList base_;          // the cached prefix: background and items
    Frame base_pixels_;      // base_ painted
};

}  // namespace attnreel
