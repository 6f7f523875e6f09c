// Arrow options: tip_width, buff measured along an arc, and grow_arrow as Manim's
// GrowArrow (the whole arrow scales up from its tail).
#include "loader_test_support.hpp"

#include <cmath>

using namespace attnreel;
using namespace attnreel::testing;
using Catch::Detail::Approx;

namespace {

std::string arrow_scene(const std::string& keys, const std::string& steps = "  - add: a\n") {
    return "objects:\n  - {id: a, arrow: {from: [0, 0], to: [4, 0]" + keys + "}}\ntimeline:\n" + steps;
}

}  // namespace

TEST_CASE("tip_width sets the width of the tip's base", "[loader][arrow]") {
    const Scene s = compiled(arrow_scene(", tip_length: 0.4, tip_width: 0.5"));
    const DrawList list = frame_at(s, s.duration);
    REQUIRE(list.items.size() == 2);  // the shaft, then the tip
    const BBox tip = list.items[1].path.bounds();
    CHECK(tip.height() == Approx(0.5).margin(1e-6));
    CHECK(tip.width() == Approx(0.4).margin(1e-6));
    check_exact(error_of(arrow_scene(", tip_widht: 1")), 2, 47,
                "unknown key 'tip_widht' in arrow; did you mean 'tip_width'?");
}

TEST_CASE("buff on an arc is measured along the arc, so the ends stay on it", "[loader][arrow]") {
    // A quarter-circle bend from (−2, 0) to (2, 0): the circle's centre is (0, −2), radius 2√2.
    const Scene s = compiled("objects:\n  - {id: a, arrow: {from: [-2, 0], to: [2, 0], arc: 90, buff: 0.5}}\n"
                             "timeline: []\n");
    const Path& line = s.objects[*s.objects.find("a")].parts[0];
    const Vec2 centre(0, -2);
    const double radius = 2 * std::sqrt(2.0);
    const Vec2 start = line.point_at(0), end = line.point_at(1);
    CHECK((start - centre).norm() == Approx(radius).margin(1e-9));
    CHECK((end - centre).norm() == Approx(radius).margin(1e-9));
    // 0.5 of arc from each original end: the angle it subtends is 0.5 / radius.
    const double from_start = std::acos((start - centre).normalized().dot(Vec2(-2, 2).normalized()));
    CHECK(from_start * radius == Approx(0.5).margin(1e-9));
    CHECK(line.length() == Approx(radius * std::numbers::pi / 2 - 1).margin(1e-3));
    check_exact(error_of("objects:\n  - {id: a, arrow: {from: [-2, 0], to: [2, 0], arc: 90, buff: 3}}\ntimeline: []\n"),
                2, 5, "the arrow is too short for its buff (length 4.442883)");
}

TEST_CASE("grow_arrow scales the whole arrow up from its tail, as Manim's GrowArrow", "[loader][arrow]") {
    const Scene s = compiled(arrow_scene(", tip_length: 0.4", "  - play: {grow_arrow: a, rate_func: linear}\n"));
    const DrawList half = frame_at(s, 0.5);
    REQUIRE(half.items.size() == 2);
    const BBox tip = half.items[1].path.bounds();
    CHECK(tip.max.x() == Approx(2).margin(1e-6));       // the apex halfway
    CHECK(tip.width() == Approx(0.2).margin(1e-6));      // the tip half its length too
    CHECK(half.items[0].stroke_width == Approx(frame_at(s, 1).items[0].stroke_width));  // the stroke keeps its width
    // create instead draws the line along its length, the tip at full size.
    const Scene drawn = compiled(arrow_scene(", tip_length: 0.4", "  - play: {create: a, rate_func: linear}\n"));
    CHECK(frame_at(drawn, 0.5).items[1].path.bounds().width() == Approx(0.4).margin(1e-6));
}
