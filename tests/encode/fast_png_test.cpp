// The preview's uncompressed PNGs read back, through Cairo's own PNG reader, as exactly
// the frame that was encoded, opaque or not, small or spanning many stored blocks.
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

}  // namespace

TEST_CASE("a fast PNG of an opaque frame holds its pixels exactly, across many stored blocks", "[png]") {
    const Frame frame = test_frame(7, 640, 360);  // 691 KB of scanlines: eleven stored blocks
    const std::string png = fast_png_bytes(frame);
    CHECK(png.substr(0, 8) == "\x89PNG\r\n\x1a\n");
    CHECK(decoded(png).pixels == frame.pixels);
    CHECK(decoded(png).pixels == decoded(png_bytes(frame)).pixels);  // what Cairo's own writer gives
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
