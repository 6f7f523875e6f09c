#include "scene_builder.hpp"

#include <catch2/catch.hpp>

using namespace attnreel;
using namespace attnreel::testing;
using Catch::Detail::Approx;

TEST_CASE("play and wait steps follow each other in time", "[compile]") {
    SceneSpec spec;
    spec.objects = {rectangle("a", {0, 0}), rectangle("b", {2, 0})};
    auto fade = animation(AnimationKind::FadeIn, {"b"});
    fade.run_time = 0.5;
    spec.timeline = {play({animation(AnimationKind::Create, {"a"})}), wait(2), play({fade}), wait(1)};
    const Scene scene = compile(spec);
    REQUIRE(scene.steps.size() == 4);
    const double starts[] = {0, 1, 3, 3.5}, ends[] = {1, 3, 3.5, 4.5};
    for (std::size_t k = 0; k < 4; ++k) {
        INFO(k);
        CHECK(scene.steps[k].start == Approx(starts[k]));
        CHECK(scene.steps[k].end == Approx(ends[k]));
    }
    CHECK(scene.steps[0].description == "play create(a)");
    CHECK(scene.steps[1].description == "wait 2");
    CHECK(scene.duration == Approx(4.5));
    CHECK(scene.frame_count(30) == 135);
}

TEST_CASE("a still scene has one frame", "[compile]") {
    SceneSpec spec;
    spec.objects = {rectangle("a", {0, 0})};
    CHECK(compile(spec).frame_count(30) == 1);
}

TEST_CASE("a play step lasts as long as its longest animation", "[compile]") {
    SceneSpec spec;
    spec.objects = {rectangle("a", {0, 0}), rectangle("b", {2, 0})};
    auto slow = animation(AnimationKind::Create, {"b"});
    slow.run_time = 2.5;
    spec.timeline = {play({animation(AnimationKind::Create, {"a"}), slow}, 0.5)};
    const Scene scene = compile(spec);
    CHECK(scene.duration == Approx(2.5));
    // The step's run_time applies to animations without their own.
    const auto a = *scene.objects.find("a");
    CHECK(scene.tracks[a].segments[0].end == Approx(0.5));
}

TEST_CASE("lag_ratio staggers a group's children: start k * lag * d, d = R / (1 + (n - 1) lag)", "[compile]") {
    SceneSpec spec;
    spec.objects = {rectangle("a", {0, 0}), rectangle("b", {2, 0}), rectangle("c", {4, 0}),
                    rectangle("d", {6, 0}), group("g", {"a", "b", "c", "d"})};
    spec.timeline = {play({animation(AnimationKind::Create, {"g"})}, 3.0, 0.5)};
    const Scene scene = compile(spec);
    const double d = 3.0 / (1 + 3 * 0.5);  // 1.2
    const char* ids[] = {"a", "b", "c", "d"};
    for (int k = 0; k < 4; ++k) {
        INFO(ids[k]);
        const auto& seg = scene.tracks[*scene.objects.find(ids[k])].segments.at(0);
        CHECK(seg.start == Approx(k * 0.5 * d));
        CHECK(seg.end == Approx(k * 0.5 * d + d));
    }
    CHECK(scene.duration == Approx(3.0));  // the last one ends with the step
}

TEST_CASE("lag_ratio 1 on listed targets plays them one after another", "[compile]") {
    SceneSpec spec;
    spec.objects = {rectangle("a", {0, 0}), rectangle("b", {2, 0})};
    auto create = animation(AnimationKind::Create, {"a", "b"});
    create.lag_ratio = 1;
    create.run_time = 2;
    spec.timeline = {play({create})};
    const Scene scene = compile(spec);
    const auto& b = scene.tracks[*scene.objects.find("b")].segments.at(0);
    CHECK(b.start == Approx(1));
    CHECK(b.end == Approx(2));
}

TEST_CASE("rate functions: smooth by default, there_and_back for indicate, overridable", "[compile]") {
    SceneSpec spec;
    spec.objects = {rectangle("a", {0, 0}), rectangle("b", {2, 0})};
    auto linear = animation(AnimationKind::Create, {"b"});
    linear.rate = RateFunction::Linear;
    spec.timeline = {play({animation(AnimationKind::Create, {"a"}), linear}),
                     play({animation(AnimationKind::Indicate, {"a"})})};
    const Scene scene = compile(spec);
    const auto& a = scene.tracks[*scene.objects.find("a")].segments;
    CHECK(a.at(0).rate == RateFunction::Smooth);
    CHECK(a.at(1).rate == RateFunction::ThereAndBack);
    CHECK(scene.tracks[*scene.objects.find("b")].segments.at(0).rate == RateFunction::Linear);
}

