#include "scene/layout.hpp"

#include <catch2/catch.hpp>

using namespace attnreel;
using Catch::Detail::Approx;

namespace {

std::size_t add_rectangle(ObjectTable& t, const std::string& id, const Vec2& center, double w, double h) {
    Object o;
    o.id = id;
    o.parts.push_back(rectangle_path(center, w, h));
    return t.add(std::move(o));
}

std::size_t add_group(ObjectTable& t, const std::string& id, std::vector<std::size_t> children) {
    Object g;
    g.id = id;
    g.shape = ObjectShape::Group;
    g.children = std::move(children);
    return t.add(std::move(g));
}

void check_box(const BBox& b, const Vec2& center, double w, double h) {
    CHECK(b.center().x() == Approx(center.x()).margin(1e-9));
    CHECK(b.center().y() == Approx(center.y()).margin(1e-9));
    CHECK(b.width() == Approx(w));
    CHECK(b.height() == Approx(h));
}

// A 2 x 1 box centred on the origin: x in [-1, 1], y in [-0.5, 0.5].
BBox target_box() {
    BBox b;
    b.add(Vec2(-1, -0.5));
    b.add(Vec2(1, 0.5));
    return b;
}

}  // namespace

TEST_CASE("the 1920 x 1080 frame is 8 units high and 64/9 units half wide", "[layout]") {
    const FrameBox f = FrameBox::for_pixels(1920, 1080);
    CHECK(f.half_height == 4.0);
    CHECK(f.half_width == Approx(64.0 / 9.0));  // 7.111...
    CHECK(FrameBox::for_pixels(1080, 1080).half_width == Approx(4.0));
    CHECK(FrameBox::for_pixels(480, 854).half_width == Approx(4.0 * 480 / 854));
}

TEST_CASE("move_center_to puts the centre on the point and keeps the size", "[layout]") {
    ObjectTable t;
    const auto r = add_rectangle(t, "r", {3, 1}, 2, 1);
    move_center_to(t, r, {-1, 2});
    check_box(t.bounds(r), {-1, 2}, 2, 1);
}

TEST_CASE("shift_by moves by the vector", "[layout]") {
    ObjectTable t;
    const auto r = add_rectangle(t, "r", {3, 1}, 2, 1);
    shift_by(t, r, {0.5, -2});
    check_box(t.bounds(r), {3.5, -1}, 2, 1);
}

TEST_CASE("scale_about_center keeps the centre", "[layout]") {
    ObjectTable t;
    const auto r = add_rectangle(t, "r", {3, 1}, 2, 1);
    scale_about_center(t, r, 3);
    check_box(t.bounds(r), {3, 1}, 6, 3);
    scale_about_center(t, r, 0.5);
    check_box(t.bounds(r), {3, 1}, 3, 1.5);
}

TEST_CASE("next_to places beside the target with the buff, centred on the other axis", "[layout]") {
    ObjectTable t;
    const auto r = add_rectangle(t, "r", {5, 5}, 1, 1);
    const double buff = 0.25;
    SECTION("right") {
        next_to(t, r, target_box(), {1, 0}, buff);
        CHECK(t.bounds(r).min.x() == Approx(1.25));
        check_box(t.bounds(r), {1.75, 0}, 1, 1);
    }
    SECTION("left") {
        next_to(t, r, target_box(), {-1, 0}, buff);
        CHECK(t.bounds(r).max.x() == Approx(-1.25));
        check_box(t.bounds(r), {-1.75, 0}, 1, 1);
    }
    SECTION("up") {
        next_to(t, r, target_box(), {0, 1}, buff);
        CHECK(t.bounds(r).min.y() == Approx(0.75));
        check_box(t.bounds(r), {0, 1.25}, 1, 1);
    }
    SECTION("down") {
        next_to(t, r, target_box(), {0, -1}, buff);
        CHECK(t.bounds(r).max.y() == Approx(-0.75));
        check_box(t.bounds(r), {0, -1.25}, 1, 1);
    }
    SECTION("diagonal: outside the target's corner") {
        next_to(t, r, target_box(), {1, 1}, buff);
        check_box(t.bounds(r), {1.75, 1.25}, 1, 1);
    }
    SECTION("zero buff touches") {
        next_to(t, r, target_box(), {1, 0}, 0);
        CHECK(t.bounds(r).min.x() == Approx(1.0));
    }
}

