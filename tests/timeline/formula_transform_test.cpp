// Formulas: matching morphs (TransformMatchingTex), parts as targets, and Write's lag on groups.
#include "scene_builder.hpp"

#include "math/tex_parser.hpp"

#include <catch2/catch.hpp>

#include <map>

using namespace attnreel;
using namespace attnreel::testing;
using Catch::Detail::Approx;

namespace {

ObjectSpec formula(const std::string& id, const std::string& tex, std::vector<FormulaPart> parts = {}) {
    MathSpec m;
    m.tex = tex;
    m.formula = math::parse_tex(tex);
    m.parts = std::move(parts);
    ObjectSpec o;
    o.id = id;
    o.kind = m;
    return o;
}

std::vector<std::size_t> pieces(const Scene& scene, const std::string& id) {
    return scene.objects.leaves(*scene.objects.find(id));
}

std::map<SegmentKind, int> kinds_at(const Scene& scene, const std::vector<std::size_t>& leaves, std::size_t segment) {
    std::map<SegmentKind, int> count;
    for (std::size_t leaf : leaves) ++count[scene.tracks[leaf].segments.at(segment).kind];
    return count;
}

}  // namespace

TEST_CASE("a formula transform morphs equal pieces and fades the rest", "[compile][formula]") {
    SceneSpec spec;
    spec.objects = {formula("a", "QK^\\top"), formula("b", "\\frac{QK^\\top}{\\sqrt{d_k}}")};
    spec.timeline = {play({animation(AnimationKind::FadeIn, {"a"})}, 1.0),
                     play({[] {
                         AnimationSpec t = animation(AnimationKind::Transform, {"a"});
                         t.transform_to = Ref{"b", {}};
                         return t;
                     }()}, 2.0)};
    const Scene scene = compile(spec);
    const auto from = pieces(scene, "a");
    const auto to = pieces(scene, "b");
    REQUIRE(from.size() == 3);  // Q, K, ⊤
    REQUIRE(to.size() > from.size());

    // Every piece of QKᵀ finds its twin in the numerator and morphs into it.
    const auto from_kinds = kinds_at(scene, from, 1);
    CHECK(from_kinds.at(SegmentKind::Morph) == 3);
    for (std::size_t f : from) {
        const Segment& s = scene.tracks[f].segments.at(1);
        CHECK(s.start == Approx(1.0));
        CHECK(s.end == Approx(3.0));
        CHECK_FALSE(s.to.visible);
        // The morph ends on its twin: the same key, at the twin's place.
        const Path end = s.morph->at(1.0);
        bool twin_found = false;
        for (std::size_t t : to) {
            if (scene.objects[t].match_key != scene.objects[f].match_key) continue;
            const BBox tb = scene.objects[t].parts[0].bounds();
            // The morph's end is the twin resampled as a polyline: the same place to within
            // the flattening, far closer than the glyphs' spacing (≈ 0.3 units).
            twin_found = twin_found || (end.bounds().center() - tb.center()).norm() < 0.02;
        }
        CHECK(twin_found);
    }
    // The twins appear when the morph ends; the rule, the radical and d_k fade in meanwhile.
    int appear_at_end = 0, fade_in = 0;
    for (std::size_t t : to) {
        const Segment& s = scene.tracks[t].segments.at(0);
        if (s.kind == SegmentKind::FadeIn) {
            ++fade_in;
            CHECK(s.start == Approx(1.0));
            CHECK(s.end == Approx(3.0));
        } else {
            ++appear_at_end;
            CHECK(s.kind == SegmentKind::Instant);
            CHECK(s.start == Approx(3.0));
            CHECK(s.to.visible);
        }
    }
    CHECK(appear_at_end == 3);
    CHECK(fade_in == int(to.size()) - 3);
}

TEST_CASE("a formula transform fades out pieces the target does not have", "[compile][formula]") {
    SceneSpec spec;
    spec.objects = {formula("a", "x+y"), formula("b", "x")};
    AnimationSpec t = animation(AnimationKind::Transform, {"a"});
    t.transform_to = Ref{"b", {}};
    spec.timeline = {play({animation(AnimationKind::FadeIn, {"a"})}), play({t})};
    const Scene scene = compile(spec);
    const auto kinds = kinds_at(scene, pieces(scene, "a"), 1);
    CHECK(kinds.at(SegmentKind::Morph) == 1);    // x
    CHECK(kinds.at(SegmentKind::FadeOut) == 2);  // + and y
}

TEST_CASE("an accented letter morphs into the bare letter and its accent fades", "[compile][formula]") {
    SceneSpec spec;
    spec.objects = {formula("a", "\\hat{y}"), formula("b", "y")};
    AnimationSpec t = animation(AnimationKind::Transform, {"a"});
    t.transform_to = Ref{"b", {}};
    spec.timeline = {play({animation(AnimationKind::FadeIn, {"a"})}), play({t})};
    const Scene scene = compile(spec);
    const auto from = pieces(scene, "a");
    REQUIRE(from.size() == 2);
    CHECK(scene.objects[from[0]].match_key == "\\hat");  // the accent comes first, as written
    CHECK(scene.objects[from[1]].match_key == "y");
    CHECK(scene.tracks[from[0]].segments.at(1).kind == SegmentKind::FadeOut);
    CHECK(scene.tracks[from[1]].segments.at(1).kind == SegmentKind::Morph);
}

