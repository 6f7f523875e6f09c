#include "render/vector_file.hpp"

#include "render/cairo_painter.hpp"
#include "render/svg_file.hpp"

#include <cairo-pdf.h>
#include <cairo.h>

#include <stdexcept>

namespace attnreel {

namespace {

cairo_status_t append_to_string(void* closure, const unsigned char* data, unsigned int length) {
    static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
    return CAIRO_STATUS_SUCCESS;
}

}  // namespace

std::string vector_file_bytes(const DrawList& list, int width, int height, VectorFormat format) {
    if (format == VectorFormat::Svg) return svg_bytes(list, width, height);
    std::string bytes;
    cairo_surface_t* surface = cairo_pdf_surface_create_for_stream(append_to_string, &bytes, width, height);
    // Cairo would stamp the time of the run; an empty date leaves it out, so that the
    // same frame gives the same file.
    cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATE_DATE, "");
    cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATOR, "attnreel");
    cairo_t* cr = cairo_create(surface);
    paint_draw_list(cr, list, width, height);
    cairo_show_page(cr);
    cairo_destroy(cr);
    cairo_surface_finish(surface);
    const cairo_status_t status = cairo_surface_status(surface);
    cairo_surface_destroy(surface);
    if (status != CAIRO_STATUS_SUCCESS)
        throw std::runtime_error(std::string("cannot draw the vector file: ") + cairo_status_to_string(status));
    return bytes;
}

}  // namespace attnreel
