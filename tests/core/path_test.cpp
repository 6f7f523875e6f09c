#include "core/path.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <numbers>

using namespace attnreel;
using Catch::Detail::Approx;

namespace {

constexpr double pi = std::numbers::pi;

Path line(const Vec2& a, const Vec2& b) {
    Path p;
    p.move_to(a);
    p.line_to(b);
    return p;
}

// An S-shaped cubic: a curve whose speed varies along its parameter.
Path s_curve() {
    Path p;
    p.move_to({0, 0});
    p.cubic_to({3, 0}, {-1, 2}, {2, 2});
    return p;
}

bool near(const Vec2& a, const Vec2& b, double tolerance = 1e-9) { return (a - b).norm() <= tolerance; }

}  // namespace

TEST_CASE("a line's length is the distance between its ends", "[path]") {
    CHECK(line({0, 0}, {3, 4}).length() == Approx(5.0));
    CHECK(line({-1, 2}, {-1, -3}).length() == Approx(5.0));
}

TEST_CASE("a rectangle's length is its perimeter", "[path]") {
    CHECK(rectangle_path({1, 2}, 4, 2).length() == Approx(12.0));
}

TEST_CASE("a rounded rectangle loses 8r of straight edge and gains a circle of radius r", "[path]") {
    const double w = 4, h = 2, r = 0.5;
    const double expected = 2 * (w + h) - 8 * r + 2 * pi * r;
    CHECK(rectangle_path({0, 0}, w, h, r).length() == Approx(expected).epsilon(1e-3));
}

TEST_CASE("a circle's length is its circumference within 0.1 %", "[path]") {
    for (double r : {0.5, 1.0, 3.0, 20.0}) {
        INFO(r);
        CHECK(circle_path({1, -1}, r).length() == Approx(2 * pi * r).epsilon(1e-3));
    }
}

TEST_CASE("a small circle's length is right to well under a pixel", "[path]") {
    // Curves are measured to an absolute tolerance (0.0005 units, 1/15 px at 1080p), so a
    // dot-sized circle is off by a little more than 0.1 % but far less than a pixel.
    for (double r : {0.05, 0.1}) {
        INFO(r);
        CHECK(circle_path({0, 0}, r).length() == Approx(2 * pi * r).margin(1e-3));
    }
}

TEST_CASE("a quadratic is stored as the same curve", "[path]") {
    // B(t) = (2t, 4t(1-t)): apex (1, 1) at t = 1/2; arc length
    // (1/4) * integral_0^4 sqrt(4 + u^2) du = (2 sqrt(20) + 2 ln(4 + sqrt(20)) - 2 ln 2) / 4.
    Path p;
    p.move_to({0, 0});
    p.quad_to({1, 2}, {2, 0});
    const double s20 = std::sqrt(20.0);
    const double expected = (2 * s20 + 2 * std::log(4 + s20) - 2 * std::log(2.0)) / 4;
    CHECK(p.length() == Approx(expected).epsilon(1e-4));
    CHECK(p.bounds().max.y() == Approx(1.0).margin(5e-3));  // bounds are measured on a 0.005 flattening
    CHECK(near(p.point_at(0.5), {1, 1}, 1e-3));  // symmetric curve: half the length is the apex
}

TEST_CASE("partial(0.5) of a line ends at its midpoint", "[path]") {
    const Path half = line({0, 0}, {3, 4}).partial(0.5);
    REQUIRE_FALSE(half.empty());
    CHECK(near(half.points().front(), {0, 0}));
    CHECK(near(half.points().back(), {1.5, 2}));
    CHECK(half.length() == Approx(2.5));
}

TEST_CASE("partial(f) of a curve is f of its length", "[path]") {
    const Path circle = circle_path({0, 0}, 2);
    const Path curve = s_curve();
    for (double f : {0.1, 0.25, 0.37, 0.5, 0.8, 0.99}) {
        INFO(f);
        CHECK(circle.partial(f).length() == Approx(f * circle.length()).margin(1e-3 * circle.length()));
        CHECK(curve.partial(f).length() == Approx(f * curve.length()).margin(1e-3 * curve.length()));
    }
}

TEST_CASE("partial stops on the curve, where point_at says", "[path]") {
    const Path curve = s_curve();
    for (double f : {0.2, 0.5, 0.7}) {
        INFO(f);
        CHECK(near(curve.partial(f).points().back(), curve.point_at(f), 2e-3));
    }
}

TEST_CASE("partial(0) is empty and partial(1) is the whole path", "[path]") {
    const Path rect = rectangle_path({0, 0}, 2, 1);
    CHECK(rect.partial(0).empty());
    CHECK(rect.partial(-0.5).empty());
    CHECK(rect.partial(1) == rect);
    CHECK(rect.partial(1.5) == rect);
}

TEST_CASE("a partial closed shape is open until it is complete", "[path]") {
    const Path rect = rectangle_path({0, 0}, 2, 1);
    CHECK(rect.partial(0.999).verbs().back() != Verb::Close);
    // Three quarters of a 2 x 1 rectangle drawn clockwise from the top-left: top, right side,
    // half the bottom: 4.5 of 6.
    const Path three_quarters = rect.partial(0.75);
    CHECK(three_quarters.length() == Approx(4.5));
    CHECK(near(three_quarters.points().back(), {-0.5, -0.5}));
}

