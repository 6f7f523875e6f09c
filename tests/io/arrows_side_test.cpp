// attention_arrows' side and arc height: arcs stay in the frame, never cross the token boxes,
// and their labels read on any pill colour.
#include "loader_test_support.hpp"

using namespace attnreel;
using namespace attnreel::testing;
using Catch::Detail::Approx;

namespace {

std::string arrows_scene(const std::string& row_layout, const std::string& options) {
    return "objects:\n"
           "  - id: row\n"
           "    token_row: {tokens: [The, cat, sat, on, the, mat], font_size: 56, buff: 0.6}\n" +
           row_layout +
           "  - id: arrows\n"
           "    attention_arrows: {row: row, source: 0, weights: [0.1, 0.3, 0.2, 0.1, 0.1, 0.2]" + options + "}\n"
           "timeline: []\n";
}

BBox bounds_of(const Scene& scene, const std::string& id) { return scene.objects.bounds(*scene.objects.find(id)); }

}  // namespace

TEST_CASE("arcs go above the row by default and below with side: below", "[loader][arrows]") {
    const Scene above = compiled(arrows_scene("", ""));
    const Scene below = compiled(arrows_scene("", ", side: below"));
    const BBox row = bounds_of(above, "row");
    CHECK(bounds_of(above, "arrows").min.y() >= row.max.y());  // nothing crosses the boxes
    CHECK(bounds_of(below, "arrows").max.y() <= row.min.y());
    CHECK(bounds_of(below, "arrows.labels").max.y() < row.min.y());
}

TEST_CASE("arc_height sets the height of the arcs", "[loader][arrows]") {
    const Scene low = compiled(arrows_scene("", ", arc_height: 0.3"));
    const Scene high = compiled(arrows_scene("", ", arc_height: 0.6"));
    const double row_top = bounds_of(low, "row").max.y();
    const double lift_low = bounds_of(low, "arrows[1]").max.y() - row_top;
    const double lift_high = bounds_of(high, "arrows[1]").max.y() - row_top;
    CHECK(lift_low == Approx(0.3 + 0.06).margin(0.05));  // the nearest arc's apex, above the gap
    CHECK(lift_high > lift_low);
}

TEST_CASE("arcs near the frame's edge are lowered or turned to stay in the frame", "[loader][arrows]") {
    // The row near the top: the arcs would leave the frame above it, so they go below.
    const Scene top = compiled(arrows_scene("    shift: [0, 3.2]\n", ""));
    CHECK(bounds_of(top, "arrows").max.y() <= bounds_of(top, "row").min.y());
    CHECK(bounds_of(top, "arrows.labels").min.y() >= -4);
    // Asked to stay above, they are lowered instead, labels and all inside the frame.
    const Scene squashed = compiled(arrows_scene("    shift: [0, 2.2]\n", ", side: above"));
    CHECK(bounds_of(squashed, "arrows").min.y() >= bounds_of(squashed, "row").max.y());
    CHECK(bounds_of(squashed, "arrows.labels").max.y() <= 4.0);
    CHECK(bounds_of(squashed, "arrows").max.y() <= 4.0);
}

TEST_CASE("arrow labels read on any pill colour", "[loader][arrows]") {
    for (const std::string background : {"\"#0f172a\"", "\"#f7dc6f\"", "white", "\"#4ecdc4\""}) {
        INFO(background);
        const Scene s = compiled(arrows_scene("", ", label_background: " + background));
        const Object& text = s.objects[*s.objects.find("arrows.labels[2].text")];
        const Object& pill = s.objects[*s.objects.find("arrows.labels[2].pill")];
        CHECK(contrast_ratio(text.style.fill, pill.style.fill) >= 4.5);
    }
}
