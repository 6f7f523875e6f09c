#pragma once
// Golden frames: a scene rendered at a time is compared with an image stored in
// tests/golden/.
//
// Tolerance: a pixel matches when every channel is within 4 (of 255) of the golden one,
// and at most 0.1 % of pixels may differ by more; that absorbs anti-aliasing noise
// between Cairo/pixman builds, while a moved object, a changed colour or a missing glyph
// changes thousands of pixels. On failure the actual frame and a difference image are
// written to golden-failures/ in the build directory.
//
// After an intended change of the picture, regenerate the goldens with
//   ATTNREEL_UPDATE_GOLDEN=1 ./build/tests_cli "[golden]"
// and look at every image in tests/golden/ before committing them.
#include "io/scene_loader.hpp"
#include "render/raster.hpp"
#include "text/font_library.hpp"
#include "timeline/compile_scene.hpp"

#include <cairo.h>
#include <catch2/catch.hpp>

#include <cstdlib>
#include <cstring>
#include <filesystem>

namespace attnreel::testing {

constexpr int kChannelTolerance = 4;
constexpr double kMaxDifferingFraction = 0.001;

inline const std::string kSource = ATTNREEL_SOURCE_DIR;

inline void save_png(const Frame& frame, const std::string& path) {
    Frame copy = frame;
    cairo_surface_t* s = cairo_image_surface_create_for_data(copy.bytes(), CAIRO_FORMAT_ARGB32, copy.width,
                                                             copy.height, copy.stride_bytes());
    REQUIRE(cairo_surface_write_to_png(s, path.c_str()) == CAIRO_STATUS_SUCCESS);
    cairo_surface_destroy(s);
}

inline Frame load_png(const std::string& path) {
    cairo_surface_t* s = cairo_image_surface_create_from_png(path.c_str());
    REQUIRE(cairo_surface_status(s) == CAIRO_STATUS_SUCCESS);
    const cairo_format_t format = cairo_image_surface_get_format(s);
    REQUIRE((format == CAIRO_FORMAT_ARGB32 || format == CAIRO_FORMAT_RGB24));
    Frame f(cairo_image_surface_get_width(s), cairo_image_surface_get_height(s));
    const int stride = cairo_image_surface_get_stride(s);
    const unsigned char* data = cairo_image_surface_get_data(s);
    for (int y = 0; y < f.height; ++y)
        std::memcpy(f.bytes() + y * f.stride_bytes(), data + y * stride, f.stride_bytes());
    // Opaque PNGs load as RGB24, whose top byte is unused: make them opaque ARGB32.
    if (format == CAIRO_FORMAT_RGB24)
        for (auto& p : f.pixels) p |= 0xff000000u;
    cairo_surface_destroy(s);
    return f;
}

inline int channel_difference(std::uint32_t a, std::uint32_t b) {
    int worst = 0;
    for (int shift = 0; shift < 32; shift += 8)
        worst = std::max(worst, std::abs(int((a >> shift) & 0xff) - int((b >> shift) & 0xff)));
    return worst;
}

// Renders `scene` at `t`, `width` × `height` pixels, and compares it with tests/golden/NAME.png
// (or writes that file, with ATTNREEL_UPDATE_GOLDEN set).
inline void check_golden(const Scene& scene, double t, const std::string& name, int width, int height) {
    Frame actual;
    Rasterizer rasterizer;
    rasterizer.render(frame_at(scene, t), width, height, actual);
    const std::string golden_path = kSource + "/tests/golden/" + name + ".png";
    if (std::getenv("ATTNREEL_UPDATE_GOLDEN")) {
        save_png(actual, golden_path);
        WARN("updated " << golden_path);
        return;
    }
    INFO("no golden image " << golden_path << ": make it with ATTNREEL_UPDATE_GOLDEN=1 and look at it");
    REQUIRE(std::filesystem::exists(golden_path));
    const Frame golden = load_png(golden_path);
    REQUIRE(golden.width == actual.width);
    REQUIRE(golden.height == actual.height);
    Frame diff(width, height);
    std::size_t differing = 0;
    for (std::size_t i = 0; i < actual.pixels.size(); ++i) {
        const int d = channel_difference(actual.pixels[i], golden.pixels[i]);
        if (d > kChannelTolerance) ++differing;
        const std::uint32_t v = static_cast<std::uint32_t>(std::min(255, d * 8));
        diff.pixels[i] = 0xff000000u | (v << 16) | (v << 8) | v;
    }
    const double fraction = double(differing) / actual.pixels.size();
    if (fraction > kMaxDifferingFraction) {
        const std::string out = std::string(ATTNREEL_BUILD_DIR) + "/golden-failures/";
        std::filesystem::create_directories(out);
        save_png(actual, out + name + ".actual.png");
        save_png(diff, out + name + ".diff.png");
    }
    INFO(name << ": " << differing << " pixels differ by more than " << kChannelTolerance);
    CHECK(fraction <= kMaxDifferingFraction);
}

// Halfway through the `nth` (0-based) step that plays a transform.
inline double morph_midpoint(const Scene& scene, int nth) {
    for (const auto& step : scene.steps)
        if (step.description.find("transform(") != std::string::npos && nth-- == 0)
            return (step.start + step.end) / 2;
    FAIL("the scene has too few transform steps");
    return 0;
}


// A fraction of the way through the first step whose description contains `what`.
inline double during(const Scene& scene, const std::string& what, double fraction) {
    for (const auto& step : scene.steps)
        if (step.description.find(what) != std::string::npos)
            return step.start + fraction * (step.end - step.start);
    FAIL("no step plays " << what);
    return 0;
}

}  // namespace attnreel::testing
