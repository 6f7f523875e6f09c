#include "render/cairo_painter.hpp"

#include <cairo.h>

namespace attnreel {

namespace {

void trace(cairo_t* cr, const Path& path) {
    const auto& pts = path.points();
    std::size_t i = 0;
    for (Verb v : path.verbs()) {
        switch (v) {
        case Verb::Move: cairo_move_to(cr, pts[i].x(), pts[i].y()); ++i; break;
        case Verb::Line: cairo_line_to(cr, pts[i].x(), pts[i].y()); ++i; break;
        case Verb::Cubic:
            cairo_curve_to(cr, pts[i].x(), pts[i].y(), pts[i + 1].x(), pts[i + 1].y(), pts[i + 2].x(), pts[i + 2].y());
            i += 3;
            break;
        case Verb::Close: cairo_close_path(cr); break;
        }
    }
}

void set_colour(cairo_t* cr, const Color& c) { cairo_set_source_rgba(cr, c.r, c.g, c.b, c.a); }

}  // namespace

void paint_background(cairo_t* cr, const Color& background) {
    cairo_save(cr);
    set_colour(cr, background);
    cairo_set_operator(cr, CAIRO_OPERATOR_SOURCE);
    cairo_paint(cr);
    cairo_restore(cr);
}

void paint_items(cairo_t* cr, std::span<const DrawItem> items, int width, int height) {
    cairo_save(cr);
    const double pixels_per_unit = height / 8.0;
    cairo_translate(cr, width / 2.0, height / 2.0);
    cairo_scale(cr, pixels_per_unit, -pixels_per_unit);
    // Glyph outlines wind outer and inner contours opposite ways: nonzero fills them right.
    cairo_set_fill_rule(cr, CAIRO_FILL_RULE_WINDING);
    cairo_set_line_cap(cr, CAIRO_LINE_CAP_ROUND);
    cairo_set_line_join(cr, CAIRO_LINE_JOIN_ROUND);
    for (const DrawItem& item : items) {
        cairo_new_path(cr);
        trace(cr, item.path);
        if (item.gradient) {
            const Gradient& g = *item.gradient;
            cairo_pattern_t* pattern = cairo_pattern_create_linear(g.from.x(), g.from.y(), g.to.x(), g.to.y());
            for (const auto& [offset, c] : g.stops) cairo_pattern_add_color_stop_rgba(pattern, offset, c.r, c.g, c.b, c.a);
            cairo_set_source(cr, pattern);
            cairo_pattern_destroy(pattern);
            if (item.stroke) cairo_fill_preserve(cr);
            else cairo_fill(cr);
        } else if (item.fill) {
            set_colour(cr, *item.fill);
            if (item.stroke) cairo_fill_preserve(cr);
            else cairo_fill(cr);
        }
        if (item.stroke) {
            set_colour(cr, *item.stroke);
            cairo_set_line_width(cr, item.stroke_width);
            cairo_stroke(cr);
        }
    }
    cairo_restore(cr);
}

void paint_draw_list(cairo_t* cr, const DrawList& list, int width, int height) {
    paint_background(cr, list.background);
    paint_items(cr, list.items, width, height);
}

}  // namespace attnreel