TEST_CASE("the same object animated twice in one step is an InputError", "[compile]") {
    SceneSpec spec;
    spec.objects = {rectangle("a", {0, 0})};
    spec.timeline = {play({animation(AnimationKind::Create, {"a"}, 4), animation(AnimationKind::Indicate, {"a"}, 5)})};
    try {
        compile(spec);
        FAIL("expected an InputError");
    } catch (const InputError& e) {
        CHECK(e.mark().line == 5);  // the second animation
        CHECK(e.message().find("'a'") != std::string::npos);
    }
}

TEST_CASE("grow_arrow on a non-arrow is an InputError suggesting grow_from_center", "[compile]") {
    SceneSpec spec;
    spec.objects = {rectangle("box", {0, 0})};
    spec.timeline = {play({animation(AnimationKind::GrowArrow, {"box"}, 7)})};
    try {
        compile(spec);
        FAIL("expected an InputError");
    } catch (const InputError& e) {
        CHECK(e.mark().line == 7);
        CHECK(e.message().find("grow_from_center") != std::string::npos);
        CHECK(e.message().find("box") != std::string::npos);
    }
}

TEST_CASE("an unknown target is an InputError suggesting the nearest id", "[compile]") {
    SceneSpec spec;
    spec.objects = {rectangle("title", {0, 0})};
    spec.timeline = {play({animation(AnimationKind::Create, {"titel"})})};
    CHECK_THROWS_WITH(compile(spec), Catch::Contains("did you mean 'title'"));
}

TEST_CASE("set and indicate need the object on screen", "[compile]") {
    SceneSpec spec;
    spec.objects = {rectangle("a", {0, 0})};
    auto set = animation(AnimationKind::Set, {"a"});
    set.set.style.color = Color{1, 0, 0, 1};
    spec.timeline = {play({set})};
    CHECK_THROWS_AS(compile(spec), InputError);
    spec.timeline = {play({animation(AnimationKind::Indicate, {"a"})})};
    CHECK_THROWS_AS(compile(spec), InputError);
}

TEST_CASE("layout in the spec is applied at compile time", "[compile]") {
    SceneSpec spec;
    ObjectSpec title = rectangle("title", {0, 0}, 2, 1);
    title.layout.push_back({ToEdge{{0, 1}, 0.5}, SourceMark{}});
    ObjectSpec below = rectangle("below", {5, 5}, 1, 1);
    below.layout.push_back({NextTo{Ref{"title", {}}, {0, -1}, 0.25}, SourceMark{}});
    spec.objects = {below, title};  // declared before its target: built in dependency order
    const Scene scene = compile(spec);
    const BBox t = scene.objects.bounds(*scene.objects.find("title"));
    const BBox b = scene.objects.bounds(*scene.objects.find("below"));
    CHECK(t.max.y() == Approx(3.5));
    CHECK(b.max.y() == Approx(t.min.y() - 0.25));
    CHECK(b.center().x() == Approx(t.center().x()).margin(1e-9));
}

TEST_CASE("duplicate ids and layout cycles are InputErrors", "[compile]") {
    SceneSpec spec;
    spec.objects = {rectangle("a", {0, 0}), rectangle("a", {1, 0})};
    CHECK_THROWS_WITH(compile(spec), Catch::Contains("duplicate id 'a'"));
    ObjectSpec a = rectangle("a", {0, 0}), b = rectangle("b", {0, 0});
    a.layout.push_back({NextTo{Ref{"b", {}}, {1, 0}, 0.25}, SourceMark{}});
    b.layout.push_back({NextTo{Ref{"a", {}}, {1, 0}, 0.25}, SourceMark{}});
    spec.objects = {a, b};
    CHECK_THROWS_WITH(compile(spec), Catch::Contains("layout cycle"));
}

TEST_CASE("draw order is by z, then declaration", "[compile]") {
    SceneSpec spec;
    ObjectSpec top = rectangle("top", {0, 0});
    top.style.z = 1;
    spec.objects = {top, rectangle("a", {1, 0}), rectangle("b", {2, 0})};
    const Scene scene = compile(spec);
    std::vector<std::string> order;
    for (std::size_t i : scene.draw_order) order.push_back(scene.objects[i].id);
    CHECK(order == std::vector<std::string>{"a", "b", "top"});
}
