#pragma once
// Raster output: a DrawList painted into a Frame. One Rasterizer per thread; it keeps its
// Cairo surface between frames of the same size.
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
    cairo_surface_t* surface_ = nullptr;
    unsigned char* bound_to_ = nullptr;  // the pixel buffer surface_ wraps
    int width_ = 0, height_ = 0;
};

}  // namespace attnreel