TEST_CASE("to_edge pushes against the frame's edge, buff inside it", "[layout]") {
    const FrameBox frame = FrameBox::for_pixels(1920, 1080);
    const double hw = 64.0 / 9.0;
    ObjectTable t;
    const auto r = add_rectangle(t, "r", {1, 1}, 2, 1);
    SECTION("up: only y changes") {
        to_edge(t, r, frame, {0, 1}, 0.5);
        CHECK(t.bounds(r).max.y() == Approx(3.5));
        check_box(t.bounds(r), {1, 3}, 2, 1);
    }
    SECTION("down") {
        to_edge(t, r, frame, {0, -1}, 0.5);
        check_box(t.bounds(r), {1, -3}, 2, 1);
    }
    SECTION("left: only x changes") {
        to_edge(t, r, frame, {-1, 0}, 0.5);
        CHECK(t.bounds(r).min.x() == Approx(-hw + 0.5));
        check_box(t.bounds(r), {-hw + 1.5, 1}, 2, 1);
    }
    SECTION("right") {
        to_edge(t, r, frame, {1, 0}, 0.25);
        CHECK(t.bounds(r).max.x() == Approx(hw - 0.25));
        check_box(t.bounds(r), {hw - 1.25, 1}, 2, 1);
    }
}

TEST_CASE("to_edge with a diagonal direction goes to the corner", "[layout]") {
    const FrameBox frame = FrameBox::for_pixels(1920, 1080);
    const double hw = 64.0 / 9.0;
    ObjectTable t;
    const auto r = add_rectangle(t, "r", {1, 1}, 2, 1);
    SECTION("up-left") {
        to_edge(t, r, frame, {-1, 1}, 0.5);
        check_box(t.bounds(r), {-hw + 1.5, 3}, 2, 1);
    }
    SECTION("down-right") {
        to_edge(t, r, frame, {1, -1}, 0.5);
        check_box(t.bounds(r), {hw - 1.5, -3}, 2, 1);
    }
}

TEST_CASE("arrange lines children up with the buff and keeps the group's centre", "[layout]") {
    ObjectTable t;
    // Scattered children of different sizes.
    const auto a = add_rectangle(t, "a", {0, 0}, 1, 1);
    const auto b = add_rectangle(t, "b", {3, 3}, 2, 0.5);
    const auto c = add_rectangle(t, "c", {-4, -2}, 0.5, 2);
    const auto g = add_group(t, "g", {a, b, c});
    const Vec2 centre = t.bounds(g).center();
    const double buff = 0.25;

    SECTION("row, centred") {
        arrange(t, g, {1, 0}, buff, "center");
        CHECK(t.bounds(b).min.x() == Approx(t.bounds(a).max.x() + buff));
        CHECK(t.bounds(c).min.x() == Approx(t.bounds(b).max.x() + buff));
        CHECK(t.bounds(b).center().y() == Approx(t.bounds(a).center().y()));
        CHECK(t.bounds(c).center().y() == Approx(t.bounds(a).center().y()));
        // Width: the children's widths plus two gaps; height: the tallest child.
        check_box(t.bounds(g), centre, 1 + 2 + 0.5 + 2 * buff, 2);
        // Sizes do not change.
        check_box(t.bounds(b), t.bounds(b).center(), 2, 0.5);
    }
    SECTION("row, tops aligned") {
        arrange(t, g, {1, 0}, buff, "top");
        CHECK(t.bounds(b).max.y() == Approx(t.bounds(a).max.y()));
        CHECK(t.bounds(c).max.y() == Approx(t.bounds(a).max.y()));
        CHECK(t.bounds(g).center().x() == Approx(centre.x()));
        CHECK(t.bounds(g).center().y() == Approx(centre.y()));
        CHECK(t.bounds(g).height() == Approx(2));
    }
    SECTION("row, bottoms aligned") {
        arrange(t, g, {1, 0}, buff, "bottom");
        CHECK(t.bounds(b).min.y() == Approx(t.bounds(a).min.y()));
        CHECK(t.bounds(c).min.y() == Approx(t.bounds(a).min.y()));
        CHECK(t.bounds(g).center().y() == Approx(centre.y()));
    }
    SECTION("row leftwards puts each child left of the previous one") {
        arrange(t, g, {-1, 0}, buff, "center");
        CHECK(t.bounds(b).max.x() == Approx(t.bounds(a).min.x() - buff));
        CHECK(t.bounds(c).max.x() == Approx(t.bounds(b).min.x() - buff));
        CHECK(t.bounds(g).center().x() == Approx(centre.x()));
    }
    SECTION("column downwards, centred") {
        arrange(t, g, {0, -1}, buff, "center");
        CHECK(t.bounds(b).max.y() == Approx(t.bounds(a).min.y() - buff));
        CHECK(t.bounds(c).max.y() == Approx(t.bounds(b).min.y() - buff));
        CHECK(t.bounds(b).center().x() == Approx(t.bounds(a).center().x()));
        CHECK(t.bounds(c).center().x() == Approx(t.bounds(a).center().x()));
        check_box(t.bounds(g), centre, 2, 1 + 0.5 + 2 + 2 * buff);
    }
    SECTION("column upwards, left edges aligned") {
        arrange(t, g, {0, 1}, buff, "left");
        CHECK(t.bounds(b).min.y() == Approx(t.bounds(a).max.y() + buff));
        CHECK(t.bounds(c).min.y() == Approx(t.bounds(b).max.y() + buff));
        CHECK(t.bounds(b).min.x() == Approx(t.bounds(a).min.x()));
        CHECK(t.bounds(c).min.x() == Approx(t.bounds(a).min.x()));
        CHECK(t.bounds(g).center().x() == Approx(centre.x()));
        CHECK(t.bounds(g).center().y() == Approx(centre.y()));
    }
    SECTION("column, right edges aligned") {
        arrange(t, g, {0, -1}, buff, "right");
        CHECK(t.bounds(b).max.x() == Approx(t.bounds(a).max.x()));
        CHECK(t.bounds(c).max.x() == Approx(t.bounds(a).max.x()));
    }
}

