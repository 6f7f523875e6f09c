#pragma once
// Paints a DrawList onto any Cairo context: raster, SVG and PDF all share this one path,
// so every output shows the same picture.
#include "scene/draw_list.hpp"

#include <span>

typedef struct _cairo cairo_t;

namespace attnreel {

// Maps scene units to a width × height pixel canvas (8 units high, origin at the centre,
// y up) and paints the background and every item in order.
void paint_draw_list(cairo_t* cr, const DrawList& list, int width, int height);

// The two halves of paint_draw_list, for renderers that reuse an already painted prefix.
void paint_background(cairo_t* cr, const Color& background);
void paint_items(cairo_t* cr, std::span<const DrawItem> items, int width, int height);

}  // namespace attnreel
