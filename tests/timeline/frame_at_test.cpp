#include "scene_builder.hpp"

#include <catch2/catch.hpp>

using namespace attnreel;
using namespace attnreel::testing;
using Catch::Detail::Approx;

namespace {

AnimationSpec linear(AnimationSpec a) {
    a.rate = RateFunction::Linear;
    return a;
}

}  // namespace

TEST_CASE("an object is invisible before its first animation and visible after it", "[frame]") {
    SceneSpec spec;
    spec.objects = {rectangle("a", {2, 1})};
    spec.timeline = {wait(1), play({animation(AnimationKind::Create, {"a"})}), wait(1)};
    const Scene scene = compile(spec);
    CHECK(frame_at(scene, 0.0).items.empty());
    CHECK(frame_at(scene, 0.5).items.empty());
    const DrawList after = frame_at(scene, 2.5);
    REQUIRE(after.items.size() == 1);
    CHECK(after.items[0].path == rectangle_path({2, 1}, 1, 1));
    CHECK(after.items[0].stroke == Color{1, 1, 1, 1});
    CHECK_FALSE(after.items[0].fill);
    CHECK(after.items[0].stroke_width == Approx(4 * kStrokeWidthUnit));
    CHECK(after.background == spec.settings.background);
}

TEST_CASE("t exactly at a step boundary shows the completed state", "[frame]") {
    SceneSpec spec;
    spec.objects = {rectangle("a", {0, 0})};
    auto set = animation(AnimationKind::Set, {"a"});
    set.set.style.color = Color{1, 0, 0, 1};
    spec.timeline = {play({animation(AnimationKind::Create, {"a"})}), play({set}), wait(1)};
    const Scene scene = compile(spec);
    const DrawList at_one = frame_at(scene, 1.0);
    REQUIRE(at_one.items.size() == 1);
    CHECK(at_one.items[0].path == rectangle_path({0, 0}, 1, 1));  // fully drawn
    CHECK(at_one.items[0].stroke == Color{1, 1, 1, 1});           // not yet red
    // Just before the boundary the outline is not complete yet.
    CHECK(frame_at(scene, 1.0 - 1e-3).items.at(0).path.length() < 4.0);
    const DrawList at_two = frame_at(scene, 2.0);
    REQUIRE(at_two.items.size() == 1);
    CHECK(at_two.items[0].stroke == Color{1, 0, 0, 1});
    CHECK(at_two == frame_at(scene, 2.5));  // nothing changes during the wait
    CHECK(at_two == frame_at(scene, 3.0));  // nor at the very end
}

TEST_CASE("set changes persist to later frames", "[frame]") {
    SceneSpec spec;
    spec.objects = {rectangle("a", {0, 0})};
    auto set = animation(AnimationKind::Set, {"a"});
    set.set.style.stroke = Color{0, 0, 1, 1};
    set.set.shift = Vec2(1, 2);
    set.set.scale = 2;
    spec.timeline = {play({animation(AnimationKind::Create, {"a"})}), play({set}), wait(3),
                     play({animation(AnimationKind::Indicate, {"a"})}), wait(1)};
    const Scene scene = compile(spec);
    for (double t : {2.0, 4.5, 6.0}) {
        INFO(t);
        const DrawList d = frame_at(scene, t);
        REQUIRE(d.items.size() == 1);
        CHECK(d.items[0].stroke == Color{0, 0, 1, 1});
        const BBox b = d.items[0].path.bounds();
        CHECK(b.center().x() == Approx(1));
        CHECK(b.center().y() == Approx(2));
        CHECK(b.width() == Approx(2));
        CHECK(d.items[0].stroke_width == Approx(2 * 4 * kStrokeWidthUnit));  // strokes scale too
    }
}

