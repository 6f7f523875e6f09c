// Text entries with markup and layout keys, through the loader and compile: markup errors
// name the line and column of the mistake inside the text, layout keys are checked, and
// span colours win over the entry's colour.
#include "loader_test_support.hpp"

#include <filesystem>
#include <fstream>

using namespace attnreel;
using namespace attnreel::testing;


TEST_CASE("markup errors point into a plain text value", "[loader][markup]") {
    check_exact(error_of(scene_with("  - id: t\n    text: Hello <bold>world</bold>\n")), 3, 17,
          "unknown tag '<bold>'; did you mean 'b'? (expected one of b, i, tt, sub, sup, span)");
    check_exact(error_of(scene_with("  - {id: t, text: a <b>b}\n")), 2, 21, "'<b>' is never closed; add '</b>'");
    check_exact(error_of(scene_with("  - id: t\n    text: <b>x <i>y</b></i>\n")), 3, 20,
          "'</b>' does not match the open '<i>'; close that first");
}

TEST_CASE("markup errors point into a single-quoted value", "[loader][markup]") {
    // The doubled quote is one byte of the value and two in the file.
    check_exact(error_of(scene_with("  - id: t\n    text: 'It''s <span colr=\"red\">x</span>'\n")), 3, 24,
          "unknown attribute 'colr' of <span>; did you mean 'color'? (expected color, weight, style or font)");
}

TEST_CASE("markup errors point at their own line in a block scalar", "[loader][markup]") {
    const std::string yaml = scene_with("  - id: t\n"
                                        "    width: 5\n"
                                        "    text: |\n"
                                        "      First line is fine,\n"
                                        "      the second has <span color=\"#F59E0\">a bad colour</span>.\n");
    check_exact(error_of(yaml), 6, 35, "'#F59E0' is not a colour: use #rrggbb or #rrggbbaa");
    check_exact(error_of(scene_with("  - id: t\n    text: |\n      one\n      two &nbsp; three\n")), 5, 11,
          "unknown entity '&nbsp;' (expected &lt; &gt; &amp; &quot; &apos; or &#N;)");
}

TEST_CASE("markup errors in a double-quoted value point at the value", "[loader][markup]") {
    check_exact(error_of(scene_with("  - id: t\n    text: \"tab\\there <x>\"\n")), 3, 11,
          "unknown tag '<x>'; did you mean 'b'? (expected one of b, i, tt, sub, sup, span)");
}

TEST_CASE("markup errors in a scene file on disk point into the file", "[loader][markup]") {
    const auto path = std::filesystem::temp_directory_path() / "attnreel_rich_text_error.yaml";
    {
        std::ofstream out(path);
        out << "objects:\n  - id: t\n    text: fine <i>unclosed\ntimeline: []\n";
    }
    try {
        load_scene_file(path.string());
        FAIL("expected an InputError");
    } catch (const InputError& e) {
        CHECK(e.mark().line == 3);
        CHECK(e.mark().column == 16);
        CHECK(e.message() == "'<i>' is never closed; add '</i>'");
    }
    std::filesystem::remove(path);
}

TEST_CASE("layout keys of text are checked", "[loader][errors]") {
    check_exact(error_of(scene_with("  - {id: t, text: Hi, align: middle}\n")), 2, 30,
          "unknown alignment 'middle' for text; did you mean 'center'? (expected left, center or right)");
    check_exact(error_of(scene_with("  - {id: t, text: Hi, align: rigth}\n")), 2, 30,
          "unknown alignment 'rigth' for text; did you mean 'right'? (expected left, center or right)");
    check_exact(error_of(scene_with("  - {id: t, text: Hi, width: 0}\n")), 2, 30,
          "'width' must be between 0.001 and 1000, found 0");
    check_exact(error_of(scene_with("  - {id: t, text: Hi, width: wide}\n")), 2, 30,
          "expected a number for 'width', found 'wide'");
    check_exact(error_of(scene_with("  - {id: t, text: Hi, line_spacing: 0.1}\n")), 2, 37,
          "'line_spacing' must be between 0.5 and 5, found 0.1");
    check_exact(error_of(scene_with("  - {id: t, text: Hi, line_spacng: 2}\n")), 2, 23,
          "unknown key 'line_spacng' in an object; did you mean 'line_spacing'?");
    check_exact(error_of(scene_with("  - {id: box, rectangle: {}, width: 2}\n")), 2, 30,
          "'width' applies to text, and 'box' is a rectangle");
}

