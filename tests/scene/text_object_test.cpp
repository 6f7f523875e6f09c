#include "scene/text_object.hpp"

#include "scene/object_table.hpp"

#include <catch2/catch.hpp>

using namespace attnreel;
using Catch::Detail::Approx;

namespace {

text::FontLibrary& library() {
    static text::FontLibrary fonts;
    return fonts;
}

Object make(const std::string& content, double size = 48, const std::string& font = "sans") {
    SceneFonts fonts{&library(), {}};
    return make_text_object(fonts, "t", content, size, font, SourceMark{"scene.yaml", 3, 5});
}

BBox bounds_of(const Object& o) { return leaf_bounds(o); }

}  // namespace

TEST_CASE("text becomes one filled part per visible glyph", "[text]") {
    const Object o = make("Hi");
    CHECK(o.shape == ObjectShape::Text);
    CHECK(o.id == "t");
    CHECK(o.parts.size() == 2);
    CHECK(make("a b").parts.size() == 2);  // a space has no outline
    CHECK(o.style.has_fill());
    CHECK_FALSE(o.style.has_stroke());
}

TEST_CASE("capital letters are as tall as the font's cap height at the em size", "[text]") {
    // font_size is the em in pixels at 1080p; 1080 px = 8 units, so 54 px = 0.4 units.
    const double cap = library().metrics(library().face("sans")).cap_height;
    REQUIRE(cap > 0);
    CHECK(bounds_of(make("H", 54)).height() == Approx(cap * 0.4).epsilon(0.02));
    CHECK(bounds_of(make("H", 108)).height() == Approx(cap * 0.8).epsilon(0.02));
}

TEST_CASE("text is centred on the origin", "[text]") {
    // Horizontally on the advance: a symmetric glyph's ink is centred too.
    const BBox h = bounds_of(make("H"));
    CHECK(h.center().x() == Approx(0).margin(0.01));
    // Vertically on the line box, so a lower-case word sits lower than a capital of its size
    // and two texts of one size share a baseline.
    CHECK(bounds_of(make("o")).min.y() == Approx(h.min.y()).margin(0.01));
    CHECK(bounds_of(make("o")).max.y() < h.max.y());
}

TEST_CASE("a longer text is wider", "[text]") {
    CHECK(bounds_of(make("attention")).width() > bounds_of(make("att")).width());
}

TEST_CASE("an unknown font is an InputError at the object's mark", "[text]") {
    try {
        make("Hi", 48, "snas");
        FAIL("expected an InputError");
    } catch (const InputError& e) {
        CHECK(e.mark().file == "scene.yaml");
        CHECK(e.mark().line == 3);
        CHECK(e.mark().column == 5);
        CHECK(e.message().find("snas") != std::string::npos);
        CHECK(e.message().find("sans") != std::string::npos);  // the suggestion
    }
}

TEST_CASE("invalid UTF-8 is an InputError at the object's mark", "[text]") {
    CHECK_THROWS_AS(make("bad \xff byte"), InputError);
    try {
        make("bad \xff byte");
    } catch (const InputError& e) {
        CHECK(e.mark().line == 3);
    }
}
