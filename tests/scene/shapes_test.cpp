#include "scene/shapes.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <numbers>

using namespace attnreel;
using Catch::Detail::Approx;

namespace {

constexpr double pi = std::numbers::pi;

bool near(const Vec2& a, const Vec2& b, double tolerance = 1e-9) { return (a - b).norm() <= tolerance; }

// Largest distance of the flattened path from the circle (center, radius).
double off_circle(const Path& p, const Vec2& center, double radius) {
    double worst = 0;
    for (const auto& poly : p.flatten(0.0005))
        for (const auto& q : poly.points) worst = std::max(worst, std::abs((q - center).norm() - radius));
    return worst;
}

}  // namespace

TEST_CASE("arc_between with no bend is the straight line", "[shapes]") {
    const Path p = arc_between({0, 0}, {3, 4}, 0);
    CHECK(p.length() == Approx(5));
    CHECK(near(p.points().back(), {3, 4}));
}

TEST_CASE("a half-turn arc is a semicircle bulging to the left of travel", "[shapes]") {
    const Path p = arc_between({-1, 0}, {1, 0}, pi);  // travelling +x: left is +y
    CHECK(near(p.points().front(), {-1, 0}));
    CHECK(near(p.points().back(), {1, 0}));
    CHECK(p.length() == Approx(pi).epsilon(1e-3));
    CHECK(near(p.point_at(0.5), {0, 1}, 2e-3));
    CHECK(off_circle(p, {0, 0}, 1) < 1e-3);
}

TEST_CASE("a negative bend bulges to the right", "[shapes]") {
    // Quarter turn over a chord of 2: radius sqrt(2), centre (0, 1) on the left, arc
    // length sqrt(2) * pi / 2, lowest point (0, 1 - sqrt(2)).
    const double r = std::sqrt(2.0);
    const Path p = arc_between({-1, 0}, {1, 0}, -pi / 2);
    CHECK(p.length() == Approx(r * pi / 2).epsilon(1e-3));
    CHECK(near(p.point_at(0.5), {0, 1 - r}, 2e-3));
    CHECK(off_circle(p, {0, 1}, r) < 1e-3);
}

TEST_CASE("an arc of more than half a turn goes the long way round", "[shapes]") {
    // Three quarters of a turn over a chord of 2: radius sqrt(2), centre (0, 1), top (0, 1 + sqrt(2)).
    const double r = std::sqrt(2.0);
    const Path p = arc_between({-1, 0}, {1, 0}, 1.5 * pi);
    CHECK(near(p.points().back(), {1, 0}));
    CHECK(p.length() == Approx(r * 1.5 * pi).epsilon(1e-3));
    CHECK(near(p.point_at(0.5), {0, 1 + r}, 2e-3));
    CHECK(off_circle(p, {0, 1}, r) < 1e-3);
    // Each cubic covers at most a quarter turn.
    CHECK(std::count(p.verbs().begin(), p.verbs().end(), Verb::Cubic) == 3);
}

TEST_CASE("smooth_through passes through every point", "[shapes]") {
    const std::vector<Vec2> pts = {{0, 0}, {1, 2}, {3, -1}, {4, 1}};
    const Path open = smooth_through(pts, false);
    CHECK(std::count(open.verbs().begin(), open.verbs().end(), Verb::Cubic) == 3);
    // Segment ends are points 1, 2, 3 (every third stored point after the first).
    for (std::size_t k = 0; k < pts.size(); ++k) CHECK(near(open.points()[3 * k], pts[k]));
    const Path closed = smooth_through(pts, true);
    CHECK(std::count(closed.verbs().begin(), closed.verbs().end(), Verb::Cubic) == 4);
    CHECK(closed.verbs().back() == Verb::Close);
    CHECK(near(closed.points().back(), pts[0]));
}

TEST_CASE("smooth_through evenly spaced points on a line stays on the line", "[shapes]") {
    const Path p = smooth_through({{0, 0}, {1, 0}, {2, 0}, {3, 0}}, false);
    CHECK(p.length() == Approx(3));
    for (const auto& q : p.points()) CHECK(q.y() == 0);
    CHECK(smooth_through({}, false).empty());
}

TEST_CASE("bezier_chain reads p0 c1 c2 p1 c1 c2 p2", "[shapes]") {
    const std::vector<Vec2> pts = {{0, 0}, {1, 1}, {2, 1}, {3, 0}, {4, -1}, {5, -1}, {6, 0}};
    const Path p = bezier_chain(pts, false);
    CHECK(p.verbs() == std::vector<Verb>{Verb::Move, Verb::Cubic, Verb::Cubic});
    CHECK(p.points() == pts);
    CHECK(bezier_chain(pts, true).verbs().back() == Verb::Close);
    // A cubic whose control points are evenly spaced on a line is that straight line.
    CHECK(bezier_chain({{0, 0}, {1, 0}, {2, 0}, {3, 0}}, false).length() == Approx(3));
}

TEST_CASE("arrow_tip is the triangle behind its apex", "[shapes]") {
    const Path tip = arrow_tip({2, 0}, {3, 0}, 0.5, 0.4);  // direction need not be a unit vector
    REQUIRE(tip.points().size() == 3);
    CHECK(near(tip.points()[0], {2, 0}));
    CHECK(near(tip.points()[1], {1.5, 0.2}));
    CHECK(near(tip.points()[2], {1.5, -0.2}));
    CHECK(tip.verbs().back() == Verb::Close);
    // Pointing down: base above the apex.
    const BBox down = arrow_tip({0, 0}, {0, -1}, 0.5, 0.4).bounds();
    CHECK(down.min.y() == Approx(0).margin(1e-12));
    CHECK(down.max.y() == Approx(0.5));
    CHECK(down.width() == Approx(0.4));
    // No direction at all still makes a tip (pointing along +x) rather than NaNs.
    const Path fallback = arrow_tip({0, 0}, {0, 0}, 0.5, 0.4);
    CHECK(near(fallback.points()[1], {-0.5, 0.2}));
}
