// Golden frames: the example scene rendered at fixed times must match the stored images.
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

using namespace attnreel;

namespace {

constexpr int kWidth = 960, kHeight = 540;
constexpr int kChannelTolerance = 4;
constexpr double kMaxDifferingFraction = 0.001;

const std::string kSource = ATTNREEL_SOURCE_DIR;

void save_png(const Frame& frame, const std::string& path) {
    Frame copy = frame;
    cairo_surface_t* s = cairo_image_surface_create_for_data(copy.bytes(), CAIRO_FORMAT_ARGB32, copy.width,
                                                             copy.height, copy.stride_bytes());
    REQUIRE(cairo_surface_write_to_png(s, path.c_str()) == CAIRO_STATUS_SUCCESS);
    cairo_surface_destroy(s);
}

Frame load_png(const std::string& path) {
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

int channel_difference(std::uint32_t a, std::uint32_t b) {
    int worst = 0;
    for (int shift = 0; shift < 32; shift += 8)
        worst = std::max(worst, std::abs(int((a >> shift) & 0xff) - int((b >> shift) & 0xff)));
    return worst;
}

void check_golden(const Scene& scene, double t, const std::string& name) {
    Frame actual;
    Rasterizer rasterizer;
    rasterizer.render(frame_at(scene, t), kWidth, kHeight, actual);
    const std::string golden_path = kSource + "/tests/golden/" + name + ".png";
    if (std::getenv("ATTNREEL_UPDATE_GOLDEN")) {
        save_png(actual, golden_path);
        WARN("updated " << golden_path);
        return;
    }
    REQUIRE(std::filesystem::exists(golden_path));
    const Frame golden = load_png(golden_path);
    REQUIRE(golden.width == actual.width);
    REQUIRE(golden.height == actual.height);
    Frame diff(kWidth, kHeight);
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
double morph_midpoint(const Scene& scene, int nth) {
    for (const auto& step : scene.steps)
        if (step.description.find("transform(") != std::string::npos && nth-- == 0)
            return (step.start + step.end) / 2;
    FAIL("the scene has too few transform steps");
    return 0;
}

}  // namespace

TEST_CASE("the arrows example matches its golden frames", "[golden]") {
    text::FontLibrary fonts;
    const Scene scene = compile_scene(load_scene_file(kSource + "/examples/self_attention_arrows.yaml"), fonts);
    SECTION("while the title is written") { check_golden(scene, 0.6, "self_attention_arrows_0.6s"); }
    SECTION("while the arrows grow") { check_golden(scene, 3.3, "self_attention_arrows_3.3s"); }
    SECTION("the final frame") { check_golden(scene, scene.duration, "self_attention_arrows_end"); }
}

TEST_CASE("typeset formulas match their golden frame", "[golden][math]") {
    text::FontLibrary fonts;
    const Scene scene = compile_scene(load_scene_file(kSource + "/tests/golden/formula_sheet.yaml"), fonts);
    check_golden(scene, 0, "formula_sheet");
}

TEST_CASE("the constructs of ML notation match their golden frame", "[golden][math]") {
    text::FontLibrary fonts;
    const Scene scene = compile_scene(load_scene_file(kSource + "/tests/golden/ml_formula_sheet.yaml"), fonts);
    check_golden(scene, 0, "ml_formula_sheet");
}

TEST_CASE("the ML notation example matches its golden frames", "[golden][math]") {
    text::FontLibrary fonts;
    const Scene scene = compile_scene(load_scene_file(kSource + "/examples/ml_notation.yaml"), fonts);
    SECTION("halfway through swapping q and k") { check_golden(scene, morph_midpoint(scene, 0), "ml_notation_morph"); }
    SECTION("the final frame") { check_golden(scene, scene.duration, "ml_notation_end"); }
}

TEST_CASE("the formulas example matches its golden frames", "[golden][math]") {
    text::FontLibrary fonts;
    const Scene scene = compile_scene(load_scene_file(kSource + "/examples/formulas.yaml"), fonts);
    SECTION("while the formula is written") { check_golden(scene, 2.0, "formulas_writing"); }
    SECTION("halfway through a formula morph") { check_golden(scene, morph_midpoint(scene, 1), "formulas_morph"); }
    SECTION("the final frame") { check_golden(scene, scene.duration, "formulas_end"); }
}

namespace {

// A fraction of the way through the first step whose description contains `what`.
double during(const Scene& scene, const std::string& what, double fraction) {
    for (const auto& step : scene.steps)
        if (step.description.find(what) != std::string::npos)
            return step.start + fraction * (step.end - step.start);
    FAIL("no step plays " << what);
    return 0;
}

}  // namespace

TEST_CASE("the attention graph example matches its golden frames", "[golden][graph]") {
    text::FontLibrary fonts;
    const Scene scene = compile_scene(load_scene_file(kSource + "/examples/attention_graph.yaml"), fonts);
    SECTION("while the lines come in, one source at a time") {
        check_golden(scene, during(scene, "create(g0)", 0.62), "attention_graph_lines");
    }
    SECTION("halfway through a head switch") { check_golden(scene, morph_midpoint(scene, 1), "attention_graph_morph"); }
    SECTION("one source selected") { check_golden(scene, during(scene, "select(g0)", 1.0), "attention_graph_select"); }
}

TEST_CASE("the token flow example matches its golden frames", "[golden][flow]") {
    text::FontLibrary fonts;
    const Scene scene = compile_scene(load_scene_file(kSource + "/examples/token_flow.yaml"), fonts);
    SECTION("the query meeting the keys") { check_golden(scene, during(scene, "flow(graph.lines)", 0.5), "token_flow_keys"); }
    SECTION("values flowing back by weight") {
        double t = 0;
        int seen = 0;
        for (const auto& step : scene.steps)
            if (step.description.find("flow(graph.lines)") != std::string::npos && seen++ == 1)
                t = (step.start + step.end) / 2;
        REQUIRE(seen == 2);
        check_golden(scene, t, "token_flow_values");
    }
}

TEST_CASE("the attention network example matches its golden frames", "[golden][network]") {
    text::FontLibrary fonts;
    const Scene scene = compile_scene(load_scene_file(kSource + "/examples/attention_network.yaml"), fonts);
    SECTION("nodes appearing") { check_golden(scene, during(scene, "create(net)", 0.5), "attention_network_nodes"); }
    SECTION("one token selected, particles flowing") {
        check_golden(scene, during(scene, "flow(net.edges)", 0.5), "attention_network_flow");
    }
}