TEST_CASE("arrange of an empty group does nothing", "[layout]") {
    ObjectTable t;
    const auto g = add_group(t, "g", {});
    arrange(t, g, {1, 0}, 0.25, "center");
    CHECK(t.bounds(g).empty());
}

TEST_CASE("arrange moves nested groups as wholes", "[layout]") {
    ObjectTable t;
    const auto a = add_rectangle(t, "a", {0, 0}, 1, 1);
    const auto b1 = add_rectangle(t, "b1", {5, 0}, 1, 1);
    const auto b2 = add_rectangle(t, "b2", {7, 0}, 1, 1);  // inner group is 3 wide
    const auto inner = add_group(t, "inner", {b1, b2});
    const auto g = add_group(t, "g", {a, inner});
    arrange(t, g, {1, 0}, 0.5, "center");
    CHECK(t.bounds(inner).min.x() == Approx(t.bounds(a).max.x() + 0.5));
    CHECK(t.bounds(inner).width() == Approx(3));
    CHECK(t.bounds(g).width() == Approx(4.5));
}

TEST_CASE("align_to lines up the named edge with the target's", "[layout]") {
    ObjectTable t;
    const auto r = add_rectangle(t, "r", {3, 3}, 0.5, 0.5);
    SECTION("left edge; y unchanged") {
        align_to(t, r, target_box(), {-1, 0});
        CHECK(t.bounds(r).min.x() == Approx(-1));
        CHECK(t.bounds(r).center().y() == Approx(3));
    }
    SECTION("right edge") {
        align_to(t, r, target_box(), {1, 0});
        CHECK(t.bounds(r).max.x() == Approx(1));
    }
    SECTION("top edge; x unchanged") {
        align_to(t, r, target_box(), {0, 1});
        CHECK(t.bounds(r).max.y() == Approx(0.5));
        CHECK(t.bounds(r).center().x() == Approx(3));
    }
    SECTION("bottom-left corner") {
        align_to(t, r, target_box(), {-1, -1});
        CHECK(t.bounds(r).min.x() == Approx(-1));
        CHECK(t.bounds(r).min.y() == Approx(-0.5));
        CHECK(t.bounds(r).width() == Approx(0.5));
    }
}

TEST_CASE("layout helpers on a group move every leaf together", "[layout]") {
    ObjectTable t;
    const auto a = add_rectangle(t, "a", {0, 0}, 1, 1);
    const auto b = add_rectangle(t, "b", {2, 0}, 1, 1);
    const auto g = add_group(t, "g", {a, b});
    move_center_to(t, g, {0, 3});
    check_box(t.bounds(a), {-1, 3}, 1, 1);
    check_box(t.bounds(b), {1, 3}, 1, 1);
    scale_about_center(t, g, 2);
    check_box(t.bounds(a), {-2, 3}, 2, 2);
    check_box(t.bounds(b), {2, 3}, 2, 2);
}
