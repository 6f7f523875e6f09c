#include "core/geometry.hpp"
#include "core/path.hpp"

#include <catch2/catch.hpp>

#include <numbers>

using namespace attnreel;
using Catch::Detail::Approx;

namespace {

void check_near(const Vec2& a, const Vec2& b) {
    INFO("(" << a.x() << ", " << a.y() << ") vs (" << b.x() << ", " << b.y() << ")");
    CHECK((a - b).norm() < 1e-9);
}

constexpr double kQuarter = std::numbers::pi / 2;

}  // namespace

TEST_CASE("a turn about a pivot keeps the pivot and turns counter-clockwise", "[geometry]") {
    const Similarity r = Similarity::rotation_about({1, 1}, kQuarter);
    check_near(r.apply({1, 1}), {1, 1});
    check_near(r.apply({2, 1}), {1, 2});  // right of the pivot goes above it
    // Composition and inverse agree with applying one after the other.
    const Similarity s = Similarity::scaling_about({0, 0}, 2).after(r);
    check_near(s.apply({2, 1}), {2, 4});
    check_near(s.inverse().apply(s.apply({0.3, -0.7})), {0.3, -0.7});
    // Paths turn with their control points.
    Path p;
    p.move_to({2, 1});
    p.line_to({3, 1});
    const Path turned = p.transformed(r);
    check_near(turned.points()[0], {1, 2});
    check_near(turned.points()[1], {1, 3});
}

TEST_CASE("blend_about turns about the pivot, and without a turn is the plain lerp", "[geometry]") {
    const Similarity a = Similarity::translation({1, 0});
    const Vec2 pivot(2, 0);  // where a puts the point (1, 0)
    const Similarity b = Similarity::rotation_about(pivot, 2 * kQuarter).after(a);
    for (double t : {0.0, 0.25, 0.5, 1.0}) {
        const Similarity m = blend_about(a, b, t, pivot);
        check_near(m.apply({1, 0}), pivot);  // the pivot stays put all the way
        CHECK(m.angle == Approx(2 * kQuarter * t));
    }
    // Halfway through a half turn, a point right of the pivot is above it.
    check_near(blend_about(a, b, 0.5, pivot).apply({2, 0}), {2, 1});
    // A full spin is not the identity halfway.
    const Similarity spun = Similarity::rotation_about(pivot, 4 * kQuarter).after(a);
    check_near(blend_about(a, spun, 0.5, pivot).apply({2, 0}), {1, 0});
    // No turn: exactly lerp, whatever the pivot.
    const Similarity c = Similarity::scaling_about({3, 3}, 2).after(a);
    CHECK(blend_about(a, c, 0.3, {9, -4}) == lerp(a, c, 0.3));
}
