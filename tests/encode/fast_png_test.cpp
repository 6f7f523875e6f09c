// The preview's uncompressed PNGs and the compressed PNGs of files read back, through
// Cairo's own PNG reader, as exactly the frame that was encoded, opaque or not, small or
// spanning many stored blocks, and as what Cairo's own PNG writer makes of the frame.
#include "encode/fast_png.hpp"
#include "encode/png_sink.hpp"
#include "encode_test_support.hpp"

#include <catch2/catch.hpp>

using namespace attnreel;
using namespace attnreel::test;

namespace {

// The frame a PNG's bytes hold, read by Cairo, alpha kept.
Frame decoded(const std::string& png) {
    ScratchDir dir;
    write_bytes(dir.path / "f.png", png);
    cairo_surface_t* surface = cairo_image_surface_create_from_png((dir.path / "f.png").c_str());
    REQUIRE(cairo_surface_status(surface) == CAIRO_STATUS_SUCCESS);
    Frame frame(cairo_image_surface_get_width(surface), cairo_image_surface_get_height(surface));
    const bool has_alpha = cairo_image_surface_get_format(surface) == CAIRO_FORMAT_ARGB32;
    for (int y = 0; y < frame.height; ++y)
        for (int x = 0; x < frame.width; ++x) {
            const auto* row = cairo_image_surface_get_data(surface) + y * cairo_image_surface_get_stride(surface);
            const std::uint32_t p = reinterpret_cast<const std::uint32_t*>(row)[x];
            frame.pixels[static_cast<std::size_t>(y) * frame.width + x] = has_alpha ? p : (p | 0xff000000u);
        }
    cairo_surface_destroy(surface);
    return frame;
}

// What Cairo's own PNG writer makes of the frame.
std::string cairo_png_bytes(const Frame& frame) {
    cairo_surface_t* surface = cairo_image_surface_create_for_data(
        const_cast<unsigned char*>(frame.bytes()), CAIRO_FORMAT_ARGB32, frame.width, frame.height, frame.stride_bytes());
    std::string bytes;
    const auto append = [](void* closure, const unsigned char* data, unsigned int length) {
        static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
        return CAIRO_STATUS_SUCCESS;
    };
    REQUIRE(cairo_surface_write_to_png_stream(surface, append, &bytes) == CAIRO_STATUS_SUCCESS);
    cairo_surface_destroy(surface);
    return bytes;
}

}  // namespace

TEST_CASE("a fast PNG of an opaque frame holds its pixels exactly, across many stored blocks", "[png]") {
    const Frame frame = test_frame(7, 640, 360);  // 691 KB of scanlines: eleven stored blocks
    const std::string png = fast_png_bytes(frame);
    CHECK(png.substr(0, 8) == "\x89PNG\r\n\x1a\n");
    CHECK(decoded(png).pixels == frame.pixels);
    CHECK(decoded(png).pixels == decoded(cairo_png_bytes(frame)).pixels);
}

TEST_CASE("a fast PNG of a translucent frame keeps its alpha", "[png]") {
    Frame frame(5, 3);
    for (std::size_t i = 0; i < frame.pixels.size(); ++i) frame.pixels[i] = i % 2 ? 0x80402010u : 0x00000000u;
    frame.pixels[0] = 0xff336699u;
    CHECK(decoded(fast_png_bytes(frame)).pixels == frame.pixels);
}

TEST_CASE("a fast PNG of a single pixel is a valid PNG", "[png]") {
    Frame frame(1, 1);
    frame.pixels[0] = 0xff0f172au;
    CHECK(decoded(fast_png_bytes(frame)).pixels == frame.pixels);
}

TEST_CASE("a compact PNG holds the frame's pixels exactly, opaque or translucent, as Cairo's writer does", "[png]") {
    const Frame opaque = test_frame(3, 641, 359);  // odd sizes: no row lines up with anything
    CHECK(decoded(compact_png_bytes(opaque)).pixels == opaque.pixels);
    CHECK(decoded(compact_png_bytes(opaque)).pixels == decoded(cairo_png_bytes(opaque)).pixels);
    Frame translucent(7, 5);
    for (std::size_t i = 0; i < translucent.pixels.size(); ++i)
        translucent.pixels[i] = i % 3 ? 0x80402010u : (i % 2 ? 0x00000000u : 0xff336699u);
    CHECK(decoded(compact_png_bytes(translucent)).pixels == decoded(cairo_png_bytes(translucent)).pixels);
    Frame one(1, 1);
    one.pixels[0] = 0xff0f172au;
    CHECK(decoded(compact_png_bytes(one)).pixels == one.pixels);
}

TEST_CASE("a compact PNG of a rendered frame is no bigger than Cairo's", "[png]") {
    // Flat colour with antialiased edges, as frames are: a filled disc on a dark background.
    Frame frame(1280, 720);
    cairo_surface_t* surface = cairo_image_surface_create_for_data(frame.bytes(), CAIRO_FORMAT_ARGB32, frame.width,
                                                                   frame.height, frame.stride_bytes());
    cairo_t* cr = cairo_create(surface);
    cairo_set_source_rgb(cr, 0.06, 0.09, 0.16);
    cairo_paint(cr);
    cairo_set_source_rgb(cr, 0.2, 0.6, 0.9);
    cairo_arc(cr, 640, 360, 200, 0, 6.2832);
    cairo_fill(cr);
    cairo_destroy(cr);
    cairo_surface_destroy(surface);
    const std::string compact = compact_png_bytes(frame);
    CHECK(decoded(compact).pixels == frame.pixels);
    CHECK(compact.size() <= cairo_png_bytes(frame).size());
}
