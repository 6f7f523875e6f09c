// Text shown as written: tokens and code keep "->", "=>", "2x2" and "<0x0A>" character for
// character, prose keeps the font's ligatures, `font_features` changes either; a character
// no font has is an error at the text's line and column.
#include "loader_test_support.hpp"

using namespace attnreel;
using namespace attnreel::testing;

namespace {

std::size_t glyphs_of(const Scene& scene, const std::string& id) { return object_named(scene, id).parts.size(); }

}  // namespace

TEST_CASE("token labels show their text as written: '->' is two glyphs, not an arrow", "[io][text]") {
    const Scene s = compiled(scene_with("  - {id: row, token_row: {tokens: ['->', '=>', '<0x0A>']}}\n"));
    CHECK(glyphs_of(s, "row[0].label") == 2);
    CHECK(glyphs_of(s, "row[1].label") == 2);
    CHECK(glyphs_of(s, "row[2].label") == 6);
    // Asked for, the font's contextual alternates come back: Inter draws '->' as one arrow.
    const Scene arrows = compiled(scene_with("  - {id: row, token_row: {tokens: ['->'], font_features: [calt]}}\n"));
    CHECK(glyphs_of(arrows, "row[0].label") == 1);
}

TEST_CASE("prose keeps the font's features, code and font_features: [as_written] do not", "[io][text]") {
    const Scene s = compiled(scene_with("  - {id: prose, text: 'a -&gt; b'}\n"
                                        "  - {id: code, text: 'a -&gt; b', font: mono}\n"
                                        "  - {id: span, text: 'a <tt>-&gt;</tt> b'}\n"
                                        "  - {id: plain, text: 'a -&gt; b', font_features: [as_written]}\n"
                                        "  - {id: graph, attention_graph: {tokens: ['->'], weights: [[1]]}}\n"));
    CHECK(glyphs_of(s, "prose") == 3);  // a, the arrow, b
    CHECK(glyphs_of(s, "code") == 4);
    CHECK(glyphs_of(s, "span") == 4);
    CHECK(glyphs_of(s, "plain") == 4);
    CHECK(glyphs_of(s, "graph.sources[0].label") == 2);
}

TEST_CASE("font_features errors name the line, the column and the nearest feature", "[io][text]") {
    check_exact(error_of(scene_with("  - {id: t, text: hi, font_features: [ligaa]}\n")), 2, 39,
                "unknown font feature 'ligaa'; did you mean 'liga'? (expected an OpenType tag such as liga, -calt or "
                "ss01=1, or as_written)");
    check_exact(error_of(scene_with("  - {id: r, rectangle: {}, font_features: [liga]}\n")), 2, 28,
                "'font_features' applies to text, and 'r' is a rectangle");
}

TEST_CASE("a character no bundled font has is an error at the text naming it", "[io][text]") {
    check_exact(error_of(scene_with("  - id: note\n"
                                    "    text: 'attention \xF0\x9F\x9A\x80'\n")),
                3, 11,
                "no font of the scene has '\xF0\x9F\x9A\x80' (U+1F680), an emoji: the bundled fonts have no colour "
                "emoji; add a font that has it to scene: {fonts: [...]}, or leave it out");
    const InputError token = error_of(scene_with("  - {id: row, token_row: {tokens: [ok, '\xF0\x9F\xA6\x80']}}\n"));
    CHECK(token.mark().line == 2);
    CHECK_THAT(token.message(), Catch::Contains("U+1F980"));
}
