#include "render/vector_file.hpp"

#include "render/cairo_painter.hpp"

#include <cairo-pdf.h>
#include <cairo-svg.h>
#include <cairo.h>

#include <stdexcept>

namespace attnreel {

void write_vector_file(const DrawList& list, int width, int height, VectorFormat format, const std::string& path) {
    cairo_surface_t* surface = format == VectorFormat::Svg ? cairo_svg_surface_create(path.c_str(), width, height)
                                                           : cairo_pdf_surface_create(path.c_str(), width, height);
    if (cairo_surface_status(surface) != CAIRO_STATUS_SUCCESS) {
        const std::string why = cairo_status_to_string(cairo_surface_status(surface));
        cairo_surface_destroy(surface);
        throw std::runtime_error("cannot write " + path + ": " + why);
    }
    cairo_t* cr = cairo_create(surface);
    paint_draw_list(cr, list, width, height);
    cairo_show_page(cr);
    cairo_destroy(cr);
    cairo_surface_finish(surface);
    const cairo_status_t status = cairo_surface_status(surface);
    cairo_surface_destroy(surface);
    if (status != CAIRO_STATUS_SUCCESS)
        throw std::runtime_error("cannot write " + path + ": " + cairo_status_to_string(status));
}

}  // namespace attnreel
