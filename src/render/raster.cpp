#include "render/raster.hpp"

#include "render/cairo_painter.hpp"

#include <cairo.h>

#include <stdexcept>

namespace attnreel {

Rasterizer::~Rasterizer() {
    if (surface_) cairo_surface_destroy(surface_);
}

void Rasterizer::render(const DrawList& list, int width, int height, Frame& frame) {
    if (frame.width != width || frame.height != height) frame = Frame(width, height);
    // The surface draws straight into the frame's pixels; rebuild it only when they move.
    if (!surface_ || bound_to_ != frame.bytes() || width_ != width || height_ != height) {
        if (surface_) cairo_surface_destroy(surface_);
        surface_ = cairo_image_surface_create_for_data(frame.bytes(), CAIRO_FORMAT_ARGB32, width, height,
                                                       frame.stride_bytes());
        if (cairo_surface_status(surface_) != CAIRO_STATUS_SUCCESS)
            throw std::runtime_error("cannot create a " + std::to_string(width) + "x" + std::to_string(height) +
                                     " drawing surface");
        bound_to_ = frame.bytes();
        width_ = width;
        height_ = height;
    }
    cairo_t* cr = cairo_create(surface_);
    paint_draw_list(cr, list, width, height);
    cairo_destroy(cr);
    cairo_surface_flush(surface_);
}

}  // namespace attnreel
