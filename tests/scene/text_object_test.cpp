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
    SceneFonts fonts{&library(), {}, 0};
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

// --- text entries: markup, layout, span leaves ----------------------------------------------

namespace {

TextSpec spec_of(const std::string& markup, const std::string& font = "sans") {
    TextSpec t;
    t.content = text::parse_markup(markup);
    t.font = font;
    return t;
}

struct Built {
    ObjectTable table;
    BuiltObject text;
    const Object& object() const { return table[text.index]; }
};

Built build(const TextSpec& spec) {
    SceneFonts fonts{&library(), {}, 0};
    Built b;
    b.text = add_text_object(b.table, fonts, "t", spec, SourceMark{"scene.yaml", 3, 5});
    return b;
}

// Two leaves draw the same glyph shapes, wherever they sit.
void check_same_shapes(const Object& a, const Object& b) {
    REQUIRE(a.parts.size() == b.parts.size());
    const Vec2 shift = leaf_bounds(b).min - leaf_bounds(a).min;
    for (std::size_t i = 0; i < a.parts.size(); ++i) {
        const BBox pa = a.parts[i].bounds(), pb = b.parts[i].bounds();
        CHECK(pa.min.x() + shift.x() == Approx(pb.min.x()).margin(1e-9));
        CHECK(pa.min.y() + shift.y() == Approx(pb.min.y()).margin(1e-9));
        CHECK(pa.width() == Approx(pb.width()).margin(1e-9));
        CHECK(pa.height() == Approx(pb.height()).margin(1e-9));
    }
}

}  // namespace

TEST_CASE("a plain text entry is the same leaf, path for path, as before markup and layout existed", "[text]") {
    for (const std::string content : {"Self-Attention", "Q · Kᵀ / √d", "the word \xD7\xA7\xD7\xA9\xD7\x91", "a  b", ""}) {
        INFO(content);
        const Built b = build(spec_of(content));
        const Object plain = make(content);
        CHECK(b.object().shape == ObjectShape::Text);
        CHECK(b.object().id == "t");
        CHECK(b.object().parts == plain.parts);
        CHECK(b.object().style == plain.style);
        CHECK(b.text.own_colors.empty());
    }
}

TEST_CASE("spans of different colours become a group of leaves, one per run of equal colour", "[text]") {
    const Built b = build(spec_of("A <span color=\"red\">red word</span> and <b>bold</b> <span color='#F59E0B'>amber</span>"));
    const Object& group = b.object();
    REQUIRE(group.is_group());
    CHECK(group.id == "t");
    REQUIRE(group.children.size() == 4);
    const std::vector<std::string> ids = {"t.span[0]", "t.span[1]", "t.span[2]", "t.span[3]"};
    const std::vector<std::size_t> glyphs = {1, 7, 7, 5};  // "A", "redword", "andbold", "amber"
    for (std::size_t k = 0; k < 4; ++k) {
        const Object& leaf = b.table[group.children[k]];
        CHECK(leaf.id == ids[k]);
        CHECK(leaf.shape == ObjectShape::Text);
        CHECK(leaf.parts.size() == glyphs[k]);
        CHECK(leaf.style.has_fill());
        CHECK_FALSE(leaf.style.has_stroke());
        CHECK(b.table.find(ids[k]) == group.children[k]);
    }
    CHECK(b.table[group.children[0]].style.fill == Color{1, 1, 1, 1});
    CHECK(b.table[group.children[1]].style.fill == *parse_color("red"));
    CHECK(b.table[group.children[2]].style.fill == Color{1, 1, 1, 1});
    CHECK(b.table[group.children[3]].style.fill == *parse_color("#F59E0B"));
    using SpanColor = std::pair<std::size_t, Color>;
    CHECK(b.text.own_colors == std::vector<SpanColor>{{group.children[1], *parse_color("red")},
                                                       {group.children[3], *parse_color("#F59E0B")}});
    // Reading order: each leaf's glyphs are to the right of the one before.
    for (std::size_t k = 1; k < 4; ++k)
        CHECK(leaf_bounds(b.table[group.children[k]]).min.x() > leaf_bounds(b.table[group.children[k - 1]]).max.x());
    // The group is centred like any fresh text.
    CHECK(b.table.bounds(b.text.index).center().x() == Approx(0).margin(0.02));
}

TEST_CASE("a text in one colour stays one leaf, with that colour", "[text]") {
    const Built coloured = build(spec_of("<span color='blue'>all <b>of</b> it</span>"));
    CHECK(coloured.object().shape == ObjectShape::Text);
    CHECK(coloured.object().style.fill == *parse_color("blue"));
    CHECK(coloured.text.own_colors.size() == 1);
    const Built styled = build(spec_of("plain <b>bold</b> <i>italic</i> <tt>mono</tt>"));
    CHECK(styled.object().shape == ObjectShape::Text);
    CHECK(styled.object().parts.size() == 19);
    CHECK(styled.text.own_colors.empty());
}

TEST_CASE("each span is drawn in the face its style chooses", "[text]") {
    SceneFonts fonts{&library(), {}, 0};
    const auto face_of = [&](const std::string& markup, const std::string& font, const std::string& plain_text,
                             const std::string& face) {
        INFO(markup << " in " << font << " should draw as " << face);
        check_same_shapes(build(spec_of(markup, font)).object(), make(plain_text, 48, face));
    };
    face_of("<b>Hamburg</b>", "sans", "Hamburg", "sans-bold");
    face_of("<i>Hamburg</i>", "sans", "Hamburg", "sans-italic");
    face_of("<b><i>Hamburg</i></b>", "sans", "Hamburg", "sans-bold-italic");
    face_of("<tt>x = 1</tt>", "sans", "x = 1", "mono");
    face_of("<span font='mono' weight='bold'>x = 1</span>", "sans", "x = 1", "mono-bold");
    face_of("<b>x = 1</b>", "mono", "x = 1", "mono-bold");
    face_of("<i>x = 1</i>", "mono", "x = 1", "mono-italic");
    // Bold is not regular: the shapes differ.
    CHECK(leaf_bounds(build(spec_of("<b>Hamburg</b>")).object()).width() > leaf_bounds(make("Hamburg")).width());
}

TEST_CASE("a mixed line shares one baseline across its faces", "[text]") {
    // The flat bottoms of H in every face sit on the same y.
    const Built b = build(spec_of("H<b>H</b><i>H</i><tt>H</tt>"));
    REQUIRE(b.object().parts.size() == 4);
    const double base = b.object().parts[0].bounds().min.y();
    for (const Path& p : b.object().parts) CHECK(p.bounds().min.y() == Approx(base).margin(1e-3));
}

TEST_CASE("width, align and line_spacing lay a text entry out as a paragraph", "[text]") {
    TextSpec spec = spec_of("one two three four five six seven eight nine ten");
    spec.width = 2.0;
    spec.align = text::Align::Left;
    const Built b = build(spec);
    CHECK(leaf_bounds(b.object()).width() <= 2.0 + 0.05);  // ink may overhang the advance a hair
    CHECK(leaf_bounds(b.object()).height() > 3 * text::font_size_to_em(48));
    CHECK(leaf_bounds(b.object()).center().y() == Approx(0).margin(0.1));
}
