#include "scene/object_table.hpp"

#include <catch2/catch.hpp>

using namespace attnreel;
using Catch::Detail::Approx;

namespace {

Object rectangle(const std::string& id, const Vec2& center, double w, double h) {
    Object o;
    o.id = id;
    o.parts.push_back(rectangle_path(center, w, h));
    return o;
}

Object group(const std::string& id, std::vector<std::size_t> children) {
    Object g;
    g.id = id;
    g.shape = ObjectShape::Group;
    g.children = std::move(children);
    return g;
}

}  // namespace

TEST_CASE("objects are found by id and listed in creation order", "[objects]") {
    ObjectTable t;
    const auto a = t.add(rectangle("a", {0, 0}, 1, 1));
    const auto b = t.add(rectangle("b", {0, 0}, 1, 1));
    CHECK(t.size() == 2);
    CHECK(t.find("a") == a);
    CHECK(t.find("b") == b);
    CHECK_FALSE(t.find("c"));
    CHECK(t.contains("a"));
    CHECK_FALSE(t.contains("A"));
    CHECK(t.ids() == std::vector<std::string>{"a", "b"});
    CHECK(t[b].id == "b");
}

TEST_CASE("leaves of nested groups come in drawing order", "[objects]") {
    ObjectTable t;
    const auto a = t.add(rectangle("a", {0, 0}, 1, 1));
    const auto b = t.add(rectangle("b", {0, 0}, 1, 1));
    const auto c = t.add(rectangle("c", {0, 0}, 1, 1));
    const auto inner = t.add(group("inner", {c, a}));
    const auto outer = t.add(group("outer", {b, inner}));
    CHECK(t.leaves(a) == std::vector<std::size_t>{a});
    CHECK(t.leaves(inner) == std::vector<std::size_t>{c, a});
    CHECK(t.leaves(outer) == std::vector<std::size_t>{b, c, a});
}

TEST_CASE("a group's bounds enclose its leaves", "[objects]") {
    ObjectTable t;
    const auto a = t.add(rectangle("a", {0, 0}, 2, 2));    // [-1, 1]^2
    const auto b = t.add(rectangle("b", {4, 3}, 2, 1));    // [3, 5] x [2.5, 3.5]
    const auto g = t.add(group("g", {a, b}));
    const BBox box = t.bounds(g);
    CHECK(box.min.x() == Approx(-1));
    CHECK(box.min.y() == Approx(-1));
    CHECK(box.max.x() == Approx(5));
    CHECK(box.max.y() == Approx(3.5));
    CHECK(t.bounds(t.add(group("empty", {}))).empty());
}

TEST_CASE("transforming a group moves its leaves and scales arrow tips", "[objects]") {
    ObjectTable t;
    const auto a = t.add(rectangle("a", {0, 0}, 2, 2));
    Object arrow;
    arrow.id = "arrow";
    arrow.shape = ObjectShape::Arrow;
    arrow.parts.push_back(polyline_path({{0, 0}, {1, 0}}, false));
    arrow.tip_length = 0.25;
    const auto r = t.add(std::move(arrow));
    const auto g = t.add(group("g", {a, r}));
    t.transform(g, {2.0, Vec2(1, 0)});
    CHECK(t.bounds(a).center().x() == Approx(1));
    CHECK(t.bounds(a).width() == Approx(4));
    CHECK(t[r].tip_length == Approx(0.5));
    CHECK(t[r].parts[0].points().back().x() == Approx(3));
}

TEST_CASE("leaf_bounds spans every part", "[objects]") {
    Object o;
    o.parts.push_back(rectangle_path({0, 0}, 1, 1));
    o.parts.push_back(rectangle_path({3, 0}, 1, 1));
    const BBox b = leaf_bounds(o);
    CHECK(b.min.x() == Approx(-0.5));
    CHECK(b.max.x() == Approx(3.5));
    CHECK(leaf_bounds(Object{}).empty());
}

TEST_CASE("arrow tips are at most a third of the line and grow with the stroke", "[objects]") {
    CHECK(capped_tip_length(0.3, 3.0) == Approx(0.3));
    CHECK(capped_tip_length(0.3, 0.6) == Approx(0.2));
    CHECK(tip_length_for_width(8) > tip_length_for_width(4));
}

TEST_CASE("styles have fill and stroke only when they would show", "[objects]") {
    Style s;  // Manim's default: white outline, no fill
    CHECK(s.has_stroke());
    CHECK_FALSE(s.has_fill());
    s.fill_opacity = 0.5;
    CHECK(s.has_fill());
    s.fill.a = 0;
    CHECK_FALSE(s.has_fill());
    s.stroke_width = 0;
    CHECK_FALSE(s.has_stroke());
    s.stroke_width = 2;
    s.stroke_opacity = 0;
    CHECK_FALSE(s.has_stroke());
}
