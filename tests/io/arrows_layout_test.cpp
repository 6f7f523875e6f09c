// Layout on an attention_arrows entry: its weight labels go where its arrows go.
#include "loader_test_support.hpp"

using namespace attnreel;
using namespace attnreel::testing;
using Catch::Detail::Approx;

namespace {

std::string arrows_scene(const std::string& layout) {
    return "objects:\n"
           "  - id: row\n"
           "    token_row: {tokens: [a, b, c]}\n"
           "  - id: arrows\n"
           "    attention_arrows: {row: row, source: 0, weights: [0.2, 0.5, 0.3]}\n" +
           layout + "timeline: []\n";
}

BBox bounds_of(const Scene& scene, const std::string& id) { return scene.objects.bounds(*scene.objects.find(id)); }

}  // namespace

TEST_CASE("layout on attention arrows moves and scales their labels with them", "[loader][widgets]") {
    const Scene still = compiled(arrows_scene(""));
    const Scene moved = compiled(arrows_scene("    shift: [1, 2]\n    scale: 2\n"));
    const BBox arrows_before = bounds_of(still, "arrows"), arrows_after = bounds_of(moved, "arrows");
    const BBox labels_before = bounds_of(still, "arrows.labels"), labels_after = bounds_of(moved, "arrows.labels");
    REQUIRE(arrows_after.width() == Approx(2 * arrows_before.width()));
    // Each label keeps its place relative to the arrows: the same map takes both.
    const double k = arrows_after.width() / arrows_before.width();
    const Vec2 offset = arrows_after.min - k * arrows_before.min;
    CHECK(labels_after.min.x() == Approx(k * labels_before.min.x() + offset.x()));
    CHECK(labels_after.min.y() == Approx(k * labels_before.min.y() + offset.y()));
    CHECK(labels_after.width() == Approx(k * labels_before.width()));
    // The row was not moved.
    CHECK(bounds_of(moved, "row").center().x() == Approx(bounds_of(still, "row").center().x()));
}