TEST_CASE("repeated symbols pair in order, first with first", "[compile][formula]") {
    SceneSpec spec;
    spec.objects = {formula("a", "x+x"), formula("b", "x")};
    AnimationSpec t = animation(AnimationKind::Transform, {"a"});
    t.transform_to = Ref{"b", {}};
    spec.timeline = {play({animation(AnimationKind::FadeIn, {"a"})}), play({t})};
    const Scene scene = compile(spec);
    const auto from = pieces(scene, "a");
    REQUIRE(from.size() == 3);
    CHECK(scene.tracks[from[0]].segments.at(1).kind == SegmentKind::Morph);    // the first x
    CHECK(scene.tracks[from[1]].segments.at(1).kind == SegmentKind::FadeOut);  // +
    CHECK(scene.tracks[from[2]].segments.at(1).kind == SegmentKind::FadeOut);  // the second x
}

TEST_CASE("a+b → b+a: each symbol morphs into the same symbol at its new place", "[compile][formula]") {
    SceneSpec spec;
    spec.objects = {formula("a", "a+b"), formula("b", "b+a")};
    AnimationSpec t = animation(AnimationKind::Transform, {"a"});
    t.transform_to = Ref{"b", {}};
    spec.timeline = {play({animation(AnimationKind::FadeIn, {"a"})}), play({t})};
    const Scene scene = compile(spec);
    const auto from = pieces(scene, "a");
    const auto to = pieces(scene, "b");
    REQUIRE(from.size() == 3);
    for (std::size_t k = 0; k < 3; ++k) {
        const Segment& s = scene.tracks[from[k]].segments.at(1);
        REQUIRE(s.kind == SegmentKind::Morph);
        const std::size_t twin = 2 - k;  // a ↔ the last piece, + ↔ +, b ↔ the first
        CHECK(scene.objects[to[twin]].match_key == scene.objects[from[k]].match_key);
        const Vec2 end = s.morph->at(1.0).bounds().center();
        CHECK((end - scene.objects[to[twin]].parts[0].bounds().center()).norm() < 0.02);
    }
}

TEST_CASE("a transform between a formula and a shape stays one whole morph", "[compile][formula]") {
    SceneSpec spec;
    spec.objects = {formula("a", "x+y"), rectangle("r", {0, 0})};
    AnimationSpec t = animation(AnimationKind::Transform, {"a"});
    t.transform_to = Ref{"r", {}};
    spec.timeline = {play({animation(AnimationKind::FadeIn, {"a"})}), play({t})};
    const Scene scene = compile(spec);
    const auto from = pieces(scene, "a");
    CHECK(scene.tracks[from[0]].segments.at(1).kind == SegmentKind::Morph);
    CHECK(scene.tracks[from[1]].segments.at(1).kind == SegmentKind::Instant);  // hidden at the start
}

TEST_CASE("a part of a formula is a target of its own", "[compile][formula]") {
    SceneSpec spec;
    spec.objects = {formula("f", "\\frac{QK^\\top}{\\sqrt{d_k}}", {{"den", "\\sqrt{d_k}", {}}})};
    spec.timeline = {play({animation(AnimationKind::Write, {"f.den"})})};
    const Scene scene = compile(spec);
    const auto den = pieces(scene, "f.den");
    REQUIRE(den.size() == 3);  // the radical sign with its bar, d, k
    for (std::size_t leaf : pieces(scene, "f")) {
        const bool in_den = std::find(den.begin(), den.end(), leaf) != den.end();
        CHECK(scene.tracks[leaf].segments.empty() == !in_den);
    }
}

TEST_CASE("write on a formula is one glyph sequence across its pieces", "[compile]") {
    SceneSpec spec;
    spec.objects = {formula("f", "a+b=c")};
    spec.timeline = {play({animation(AnimationKind::Write, {"f"})}, 2.0)};
    const Scene scene = compile(spec);
    const auto leaves = pieces(scene, "f");
    REQUIRE(leaves.size() == 5);
    for (std::size_t k = 0; k < leaves.size(); ++k) {
        const Segment& s = scene.tracks[leaves[k]].segments.at(0);
        CHECK(s.kind == SegmentKind::Write);
        CHECK(s.start == Approx(0));
        CHECK(s.end == Approx(2));
        CHECK(s.glyphs_before == k);
        CHECK(s.glyphs_total == 5);
    }
}

TEST_CASE("write on a group of shapes is one sequence of their parts, by Manim's lag", "[compile]") {
    SceneSpec spec;
    spec.objects = {rectangle("a", {0, 0}), rectangle("b", {2, 0}), rectangle("c", {4, 0}), group("g", {"a", "b", "c"})};
    spec.timeline = {play({animation(AnimationKind::Write, {"g"})}, 2.0)};
    const Scene scene = compile(spec);
    const char* ids[] = {"a", "b", "c"};
    for (std::size_t k = 0; k < 3; ++k) {
        const Segment& s = scene.tracks[*scene.objects.find(ids[k])].segments.at(0);
        CHECK(s.start == Approx(0));
        CHECK(s.end == Approx(2));
        CHECK(s.glyphs_before == k);  // one part each
        CHECK(s.glyphs_total == 3);
    }
    // Drawn at the rate a text of three glyphs is: lag min(4 / 4, 0.2), each part
    // 1 / (1 + 2 × 0.2) of the run; halfway, the first is done and the last has begun.
    const DrawList half = frame_at(scene, 1.0);
    CHECK(half.items.size() == 3);
    const DrawList early = frame_at(scene, 0.05);
    CHECK(early.items.size() == 1);
}