TEST_CASE("span colours win over the entry's colour, which still colours the rest", "[loader][markup]") {
    const Scene s = compiled(scene_with("  - id: t\n"
                                        "    text: 'plain <span color=\"red\">red</span> plain'\n"
                                        "    color: blue\n"
                                        "    opacity: 0.5\n"));
    const std::size_t t = *s.objects.find("t");
    REQUIRE(s.objects[t].is_group());
    const Object& before = s.objects[*s.objects.find("t.span[0]")];
    const Object& red = s.objects[*s.objects.find("t.span[1]")];
    const Object& after = s.objects[*s.objects.find("t.span[2]")];
    CHECK(before.style.fill == *parse_color("blue"));
    CHECK(after.style.fill == *parse_color("blue"));
    CHECK(red.style.fill == *parse_color("red"));
    // Opacity and the rest of the entry's style reach every leaf.
    for (const Object* leaf : {&before, &red, &after}) {
        CHECK(leaf->style.fill_opacity == Approx(0.5));
        CHECK_FALSE(leaf->style.has_stroke());
    }
}

TEST_CASE("a text all in one span colour keeps it over the entry's colour", "[loader][markup]") {
    const Scene s = compiled(scene_with("  - {id: t, text: '<span color=\"red\">all red</span>', color: blue}\n"));
    const Object& t = s.objects[*s.objects.find("t")];
    CHECK(t.shape == ObjectShape::Text);
    CHECK(t.style.fill == *parse_color("red"));
}

TEST_CASE("span leaves can be animated and referred to by id", "[loader][markup]") {
    const Scene s = compiled("objects:\n"
                             "  - id: t\n"
                             "    text: 'a <span color=\"red\">b</span> c'\n"
                             "    width: 3\n"
                             "    align: left\n"
                             "    line_spacing: 1.3\n"
                             "  - id: dot\n"
                             "    dot: {}\n"
                             "    next_to: t.span[1]\n"
                             "timeline:\n"
                             "  - play: {write: t}\n"
                             "  - play: {indicate: 't.span[1]'}\n");
    CHECK(s.objects.find("t.span[2]"));
    CHECK(s.objects.leaves(*s.objects.find("t")).size() == 3);
}

TEST_CASE("sup and sub draw smaller, raised and lowered glyphs on the line", "[loader][markup]") {
    const Scene s = compiled(scene_with("  - {id: plain, text: 'x2 x2'}\n"
                                        "  - {id: marked, text: 'x<sup>2</sup> x<sub>2</sub>'}\n"));
    const auto& plain = object_named(s, "plain").parts;
    const auto& marked = object_named(s, "marked").parts;
    REQUIRE(plain.size() == 4);
    REQUIRE(marked.size() == 4);
    const BBox x = marked[0].bounds(), sup = marked[1].bounds(), sub = marked[3].bounds();
    const BBox two = plain[1].bounds();
    CHECK(sup.height() == Catch::Detail::Approx(0.7 * two.height()).epsilon(0.02));
    CHECK(sub.height() == Catch::Detail::Approx(0.7 * two.height()).epsilon(0.02));
    CHECK(sup.max.y() > x.max.y());        // above the x's top
    CHECK(sub.min.y() < x.min.y() - 0.02);  // below its baseline
    CHECK(sup.min.x() >= x.max.x() - 0.01);  // after the x, not on it
}

TEST_CASE("a sub inside a sup is a level smaller and hangs from the superscript's baseline", "[loader][markup]") {
    const Scene s = compiled(scene_with("  - {id: plain, text: 'x22'}\n"
                                        "  - {id: nested, text: 'x<sup>2<sub>2</sub></sup>'}\n"));
    const auto& plain = object_named(s, "plain").parts;
    const auto& nested = object_named(s, "nested").parts;
    REQUIRE(nested.size() == 3);
    const BBox x = nested[0].bounds(), sup = nested[1].bounds(), inner = nested[2].bounds();
    const double two = plain[1].bounds().height();
    CHECK(sup.height() == Catch::Detail::Approx(0.7 * two).epsilon(0.02));
    CHECK(inner.height() == Catch::Detail::Approx(0.49 * two).epsilon(0.02));
    CHECK(inner.min.y() < sup.min.y());  // lowered from the superscript's baseline
    CHECK(inner.min.y() > x.min.y());    // yet above the line's own baseline
}
