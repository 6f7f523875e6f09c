// rotate: on an entry (about its centre or a point), animated by set, and its errors.
#include "loader_test_support.hpp"

using namespace attnreel;
using namespace attnreel::testing;
using Catch::Detail::Approx;

namespace {

BBox bounds(const Scene& s, const std::string& id) { return s.objects.bounds(*s.objects.find(id)); }

const Segment& last_segment(const Scene& s, const std::string& id) {
    const auto& segments = s.tracks[*s.objects.find(id)].segments;
    REQUIRE_FALSE(segments.empty());
    return segments.back();
}

}  // namespace

TEST_CASE("rotate turns an object about its centre or about a point", "[loader][rotate]") {
    const Scene s = compiled(scene_with("  - {id: box, rectangle: {width: 2, height: 1}, move_to: [3, 1], rotate: 90}\n"
                                        "  - {id: d, dot: {}, move_to: [1, 0], rotate: {angle: 90, about_point: [0, 0]}}\n"
                                        "  - {id: e, dot: {}, move_to: [4, 0], rotate: {angle: -90, about_point: box}}\n"
                                        "  - {id: t, text: hello, rotate: 30}\n"));
    const BBox box = bounds(s, "box");
    CHECK(box.width() == Approx(1).margin(1e-9));
    CHECK(box.height() == Approx(2).margin(1e-9));
    CHECK(box.center().x() == Approx(3).margin(1e-9));
    CHECK(bounds(s, "d").center().x() == Approx(0).margin(1e-9));
    CHECK(bounds(s, "d").center().y() == Approx(1).margin(1e-9));
    // About another object's centre, clockwise: (4, 0) is right of (3, 1) and below it.
    CHECK(bounds(s, "e").center().x() == Approx(2).margin(1e-9));
    CHECK(bounds(s, "e").center().y() == Approx(0).margin(1e-9));
    // A turned text leans: its box is taller than a level one's.
    const Scene level = compiled(scene_with("  - {id: t, text: hello}\n"));
    CHECK(bounds(s, "t").height() > 1.5 * bounds(level, "t").height());
}

TEST_CASE("set rotates, turning about the targets' centre all the way", "[loader][rotate]") {
    const Scene s = compiled("objects:\n"
                             "  - {id: box, rectangle: {width: 2, height: 1}, move_to: [1, 1]}\n"
                             "timeline:\n"
                             "  - add: box\n"
                             "  - play: {set: box, rotate: 360, run_time: 2}\n"
                             "  - play: {set: {target: box, rotate: {angle: 90, about_point: [0, 0]}}}\n");
    const Segment& spin = s.tracks[*s.objects.find("box")].segments.at(1);
    // Halfway through a full turn the box is upside down about its own centre, which never moves.
    for (double t : {0.25, 0.5, 0.75}) {
        const ObjectState st = interpolate(spin.from, spin.to, t, spin.pivot);
        CHECK(st.transform.apply({1, 1}).x() == Approx(1).margin(1e-9));
        CHECK(st.transform.apply({1, 1}).y() == Approx(1).margin(1e-9));
    }
    const ObjectState half = interpolate(spin.from, spin.to, 0.5, spin.pivot);
    CHECK(half.transform.apply({2, 1}).x() == Approx(0).margin(1e-9));  // the right end is now on the left
    const Segment& quarter = last_segment(s, "box");
    CHECK(quarter.to.transform.apply({1, 1}).x() == Approx(-1).margin(1e-9));
    CHECK(quarter.to.transform.apply({1, 1}).y() == Approx(1).margin(1e-9));
}

TEST_CASE("bad rotations are errors at their place", "[loader][rotate][errors]") {
    check_exact(error_of(scene_with("  - {id: b, circle: , rotate: {angel: 3}}\n")), 2, 32,
                "unknown key 'angel' in rotate; did you mean 'angle'?");
    check_exact(error_of(scene_with("  - {id: b, circle: , rotate: left}\n")), 2, 31,
                "expected a number for 'rotate', found 'left'");
    check_exact(error_of(scene_with("  - {id: b, circle: , rotate: {angle: 3, about_point: nowhere}}\n")), 2, 55,
                "unknown object 'nowhere'");
    check_exact(error_of(scene_with("  - {id: b, circle: , rotat: 3}\n")), 2, 23,
                "unknown key 'rotat' in an object; did you mean 'rotate'?");
}