TEST_CASE("set interpolates halfway through", "[frame]") {
    SceneSpec spec;
    spec.objects = {rectangle("a", {0, 0})};
    auto set = linear(animation(AnimationKind::Set, {"a"}));
    set.set.shift = Vec2(2, 0);
    set.set.style.opacity = 0;
    spec.timeline = {play({animation(AnimationKind::Create, {"a"})}), play({set})};
    const DrawList d = frame_at(compile(spec), 1.5);
    REQUIRE(d.items.size() == 1);
    CHECK(d.items[0].path.bounds().center().x() == Approx(1));
    CHECK(d.items[0].stroke->a == Approx(0.5));
}

TEST_CASE("fade_out fades and then hides", "[frame]") {
    SceneSpec spec;
    spec.objects = {rectangle("a", {0, 0})};
    auto out = linear(animation(AnimationKind::FadeOut, {"a"}));
    out.shift = Vec2(0, 1);
    spec.timeline = {play({animation(AnimationKind::Create, {"a"})}), play({out}), wait(1)};
    const Scene scene = compile(spec);
    const DrawList mid = frame_at(scene, 1.5);
    REQUIRE(mid.items.size() == 1);
    CHECK(mid.items[0].stroke->a == Approx(0.5));
    CHECK(mid.items[0].path.bounds().center().y() == Approx(0.5));  // half of the shift
    CHECK(frame_at(scene, 2.0).items.empty());
    CHECK(frame_at(scene, 2.5).items.empty());
}

TEST_CASE("fade_out of a group leaves its hidden members hidden", "[frame]") {
    // A group whose member was never shown (or was hidden since): fading the group out must
    // not bring that member back for the length of the fade.
    SceneSpec spec;
    spec.objects = {rectangle("a", {0, 0}), rectangle("b", {3, 0}), group("both", {"a", "b"})};
    auto out = linear(animation(AnimationKind::FadeOut, {"both"}));
    spec.timeline = {play({animation(AnimationKind::Create, {"a"})}), play({out}), wait(1)};
    const Scene scene = compile(spec);
    const DrawList mid = frame_at(scene, 1.5);
    REQUIRE(mid.items.size() == 1);  // "a" fading; "b" stays hidden
    CHECK(mid.items[0].path.bounds().center().x() == Approx(0));
    CHECK(frame_at(scene, 2.5).items.empty());
}

TEST_CASE("fade_in ends fully opaque in place", "[frame]") {
    SceneSpec spec;
    spec.objects = {rectangle("a", {0, 0})};
    auto in = linear(animation(AnimationKind::FadeIn, {"a"}));
    in.shift = Vec2(0, 1);
    spec.timeline = {play({in}), wait(1)};
    const Scene scene = compile(spec);
    const DrawList mid = frame_at(scene, 0.5);
    REQUIRE(mid.items.size() == 1);
    CHECK(mid.items[0].stroke->a == Approx(0.5));
    CHECK(std::abs(mid.items[0].path.bounds().center().y()) == Approx(0.5));  // half way along the shift
    const DrawList end = frame_at(scene, 1.0);
    REQUIRE(end.items.size() == 1);
    CHECK(end.items[0].path == rectangle_path({0, 0}, 1, 1));
    CHECK(end.items[0].stroke->a == Approx(1));
}

TEST_CASE("transform hands over to the target at the end", "[frame]") {
    SceneSpec spec;
    spec.objects = {rectangle("a", {-2, 0}), rectangle("b", {2, 0}, 2, 2)};
    auto morph = animation(AnimationKind::Transform, {"a"});
    morph.transform_to = Ref{"b", {}};
    morph.rate = RateFunction::Linear;
    spec.timeline = {play({animation(AnimationKind::Create, {"a"})}), play({morph}), wait(1)};
    const Scene scene = compile(spec);
    const DrawList during = frame_at(scene, 1.5);
    REQUIRE(during.items.size() == 1);  // one in-between shape, neither a nor b
    const BBox mid = during.items[0].path.bounds();
    CHECK(mid.center().x() == Approx(0).margin(0.02));
    CHECK(mid.width() == Approx(1.5).margin(0.02));
    for (double t : {2.0, 2.5}) {
        INFO(t);
        const DrawList after = frame_at(scene, t);
        REQUIRE(after.items.size() == 1);
        CHECK(after.items[0].path == rectangle_path({2, 0}, 2, 2));
        CHECK(items_at(after, {-2, 0}).empty());
    }
}

