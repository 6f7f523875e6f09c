// Golden frames of the chart, vector, matrix, panel and head-grid examples, two instants
// each (one mid-animation, one later), at 854×480 to keep the stored images small.
// Tolerance and regeneration: golden_image.hpp.
#include "golden_image.hpp"

using namespace attnreel;
using namespace attnreel::testing;

namespace {

constexpr int kWidth = 854, kHeight = 480;

Scene example(const std::string& name) {
    static text::FontLibrary fonts;
    return compile_scene(load_scene_file(kSource + "/examples/" + name + ".yaml"), fonts);
}

void check_golden(const Scene& scene, double t, const std::string& name) {
    attnreel::testing::check_golden(scene, t, name, kWidth, kHeight);
}

}  // namespace

TEST_CASE("the bar chart example matches its golden frames", "[golden][charts]") {
    const Scene scene = example("bar_chart");
    SECTION("bars growing from the axis") { check_golden(scene, during(scene, "create(head0)", 0.6), "bar_chart_grow"); }
    SECTION("halfway to another head's row") { check_golden(scene, morph_midpoint(scene, 0), "bar_chart_morph"); }
}

TEST_CASE("the softmax bars example matches its golden frames", "[golden][charts]") {
    const Scene scene = example("softmax_bars");
    SECTION("the exponentials growing") { check_golden(scene, during(scene, "create(sm.exp)", 0.5), "softmax_bars_exp"); }
    SECTION("the final frame") { check_golden(scene, scene.duration, "softmax_bars_end"); }
}

TEST_CASE("the analysis charts example matches its golden frames", "[golden][charts]") {
    const Scene scene = example("analysis_charts");
    SECTION("the entropy line drawn in") { check_golden(scene, during(scene, "create(entropy)", 0.5), "analysis_charts_draw"); }
    SECTION("the final frame") { check_golden(scene, scene.duration, "analysis_charts_end"); }
}

TEST_CASE("the vectors example matches its golden frames", "[golden][charts]") {
    const Scene scene = example("vectors");
    SECTION("the embedding box by box") { check_golden(scene, during(scene, "create(x.boxes)", 0.5), "vectors_embedding"); }
    SECTION("the final frame") { check_golden(scene, scene.duration, "vectors_end"); }
}

TEST_CASE("the matrix example matches its golden frames", "[golden][charts]") {
    const Scene scene = example("matrix");
    SECTION("revealed row by row") { check_golden(scene, during(scene, "create(scores)", 0.5), "matrix_reveal"); }
    SECTION("halfway from scaled scores to weights") { check_golden(scene, morph_midpoint(scene, 1), "matrix_morph"); }
}

TEST_CASE("the three panels example matches its golden frames", "[golden][charts]") {
    const Scene scene = example("three_panels");
    SECTION("the panels coming in") { check_golden(scene, during(scene, "create(panel_a)", 0.7), "three_panels_open"); }
    SECTION("the final frame") { check_golden(scene, scene.duration, "three_panels_end"); }
}

TEST_CASE("the head grid example matches its golden frames", "[golden][charts]") {
    const Scene scene = example("head_grid");
    SECTION("halfway through selecting a head") {
        check_golden(scene, during(scene, "select(heads", 0.5), "head_grid_select");
    }
    SECTION("the final frame") { check_golden(scene, scene.duration, "head_grid_end"); }
}

TEST_CASE("the layer stack example matches its golden frames", "[golden][charts]") {
    const Scene scene = example("layer_stack");
    SECTION("the thumbnails coming in") { check_golden(scene, during(scene, "create(stack)", 0.5), "layer_stack_create"); }
    SECTION("the final frame") { check_golden(scene, scene.duration, "layer_stack_end"); }
}
