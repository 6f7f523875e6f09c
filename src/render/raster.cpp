#include "render/raster.hpp"

#include "render/cairo_painter.hpp"

#include <cairo.h>

#include <algorithm>
#include <span>
#include <stdexcept>

namespace attnreel {

namespace {

// Painting a prefix once pays off only when it holds a few items.
constexpr std::size_t kMinCachedItems = 4;

std::size_t common_prefix(const DrawList& a, const DrawList& b) {
    if (a.background != b.background) return 0;
    const std::size_t n = std::min(a.items.size(), b.items.size());
    std::size_t k = 0;
    while (k < n && a.items[k] == b.items[k]) ++k;
    return k;
}

// A Cairo surface over the frame's own pixels; the caller destroys it.
cairo_surface_t* surface_over(Frame& frame) {
    cairo_surface_t* s = cairo_image_surface_create_for_data(frame.bytes(), CAIRO_FORMAT_ARGB32, frame.width,
                                                             frame.height, frame.stride_bytes());
    if (cairo_surface_status(s) != CAIRO_STATUS_SUCCESS) {
        cairo_surface_destroy(s);
        throw std::runtime_error("cannot create a " + std::to_string(frame.width) + "x" +
                                 std::to_string(frame.height) + " drawing surface");
    }
    return s;
}

}  // namespace

Rasterizer::~Rasterizer() = default;

void Rasterizer::paint(const DrawList& list, std::size_t first_item, Frame& frame) {
    cairo_surface_t* surface = surface_over(frame);
    cairo_t* cr = cairo_create(surface);
    if (first_item == 0) paint_background(cr, list.background);
    paint_items(cr, std::span(list.items).subspan(first_item), frame.width, frame.height);
    cairo_destroy(cr);
    cairo_surface_flush(surface);
    cairo_surface_destroy(surface);
}

void Rasterizer::render(const DrawList& list, int width, int height, Frame& frame) {
    if (frame.width != width || frame.height != height) frame = Frame(width, height);
    if (width != width_ || height != height_) {
        width_ = width;
        height_ = height;
        base_ = {};
        previous_ = {};
    }
    // Grow the cached prefix when this frame shares more with the previous one than it holds.
    const std::size_t shared = common_prefix(list, previous_);
    if (shared >= kMinCachedItems && shared > base_.items.size() && common_prefix(list, base_) == base_.items.size()) {
        base_.background = list.background;
        base_.items.assign(list.items.begin(), list.items.begin() + static_cast<long>(shared));
        base_pixels_ = Frame(width, height);
        paint(base_, 0, base_pixels_);
    }
    const std::size_t cached = base_.items.empty() ? 0 : common_prefix(list, base_);
    if (cached == base_.items.size() && cached > 0) {
        std::copy(base_pixels_.pixels.begin(), base_pixels_.pixels.end(), frame.pixels.begin());
        paint(list, cached, frame);
    } else {
        paint(list, 0, frame);
        if (cached < base_.items.size()) base_ = {};  // the scene moved on; find a new prefix
    }
    previous_ = list;
}

}  // namespace attnreel
