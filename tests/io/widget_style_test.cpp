// Widget styles written in the scene: token_row colours and label face, arrow label size and face.
#include "loader_test_support.hpp"

using namespace attnreel;
using namespace attnreel::testing;
using Catch::Detail::Approx;

namespace {

const Object& object(const Scene& scene, const std::string& id) { return scene.objects[*scene.objects.find(id)]; }

std::string row_scene(const std::string& row_keys, const std::string& arrow_keys = "") {
    return "objects:\n"
           "  - id: row\n"
           "    token_row: {tokens: [mm, cd], highlight: 1" + row_keys + "}\n"
           "  - id: arrows\n"
           "    attention_arrows: {row: row, source: 0, weights: [0.25, 0.75]" + arrow_keys + "}\n"
           "timeline: []\n";
}

}  // namespace

TEST_CASE("token_row colours come from the scene", "[loader][widgets]") {
    const Scene scene = compiled(row_scene(", box_fill: '#102030', box_stroke: '#405060', "
                                           "highlight_color: '#ff0000', label_color: '#00ff00'"));
    CHECK(object(scene, "row[0].box").style.fill == *parse_color("#102030"));
    CHECK(object(scene, "row[0].box").style.stroke == *parse_color("#405060"));
    CHECK(object(scene, "row[0].label").style.fill == *parse_color("#00ff00"));
    CHECK(object(scene, "row[1].box").style.stroke == *parse_color("#ff0000"));
    CHECK(object(scene, "row[1].label").style.fill == *parse_color("#ff0000"));
}

TEST_CASE("token_row labels take the face the scene names", "[loader][widgets]") {
    const double sans = leaf_bounds(object(compiled(row_scene("")), "row[0].label")).width();
    const double mono = leaf_bounds(object(compiled(row_scene(", font: mono")), "row[0].label")).width();
    // "mm" is far narrower in JetBrains Mono, whose m fits one fixed cell, than in Inter.
    CHECK(mono < 0.8 * sans);
    CHECK_THROWS_AS(compiled(row_scene(", font: snas")), InputError);
}

TEST_CASE("arrow labels take the size and face the scene names", "[loader][widgets]") {
    const Scene normal = compiled(row_scene(""));
    const Scene large = compiled(row_scene("", ", label_font_size: 56, label_font: sans"));
    const double h28 = leaf_bounds(object(normal, "arrows.labels[1].text")).height();
    const double h56 = leaf_bounds(object(large, "arrows.labels[1].text")).height();
    // The digits "0.75": twice the size, twice the ink height (JetBrains Mono and Inter
    // digits differ a little in height, so within 10 %).
    CHECK(h56 == Approx(2 * h28).epsilon(0.1));
}