TEST_CASE("create draws the outline along its length", "[frame]") {
    const double perimeter = 4.0;  // 1 x 1 rectangle
    SECTION("outline only: stroke length p * perimeter") {
        SceneSpec spec;
        spec.objects = {rectangle("a", {0, 0})};
        spec.timeline = {play({linear(animation(AnimationKind::Create, {"a"}))})};
        const Scene scene = compile(spec);
        for (double p : {0.1, 0.3, 0.5, 0.8}) {
            INFO(p);
            const DrawList d = frame_at(scene, p);
            REQUIRE(d.items.size() == 1);
            CHECK_FALSE(d.items[0].fill);
            CHECK(d.items[0].path.length() == Approx(p * perimeter).epsilon(1e-6));
        }
    }
    SECTION("filled: stroke length min(1, 2p) * perimeter, then the fill fades in") {
        SceneSpec spec;
        spec.objects = {rectangle("a", {0, 0}, 1, 1, true)};
        spec.timeline = {play({linear(animation(AnimationKind::Create, {"a"}))})};
        const Scene scene = compile(spec);
        for (double p : {0.1, 0.25, 0.4}) {
            INFO(p);
            const DrawList d = frame_at(scene, p);
            REQUIRE(d.items.size() == 1);  // no fill yet
            CHECK_FALSE(d.items[0].fill);
            CHECK(d.items[0].path.length() == Approx(2 * p * perimeter).epsilon(1e-6));
        }
        for (double p : {0.6, 0.75, 0.9}) {
            INFO(p);
            const DrawList d = frame_at(scene, p);
            REQUIRE(d.items.size() == 1);
            CHECK(d.items[0].path.length() == Approx(perimeter));
            REQUIRE(d.items[0].fill);
            CHECK(d.items[0].fill->a == Approx(2 * p - 1));
        }
    }
}

TEST_CASE("grow_from_center scales about the centre", "[frame]") {
    SceneSpec spec;
    spec.objects = {rectangle("a", {1, 1}, 2, 2)};
    spec.timeline = {play({linear(animation(AnimationKind::GrowFromCenter, {"a"}))})};
    const DrawList d = frame_at(compile(spec), 0.25);
    REQUIRE(d.items.size() == 1);
    const BBox b = d.items[0].path.bounds();
    CHECK(b.width() == Approx(0.5));
    CHECK(b.center().x() == Approx(1));
    CHECK(b.center().y() == Approx(1));
}

TEST_CASE("grow_from_center and indicate scale a group as a whole, about its centre", "[frame]") {
    SceneSpec spec;
    spec.objects = {rectangle("a", {-2, 0}), rectangle("b", {2, 0}), group("g", {"a", "b"})};
    spec.timeline = {play({linear(animation(AnimationKind::GrowFromCenter, {"g"}))})};
    const DrawList d = frame_at(compile(spec), 0.5);
    REQUIRE(d.items.size() == 2);
    // Halfway, the pair is half as wide about x = 0: the squares sit at ±1, half size.
    CHECK(d.items[0].path.bounds().center().x() == Approx(-1));
    CHECK(d.items[1].path.bounds().center().x() == Approx(1));
    CHECK(d.items[0].path.bounds().width() == Approx(0.5));
}

TEST_CASE("grow_from_center with a lag ratio grows each member about its own centre", "[frame]") {
    SceneSpec spec;
    spec.objects = {rectangle("a", {-2, 0}), rectangle("b", {2, 0}), group("g", {"a", "b"})};
    spec.timeline = {play({linear(animation(AnimationKind::GrowFromCenter, {"g"}))}, 2.0, 1.0)};
    const DrawList d = frame_at(compile(spec), 0.5);  // a is halfway, b not started
    REQUIRE(d.items.size() == 1);
    CHECK(d.items[0].path.bounds().center().x() == Approx(-2));
    CHECK(d.items[0].path.bounds().width() == Approx(0.5));
}

