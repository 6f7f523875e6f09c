// `set` with a value per member (lists mirroring a target's members) and `fill_from` (a
// model matrix through a colour scale): many cells recoloured in one step, labels kept
// readable on their recoloured boxes, and mismatches reported at the value.
#include "loader_test_support.hpp"

#include "widgets/heatmap.hpp"

using namespace attnreel;
using namespace attnreel::testing;

namespace {

Color hex(const char* text) { return *parse_color(text); }

std::string heatmap_scene(const std::string& heatmap_keys, const std::string& step) {
    return "data:\n"
           "  tokens: [a, b, c]\n"
           "  model: {synthetic: true, layers: 2, heads: 2, seed: 4}\n"
           "objects:\n"
           "  - id: hm\n"
           "    heatmap: {matrix: \"model.layer[0].head[0]\"" + heatmap_keys + "}\n"
           "timeline:\n"
           "  - add: hm\n"
           "  - play: " + step + "\n";
}

}  // namespace

TEST_CASE("set takes a value per cell of a heatmap, and labels stay readable on their cells", "[loader][set]") {
    // The causal mask leaves the cells below the diagonal; a masked cell has no number.
    const Scene s = compiled(heatmap_scene("", "{set: {target: hm, fill: [[red, ~, ~], ['#111111', ~, ~], [~, ~, white]]}}"));
    CHECK(final_state(s, "hm[0][0].box").style.fill == hex("red"));
    CHECK(final_state(s, "hm[1][0].box").style.fill == hex("#111111"));
    CHECK(final_state(s, "hm[2][2].box").style.fill == hex("white"));
    // The numbers switch to the colour that reads best on their cell's new fill.
    CHECK(final_state(s, "hm[0][0].label").style.fill == readable_on(hex("red")));
    CHECK(final_state(s, "hm[1][0].label").style.fill == hex("#f1f5f9"));
    CHECK(final_state(s, "hm[2][2].label").style.fill == hex("#0f172a"));
    // ~ leaves a cell as it is: no segment but the add.
    CHECK(s.tracks[*s.objects.find("hm[1][1].box")].segments.size() == 1);
    CHECK(s.tracks[*s.objects.find("hm[2][0].box")].segments.size() == 1);
}

TEST_CASE("set per member on a token row and on a group, in either form", "[loader][set]") {
    const Scene s = compiled("objects:\n"
                             "  - id: row\n"
                             "    token_row: {tokens: [x, y, z]}\n"
                             "  - {id: a, circle: }\n"
                             "  - {id: b, circle: }\n"
                             "  - {id: g, group: [a, b]}\n"
                             "timeline:\n"
                             "  - add: [row, g]\n"
                             "  - play: {set: row, stroke_width: [1, 2, 3]}\n"
                             "  - play: {set: {target: g, color: [red, blue]}}\n");
    CHECK(final_state(s, "row[0].box").style.stroke_width == 1);
    CHECK(final_state(s, "row[2].box").style.stroke_width == 3);
    CHECK(final_state(s, "a").style.stroke == hex("red"));
    CHECK(final_state(s, "b").style.stroke == hex("blue"));
}

TEST_CASE("fill_from recolours every cell from a model matrix in one step", "[loader][set]") {
    const Scene s = compiled(heatmap_scene(", numbers: false", "{set: hm, fill_from: \"model.layer[1].head[1]\"}"));
    const attention::ModelValue weights = s.model->value("model.layer[1].head[1]");
    const Eigen::MatrixXd& w = weights.values;
    const attention::Mask& masked = weights.hidden;
    REQUIRE(masked.any());  // the synthetic model is causal
    // Weights on the heatmap's own scale: [0, 1], slate to sky; masked cells stay outlines.
    for (int i = 0; i < 3; ++i)
        for (int j = 0; j < 3; ++j) {
            const std::string id = "hm[" + std::to_string(i) + "][" + std::to_string(j) + "].box";
            INFO(id);
            if (masked(i, j)) CHECK_FALSE(final_state(s, id).style.has_fill());
            else CHECK(final_state(s, id).style.fill == mix_oklab(kScaleLow, kScaleHigh, w(i, j)));
        }
    // A colour map of its own.
    const Scene own = compiled(heatmap_scene(", numbers: false",
                                             "{set: hm, fill_from: {path: \"model.layer[1].head[1]\", "
                                             "low: black, high: white, blend: rgb}}"));
    CHECK(final_state(own, "hm[2][0].box").style.fill == mix_rgb(hex("black"), hex("white"), w(2, 0)));
}

TEST_CASE("bad per-member values are errors at the value", "[loader][set][errors]") {
    check_exact(error_of(heatmap_scene("", "{set: {target: hm, fill: [[red], ~, ~]}}")), 9, 37,
                "expected 3 values, one per member of 'hm[0]', found 1");
    check_exact(error_of(heatmap_scene("", "{set: {target: hm, fill: [red, red]}}")), 9, 36,
                "expected 3 values, one per member of 'hm', found 2");
    check_exact(error_of(heatmap_scene("", "{set: {target: hm, fil: [red]}}")), 9, 30,
                "unknown key 'fil' in set; did you mean 'fill'?");
    check_exact(error_of(heatmap_scene("", "{set: hm, fill_from: \"model.layer[0].head[1]\"}")), 9, 32,
                "fill_from recolours the cells but cannot change the numbers printed in them ('hm[0][0].label'): "
                "give the heatmap 'numbers: false', or transform it into a heatmap of the new matrix");
    check_exact(error_of(heatmap_scene(", numbers: false",
                                       "{set: hm, fill_from: {path: \"model.layer[1].head[0]\", mid: red}}")),
                9, 70, "'mid' is the value at the middle of a diverging scale (a number such as 0); its colour is "
                       "'mid_color'");
}
