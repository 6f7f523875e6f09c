// Emphasis that keeps the content: focus dims the rest (of the scene or of one widget),
// unfocus brings it back, surround boxes a target, indicate keeps numbers readable.
#include "loader_test_support.hpp"

using namespace attnreel;
using namespace attnreel::testing;
using Catch::Detail::Approx;

namespace {

std::string with_timeline(const std::string& objects, const std::string& steps) {
    return "objects:\n" + objects + "timeline:\n" + steps;
}

const std::string kObjects = "  - {id: hm, heatmap: {values: [[1, 2], [3, 4]]}}\n"
                             "  - {id: title, text: Scores, move_to: [0, 3]}\n";

}  // namespace

TEST_CASE("focus dims everything else, or the rest of one widget, and unfocus restores it", "[loader][focus]") {
    const Scene all = compiled(with_timeline(kObjects, "  - add: [hm, title]\n"
                                                       "  - play: {focus: \"hm[0][1]\"}\n"));
    CHECK(final_state(all, "title").opacity == Approx(0.25));
    CHECK(final_state(all, "hm[1][1].box").opacity == Approx(0.25));
    CHECK(final_state(all, "hm[0][1].box").opacity == 1);
    CHECK(final_state(all, "hm[0][1].label").opacity == 1);  // the number stays

    const Scene within = compiled(with_timeline(kObjects, "  - add: [hm, title]\n"
                                                          "  - play: {focus: \"hm[0][1]\", within: hm, dim: 0.5}\n"
                                                          "  - play: {focus: \"hm[1][0]\", within: hm, dim: 0.5}\n"
                                                          "  - play: {unfocus: ~}\n"));
    CHECK(final_state(within, "title").opacity == 1);
    const Track& moved = within.tracks[*within.objects.find("hm[0][1].box")];
    // Dimmed when the spotlight moved on, restored by unfocus.
    CHECK(moved.segments.at(1).to.opacity == Approx(0.5));
    CHECK(final_state(within, "hm[0][1].box").opacity == 1);
    CHECK(final_state(within, "hm[1][1].label").opacity == 1);
}

TEST_CASE("focus leaves alone what another animation of its step animates", "[loader][focus]") {
    const Scene s = compiled(with_timeline(kObjects, "  - add: hm\n"
                                                     "  - play: [{focus: \"hm[0][0]\"}, {fade_in: title}]\n"));
    CHECK(final_state(s, "title").opacity == 1);
    CHECK(final_state(s, "title").visible);
    CHECK(final_state(s, "hm[1][1].box").opacity == Approx(0.25));
}

TEST_CASE("surround fits a box around a cell, a row or a formula's part", "[loader][surround]") {
    const Scene s = compiled(scene_with(kObjects.substr(0, kObjects.find("  - {id: title")) +
                                        "  - {id: f, math: 'QK^\\top', colors: {K: red}, move_to: [3, 0]}\n"
                                        "  - {id: a, surround: \"hm[1][0]\"}\n"
                                        "  - {id: b, surround: {target: \"hm.row[0]\", buff: 0.2, corner_radius: 0}}\n"
                                        "  - {id: c, surround: f.K}\n"));
    const BBox cell = s.objects.bounds(*s.objects.find("hm[1][0]"));
    const BBox a = s.objects.bounds(*s.objects.find("a"));
    CHECK(a.width() == Approx(cell.width() + 0.2));
    CHECK(a.center().x() == Approx(cell.center().x()));
    const BBox row = s.objects.bounds(*s.objects.find("hm.row[0]"));
    CHECK(s.objects.bounds(*s.objects.find("b")).height() == Approx(row.height() + 0.4));
    const BBox k = s.objects.bounds(*s.objects.find("f.K"));
    CHECK(s.objects.bounds(*s.objects.find("c")).center().x() == Approx(k.center().x()));
    const Object& box = s.objects[*s.objects.find("a")];
    CHECK(box.style.stroke == *parse_color("yellow"));
    CHECK_FALSE(box.style.has_fill());
    check_exact(error_of(scene_with("  - {id: a, surround: {target: nope}}\n")), 2, 32, "unknown object 'nope'");
}

TEST_CASE("indicate on a cell or a token keeps its label readable", "[loader][indicate]") {
    const Scene s = compiled(with_timeline("  - {id: hm, heatmap: {values: [[0, 1]]}}\n"
                                           "  - {id: row, token_row: {tokens: [a, b]}}\n",
                                           "  - add: [hm, row]\n"
                                           "  - play: [{indicate: \"hm[0][0]\"}, {indicate: \"row[1]\"}]\n"));
    const auto indicate_of = [&](const std::string& id) {
        return s.tracks[*s.objects.find(id)].segments.back().indicate_color;
    };
    CHECK(indicate_of("hm[0][0].box") == *parse_color("yellow"));
    CHECK(indicate_of("hm[0][0].label") == readable_on(*parse_color("yellow")));
    CHECK(indicate_of("row[1].label") == readable_on(*parse_color("yellow")));
    CHECK(indicate_of("row[1].label") != *parse_color("yellow"));
}

TEST_CASE("indicate on a matrix cell or a vector entry keeps its number readable", "[loader][indicate]") {
    const Scene s = compiled(with_timeline("  - {id: m, matrix: {values: [[0, 1]], shade: \"#8B5CF6\"}}\n"
                                           "  - {id: v, vector: {values: [0.5, -1]}}\n",
                                           "  - add: [m, v]\n"
                                           "  - play: [{indicate: \"m[0][1]\"}, {indicate: \"v[1]\"}]\n"));
    const auto indicate_of = [&](const std::string& id) {
        return s.tracks[*s.objects.find(id)].segments.back().indicate_color;
    };
    CHECK(indicate_of("m[0][1].box") == *parse_color("yellow"));
    CHECK(indicate_of("m[0][1].value") == readable_on(*parse_color("yellow")));
    CHECK(indicate_of("v[1].value") == readable_on(*parse_color("yellow")));
    CHECK(indicate_of("v[1].value") != *parse_color("yellow"));
}

TEST_CASE("bad focus keys are errors at their place", "[loader][focus][errors]") {
    check_exact(error_of(with_timeline(kObjects, "  - add: hm\n  - play: {focus: hm, dimm: 0.2}\n")), 6, 23,
                "unknown key 'dimm' in a focus animation; did you mean 'dim'?");
    check_exact(error_of(with_timeline(kObjects, "  - add: hm\n  - play: {focus: title}\n")), 6, 12,
                "cannot focus on 'title': it is not on screen yet");
    check_exact(error_of(with_timeline(kObjects, "  - add: hm\n  - play: {focus: hm, within: hmm}\n")), 6, 31,
                "unknown object 'hmm'; did you mean 'hm'?");
}