TEST_CASE("partial runs through subpaths in order", "[path]") {
    Path p = line({0, 0}, {1, 0});
    p.append(line({0, 1}, {3, 1}));
    REQUIRE(p.length() == Approx(4.0));
    const Path half = p.partial(0.5);  // all of the first, a third of the second
    CHECK(std::count(half.verbs().begin(), half.verbs().end(), Verb::Move) == 2);
    CHECK(half.length() == Approx(2.0));
    CHECK(near(half.points().back(), {1, 1}));
    // A fifth stays in the first subpath.
    const Path fifth = p.partial(0.2);
    CHECK(std::count(fifth.verbs().begin(), fifth.verbs().end(), Verb::Move) == 1);
    CHECK(near(fifth.points().back(), {0.8, 0}));
}

TEST_CASE("bounds of a rectangle and a circle", "[path]") {
    const BBox r = rectangle_path({1, 2}, 4, 2).bounds();
    CHECK(near(r.min, {-1, 1}));
    CHECK(near(r.max, {3, 3}));
    CHECK(r.width() == Approx(4));
    CHECK(r.height() == Approx(2));
    const BBox c = circle_path({0, 0}, 1).bounds();
    CHECK(near(c.min, {-1, -1}, 1e-6));
    CHECK(near(c.max, {1, 1}, 1e-6));
    CHECK(Path().bounds().empty());
}

TEST_CASE("transformed scales and moves every point", "[path]") {
    const Path rect = rectangle_path({1, 0}, 2, 1);
    const Path moved = rect.transformed({2.0, Vec2(1, 1)});
    const BBox b = moved.bounds();
    // x: [0, 2] -> [1, 5]; y: [-0.5, 0.5] -> [0, 2].
    CHECK(near(b.min, {1, 0}));
    CHECK(near(b.max, {5, 2}));
    CHECK(moved.length() == Approx(2 * rect.length()));
    CHECK(moved.verbs() == rect.verbs());
    CHECK(rect.transformed(Similarity{}) == rect);
}

TEST_CASE("point_at and tangent_at follow arc length", "[path]") {
    SECTION("line") {
        const Path l = line({0, 0}, {4, 0});
        CHECK(near(l.point_at(0.25), {1, 0}));
        CHECK(near(l.tangent_at(0.25), {1, 0}));
        CHECK(near(l.point_at(0), {0, 0}));
        CHECK(near(l.point_at(1), {4, 0}));
    }
    SECTION("rectangle, clockwise from the top-left") {
        const Path r = rectangle_path({0, 0}, 4, 2);  // perimeter 12
        CHECK(near(r.point_at(0), {-2, 1}));
        CHECK(near(r.point_at(2.0 / 12), {0, 1}));
        CHECK(near(r.tangent_at(2.0 / 12), {1, 0}));
        CHECK(near(r.point_at(5.0 / 12), {2, 0}));
        CHECK(near(r.tangent_at(5.0 / 12), {0, -1}));
        CHECK(near(r.point_at(8.0 / 12), {0, -1}));
        CHECK(near(r.tangent_at(8.0 / 12), {-1, 0}));
        CHECK(near(r.point_at(1), {-2, 1}));  // closing edge brings it home
        CHECK(near(r.tangent_at(11.0 / 12), {0, 1}));
    }
    SECTION("circle, counter-clockwise from the right") {
        const Path c = circle_path({0, 0}, 2);
        CHECK(near(c.point_at(0.25), {0, 2}, 2e-3));
        // The tangent is that of the flattened chord: within a few hundredths of a radian.
        CHECK(near(c.tangent_at(0.25), {-1, 0}, 0.03));
        CHECK(near(c.tangent_at(0.125), {-std::sqrt(0.5), std::sqrt(0.5)}, 0.03));
        CHECK(near(c.point_at(0.5), {-2, 0}, 2e-3));
        CHECK(c.tangent_at(0.1).norm() == Approx(1.0));
    }
}

TEST_CASE("flatten gives closed polylines without a repeated end point", "[path]") {
    const auto polys = rectangle_path({0, 0}, 2, 1).flatten();
    REQUIRE(polys.size() == 1);
    CHECK(polys[0].closed);
    CHECK(polys[0].points.size() == 4);
    const auto open = line({0, 0}, {1, 0}).flatten();
    REQUIRE(open.size() == 1);
    CHECK_FALSE(open[0].closed);
    CHECK(open[0].points.size() == 2);
}

TEST_CASE("flatten keeps curves within the tolerance", "[path]") {
    const double r = 2, tolerance = 0.01;
    for (const auto& poly : circle_path({0, 0}, r).flatten(tolerance)) {
        const auto& pts = poly.points;
        for (std::size_t k = 0; k < pts.size(); ++k) {
            // The chord's midpoint is the farthest a chord gets from the arc.
            const Vec2 mid = (pts[k] + pts[(k + 1) % pts.size()]) / 2;
            CHECK(r - mid.norm() <= tolerance + 1e-3);  // 1e-3: the cubic's own deviation from a circle
        }
    }
}

TEST_CASE("close adds one Close and append concatenates lengths", "[path]") {
    Path p = line({0, 0}, {1, 0});
    p.close();
    p.close();
    CHECK(std::count(p.verbs().begin(), p.verbs().end(), Verb::Close) == 1);
    CHECK(p.length() == Approx(2.0));  // there and back along the closing edge
    Path q;
    q.close();
    CHECK(q.empty());
    Path both = line({0, 0}, {3, 4});
    both.append(line({10, 0}, {10, 2}));
    CHECK(both.length() == Approx(7.0));
}

TEST_CASE("polyline_path joins points, closing on request", "[path]") {
    const Path open = polyline_path({{0, 0}, {1, 0}, {1, 1}}, false);
    CHECK(open.length() == Approx(2.0));
    const Path closed = polyline_path({{0, 0}, {1, 0}, {1, 1}}, true);
    CHECK(closed.length() == Approx(2.0 + std::sqrt(2.0)));
    CHECK(polyline_path({}, true).empty());
}
