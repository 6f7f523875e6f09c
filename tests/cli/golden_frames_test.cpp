// Golden frames: the example scene rendered at fixed times must match the stored images.
// The tolerance is golden_image.hpp's (every channel within 4 of 255, at most 0.1 % of
// pixels off); on failure the actual frame and a difference image go to golden-failures/
// in the build directory.
//
// After an intended change of the picture, regenerate the goldens with
//   ATTNREEL_UPDATE_GOLDEN=1 ./build/tests_cli "[golden]"
// and look at every image in tests/golden/ before committing them.
#include "golden_image.hpp"
#include "io/scene_loader.hpp"
#include "text/font_library.hpp"

using namespace attnreel;

namespace {

constexpr int kWidth = 960, kHeight = 540;

const std::string kSource = ATTNREEL_SOURCE_DIR;

void check_golden(const Scene& scene, double t, const std::string& name) {
    golden::check_frame(scene, t, kWidth, kHeight, name);
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
