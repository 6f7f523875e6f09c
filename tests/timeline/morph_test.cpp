#include "timeline/morph.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>

using namespace attnreel;
using Catch::Detail::Approx;

namespace {

// Largest distance of the path's points from the square [-h, h]^2's outline.
double off_square(const Path& p, double h) {
    double worst = 0;
    for (const auto& q : p.points()) worst = std::max(worst, std::abs(std::max(std::abs(q.x()), std::abs(q.y())) - h));
    return worst;
}

double off_circle(const Path& p, const Vec2& center, double r) {
    double worst = 0;
    for (const auto& q : p.points()) worst = std::max(worst, std::abs((q - center).norm() - r));
    return worst;
}

}  // namespace

TEST_CASE("a morph starts as the source shape and ends as the target", "[morph]") {
    const Morph m = Morph::between({rectangle_path({0, 0}, 2, 2)}, {circle_path({0, 0}, 1.5)});
    REQUIRE(m.pairs.size() == 1);
    CHECK(m.pairs[0].from.size() == m.pairs[0].to.size());
    CHECK(off_square(m.at(0), 1) < 1e-9);
    CHECK(off_circle(m.at(1), {0, 0}, 1.5) < 5e-3);  // shapes are flattened to 0.004 units
    // Halfway, every point is halfway between its square and circle positions: inside
    // the square, outside the smaller of the two in radius.
    const Path mid = m.at(0.5);
    for (const auto& q : mid.points()) {
        CHECK(std::max(std::abs(q.x()), std::abs(q.y())) <= 1.5 + 1e-9);
        CHECK(q.norm() >= 1.0 - 1e-9);
    }
    CHECK(mid.verbs().back() == Verb::Close);
}

TEST_CASE("a closed target starts near the source's first point, so the morph does not twist", "[morph]") {
    // The square starts at its top-left corner; the circle at its rightmost point.
    const Morph m = Morph::between({rectangle_path({0, 0}, 2, 2)}, {circle_path({0, 0}, 1)});
    const Vec2 first = m.at(1).points().front();
    CHECK((first - Vec2(-std::sqrt(0.5), std::sqrt(0.5))).norm() < 0.05);
}

TEST_CASE("loops drawn in opposite directions morph without passing through each other", "[morph]") {
    // rectangle_path runs clockwise; the same square traced counter-clockwise is the same
    // shape, so every in-between frame must be that square too.
    const Path clockwise = rectangle_path({0, 0}, 2, 2);
    const Path counter = polyline_path({{-1, 1}, {-1, -1}, {1, -1}, {1, 1}}, true);
    const Morph m = Morph::between({clockwise}, {counter});
    CHECK(off_square(m.at(0.5), 1) < 0.05);
}

TEST_CASE("open lines morph point by point and stay open", "[morph]") {
    Path a, b;
    a.move_to({0, 0});
    a.line_to({1, 0});
    b.move_to({0, 1});
    b.line_to({1, 1});
    const Morph m = Morph::between({a}, {b});
    const Path mid = m.at(0.5);
    CHECK(mid.verbs().back() != Verb::Close);
    for (const auto& q : mid.points()) CHECK(q.y() == Approx(0.5));
    CHECK((mid.points().front() - Vec2(0, 0.5)).norm() < 1e-9);
    CHECK((mid.points().back() - Vec2(1, 0.5)).norm() < 1e-9);
}

TEST_CASE("a part without a partner shrinks to the other shape's centre", "[morph]") {
    const Morph m = Morph::between({rectangle_path({-2, 0}, 1, 1), rectangle_path({2, 0}, 1, 1)},
                                   {circle_path({0, 3}, 1)});
    REQUIRE(m.pairs.size() == 2);
    for (const auto& q : m.pairs[1].to) CHECK((q - Vec2(0, 3)).norm() < 1e-9);
    // And one that appears grows from the source's centre.
    const Morph grow = Morph::between({circle_path({0, 3}, 1)},
                                      {rectangle_path({-2, 0}, 1, 1), rectangle_path({2, 0}, 1, 1)});
    REQUIRE(grow.pairs.size() == 2);
    for (const auto& q : grow.pairs[1].from) CHECK((q - Vec2(0, 3)).norm() < 1e-9);
}

TEST_CASE("a shape morphing into a far-off copy of itself glides without changing shape", "[morph]") {
    // An asymmetric loop, so a twisted correspondence would show.
    const Path shape = polyline_path({{0, 0}, {1, 0}, {1, 0.2}, {0.2, 0.2}, {0.2, 1}, {0, 1}}, true);
    const Vec2 far(5, -3);
    const Morph m = Morph::between({shape}, {shape.transformed(Similarity::translation(far))});
    const Path half = m.at(0.5);
    const Path expected = Morph::between({shape}, {shape}).at(0).transformed(Similarity::translation(far / 2));
    REQUIRE(half.points().size() == expected.points().size());
    double worst = 0;
    for (std::size_t i = 0; i < half.points().size(); ++i)
        worst = std::max(worst, (half.points()[i] - expected.points()[i]).norm());
    CHECK(worst < 1e-9);
}