TEST_CASE("frame_at is a pure function of time", "[frame]") {
    SceneSpec spec;
    spec.objects = {rectangle("a", {-2, 0}), rectangle("b", {2, 0}, 1, 1, true), group("g", {"a", "b"})};
    auto fade = animation(AnimationKind::FadeOut, {"a"});
    spec.timeline = {play({animation(AnimationKind::Create, {"g"})}, 2.0, 0.3), play({fade}), wait(0.5)};
    const Scene scene = compile(spec);
    const double t1 = 0.7, t2 = 2.4;
    const DrawList first = frame_at(scene, t1);
    CHECK(frame_at(scene, t1) == first);
    frame_at(scene, t2);
    frame_at(scene, 3.5);
    CHECK(frame_at(scene, t1) == first);
    // A second compilation of the same spec gives the same frames.
    CHECK(frame_at(compile(spec), t2) == frame_at(scene, t2));
    CHECK_FALSE(frame_at(scene, t2) == first);  // the comparison can tell frames apart
}

TEST_CASE("set with a fill colour shows the fill of an outline-only object", "[frame]") {
    SceneSpec spec;
    spec.objects = {rectangle("a", {0, 0})};  // outline only: fill_opacity 0
    auto set = animation(AnimationKind::Set, {"a"});
    set.set.style.fill = Color{0, 1, 0, 1};
    spec.timeline = {play({animation(AnimationKind::Create, {"a"})}), play({set}), wait(1)};
    const Scene scene = compile(spec);
    const DrawList before = frame_at(scene, 1.0);
    REQUIRE(before.items.size() == 1);
    CHECK_FALSE(before.items[0].fill.has_value());
    const DrawList after = frame_at(scene, 2.5);
    REQUIRE(after.items.size() == 1);
    REQUIRE(after.items[0].fill.has_value());
    CHECK(*after.items[0].fill == Color{0, 1, 0, 1});
}

TEST_CASE("indicate goes out and back even when its step sets another rate function", "[frame]") {
    SceneSpec spec;
    spec.objects = {rectangle("a", {0, 0})};
    StepSpec indicate = play({animation(AnimationKind::Indicate, {"a"})});
    std::get<PlayStep>(indicate.step).rate = RateFunction::Linear;
    spec.timeline = {play({animation(AnimationKind::Create, {"a"})}), indicate, wait(1)};
    const Scene scene = compile(spec);
    const auto width_at = [&](double t) {
        const DrawList d = frame_at(scene, t);
        REQUIRE(d.items.size() == 1);
        return d.items[0].path.bounds().width();
    };
    CHECK(width_at(1.5) == Approx(1.2).margin(0.01));   // the peak, halfway
    CHECK(width_at(1.99) == Approx(1.0).margin(0.01));  // back before the step ends
}

TEST_CASE("writing a text with coloured spans draws the glyphs in the same order and at the same moments as one leaf",
          "[frame]") {
    const auto scene_of = [](const std::string& markup) {
        ObjectSpec o;
        o.id = "t";
        TextSpec t;
        t.content = text::parse_markup(markup);
        o.kind = t;
        SceneSpec spec;
        spec.objects = {o};
        spec.timeline = {play({linear(animation(AnimationKind::Write, {"t"}))}, 2.0)};
        return compile(spec);
    };
    const Scene plain = scene_of("Attention is all");
    const Scene spans = scene_of("<span color='red'>Atten</span>tion <span color='blue'>is</span> all");
    REQUIRE(spans.objects[*spans.objects.find("t")].is_group());
    for (double t : {0.2, 0.5, 0.9, 1.3, 1.7, 2.0}) {
        INFO("t = " << t);
        const DrawList a = frame_at(plain, t), b = frame_at(spans, t);
        REQUIRE(a.items.size() == b.items.size());
        for (std::size_t i = 0; i < a.items.size(); ++i) {
            CHECK(a.items[i].path == b.items[i].path);
            CHECK(a.items[i].stroke_width == b.items[i].stroke_width);
            CHECK(a.items[i].fill.has_value() == b.items[i].fill.has_value());
        }
    }
}
