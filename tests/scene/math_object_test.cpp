#include "scene/math_object.hpp"

#include "math/tex_parser.hpp"

#include <catch2/catch.hpp>

#include <set>

using namespace attnreel;
using Catch::Detail::Approx;

namespace {

text::FontLibrary& library() {
    static text::FontLibrary fonts;
    return fonts;
}

MathSpec spec_of(const std::string& tex) {
    MathSpec m;
    m.tex = tex;
    m.formula = math::parse_tex(tex);
    return m;
}

struct Built {
    ObjectTable table;
    std::size_t index = 0;
};

Built build(const MathSpec& m) {
    Built b;
    SceneFonts fonts{&library(), {}, 0};
    b.index = build_math_object(b.table, fonts, "f", m, SourceMark{"scene.yaml", 4, 3}).index;
    return b;
}

std::set<std::string> keys_of(const ObjectTable& t, const std::string& id) {
    std::set<std::string> keys;
    for (std::size_t leaf : t.leaves(*t.find(id))) keys.insert(t[leaf].match_key);
    return keys;
}

}  // namespace

TEST_CASE("a formula is a group of filled pieces centred on the origin", "[math]") {
    const Built b = build(spec_of("QK^\\top"));
    const Object& f = b.table[b.index];
    CHECK(f.is_group());
    REQUIRE(f.children.size() == 3);
    CHECK(b.table[f.children[0]].id == "f[0]");
    for (std::size_t c : f.children) {
        CHECK(b.table[c].shape == ObjectShape::Text);
        CHECK(b.table[c].style.fill_opacity == 1);
        CHECK(b.table[c].style.stroke_width == 0);
    }
    CHECK(keys_of(b.table, "f") == std::set<std::string>{"Q", "K", "\\top"});
    const BBox box = b.table.bounds(b.index);
    CHECK(box.center().x() == Approx(0).margin(1e-9));
    CHECK(box.center().y() == Approx(0).margin(0.02));  // centred on the layout's ink box
}

TEST_CASE("a part is every whole occurrence of its TeX text", "[math]") {
    MathSpec m = spec_of("\\frac{QK^\\top}{\\sqrt{d_k}} + K");
    m.parts = {{"den", "\\sqrt{d_k}", {}}, {"K", "K", {}}};
    const Built b = build(m);
    CHECK(keys_of(b.table, "f.den") == std::set<std::string>{"\\sqrt", "d", "k"});
    // Both K's, and nothing else.
    const auto ks = b.table.leaves(*b.table.find("f.K"));
    CHECK(ks.size() == 2);
    CHECK(keys_of(b.table, "f.K") == std::set<std::string>{"K"});
}

TEST_CASE("TeX text inside a command's name is not a part", "[math]") {
    MathSpec m = spec_of("\\frac{a}{b}");
    m.parts = {{"r", "r", {}}};  // the r of \frac is not a piece of its own
    try {
        build(m);
        FAIL("expected an InputError");
    } catch (const InputError& e) {
        CHECK(e.message() == "'r' does not occur in the formula '\\frac{a}{b}' as whole symbols");
    }
}

TEST_CASE("colours by part win over the formula's colour, and TeX keys become parts", "[math]") {
    MathSpec m = spec_of("QK^\\top V");
    const Color blue{0x3b / 255.0, 0x82 / 255.0, 0xf6 / 255.0, 1};
    const Color green{0x10 / 255.0, 0xb9 / 255.0, 0x81 / 255.0, 1};
    m.colors = {{"Q", blue, {}}, {"K", green, {}}};
    const Built b = build(m);
    for (std::size_t leaf : b.table.leaves(*b.table.find("f.Q"))) CHECK(b.table[leaf].style.fill == blue);
    for (std::size_t leaf : b.table.leaves(*b.table.find("f.K"))) CHECK(b.table[leaf].style.fill == green);
    for (std::size_t leaf : b.table.leaves(b.index))
        if (b.table[leaf].match_key == "V") CHECK(b.table[leaf].style.fill == Color{1, 1, 1, 1});
}

TEST_CASE("a part named twice is an error at its mark", "[math]") {
    MathSpec m = spec_of("a+b");
    m.parts = {{"x", "a", {"s.yaml", 3, 5}}, {"x", "b", {"s.yaml", 4, 5}}};
    try {
        build(m);
        FAIL("expected an InputError");
    } catch (const InputError& e) {
        CHECK(e.mark().line == 4);
        CHECK(e.message() == "part 'x' is named twice");
    }
}

TEST_CASE("a font without a MATH table is an error at the object", "[math]") {
    MathSpec m = spec_of("a+b");
    m.font = "sans";
    try {
        build(m);
        FAIL("expected an InputError");
    } catch (const InputError& e) {
        CHECK(e.mark().line == 4);
        CHECK(e.message().find("MATH") != std::string::npos);
    }
}

TEST_CASE("a larger font size scales the formula", "[math]") {
    MathSpec small = spec_of("x^2");
    MathSpec large = small;
    large.font_size = 96;
    const Built bs = build(small), bl = build(large);
    const BBox a = bs.table.bounds(bs.index), b = bl.table.bounds(bl.index);
    CHECK(b.width() == Approx(2 * a.width()).epsilon(1e-6));
    CHECK(b.height() == Approx(2 * a.height()).epsilon(1e-6));
}

TEST_CASE("a word of a formula is a part by its letters", "[math]") {
    MathSpec m = spec_of("\\operatorname{softmax}(x) + \\text{if } y");
    m.parts = {{"word", "softmax", {}}, {"end", "max", {}}, {"whole", "\\operatorname{softmax}", {}},
               {"cond", "if", {}}};
    const Built b = build(m);
    CHECK(b.table.leaves(*b.table.find("f.word")).size() == 7);
    CHECK(b.table.leaves(*b.table.find("f.end")).size() == 3);
    CHECK(b.table.leaves(*b.table.find("f.whole")).size() == 7);
    CHECK(b.table.leaves(*b.table.find("f.cond")).size() == 2);
}

TEST_CASE("a word not spelt out in the source is a part only as a whole", "[math]") {
    MathSpec whole = spec_of("\\log x");
    whole.parts = {{"log", "\\log", {}}};
    const Built b = build(whole);
    CHECK(b.table.leaves(*b.table.find("f.log")).size() == 3);
    MathSpec letters = spec_of("\\log x");
    letters.parts = {{"g", "g", {}}};  // the g inside "\log" is not a piece of its own
    CHECK_THROWS_AS(build(letters), InputError);
}
