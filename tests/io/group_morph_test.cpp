// transform between groups: each leaf morphs into its partner with its own style.
#include "loader_test_support.hpp"

using namespace attnreel;
using namespace attnreel::testing;

namespace {

const Segment& morph_of(const Scene& s, const std::string& id) {
    for (const Segment& seg : s.tracks[*s.objects.find(id)].segments)
        if (seg.kind == SegmentKind::Morph) return seg;
    FAIL("no morph on " << id);
    throw std::logic_error("unreachable");
}


}  // namespace

TEST_CASE("a transform of two groups interpolates each leaf's own style", "[loader][transform]") {
    const Scene s = compiled("objects:\n"
                             "  - {id: a1, circle: , color: red, stroke_width: 2}\n"
                             "  - {id: a2, circle: , color: blue, stroke_width: 8, move_to: [3, 0]}\n"
                             "  - {id: a, group: [a1, a2]}\n"
                             "  - {id: b1, rectangle: , color: green, stroke_width: 12, stroke_opacity: 0.5}\n"
                             "  - {id: b2, rectangle: , color: yellow, stroke_width: 1, move_to: [3, 0]}\n"
                             "  - {id: b, group: [b1, b2]}\n"
                             "timeline:\n  - add: a\n  - play: {transform: a, to: b}\n");
    const Segment& first = morph_of(s, "a1");
    const Segment& second = morph_of(s, "a2");
    CHECK(first.from.style.stroke == *parse_color("red"));
    CHECK(first.to.style.stroke == *parse_color("green"));
    CHECK(first.to.style.stroke_width == 12);
    CHECK(first.to.style.stroke_opacity == 0.5);
    CHECK(second.from.style.stroke_width == 8);
    CHECK(second.to.style.stroke == *parse_color("yellow"));
    CHECK(second.to.style.stroke_width == 1);
    // Halfway, each is between its own two styles.
    CHECK(interpolate(first.from, first.to, 0.5).style.stroke_width == 7);
    CHECK(interpolate(second.from, second.to, 0.5).style.stroke_width == 4.5);
}

TEST_CASE("a transform into more leaves grows the extra ones out of their sources", "[loader][transform]") {
    const Scene s = compiled("objects:\n"
                             "  - {id: a1, circle: , color: red}\n"
                             "  - {id: b1, rectangle: , color: green}\n"
                             "  - {id: b2, rectangle: , color: blue, move_to: [2, 0]}\n"
                             "  - {id: b3, dot: , color: yellow, move_to: [4, 0]}\n"
                             "  - {id: b, group: [b1, b2, b3]}\n"
                             "timeline:\n  - add: a1\n  - play: {transform: a1, to: b}\n");
    for (const char* id : {"b1", "b2", "b3"}) {
        const Segment& m = morph_of(s, id);
        INFO(id);
        CHECK(m.from.style.stroke == *parse_color("red"));
        CHECK(m.to.visible);
    }
    CHECK(morph_of(s, "b3").to.style.fill == *parse_color("yellow"));
    CHECK(morph_of(s, "b2").to.style.stroke == *parse_color("blue"));
    // The source hides as the copies leave it.
    const auto& source = s.tracks[*s.objects.find("a1")].segments;
    CHECK_FALSE(source.back().to.visible);
}
