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

TEST_CASE("heatmap, attention_graph and attention_network labels take font_features too", "[io][text]") {
    const Scene as_written = compiled(scene_with(
        "  - {id: map, heatmap: {values: [[1]], rows: ['->'], columns: ['->']}}\n"
        "  - {id: graph, attention_graph: {tokens: ['->'], weights: [[1]]}}\n"
        "  - {id: net, attention_network: {tokens: ['->', b], weights: [[0.5, 0.5], [0.5, 0.5]]}}\n"));
    CHECK(glyphs_of(as_written, "map.rows[0]") == 2);
    CHECK(glyphs_of(as_written, "map.columns[0]") == 2);
    CHECK(glyphs_of(as_written, "graph.sources[0].label") == 2);
    CHECK(glyphs_of(as_written, "graph.targets[0].label") == 2);
    CHECK(glyphs_of(as_written, "net.nodes[0].label") == 2);
    // Asked for, Inter's contextual alternates join '->' into one arrow in every label.
    const Scene joined = compiled(scene_with(
        "  - {id: map, heatmap: {values: [[1]], rows: ['->'], columns: ['->'], font_features: [calt]}}\n"
        "  - {id: graph, attention_graph: {tokens: ['->'], weights: [[1]], font_features: [calt]}}\n"
        "  - {id: net, attention_network: {tokens: ['->', b], weights: [[0.5, 0.5], [0.5, 0.5]], "
        "font_features: [calt]}}\n"));
    CHECK(glyphs_of(joined, "map.rows[0]") == 1);
    CHECK(glyphs_of(joined, "map.columns[0]") == 1);
    CHECK(glyphs_of(joined, "graph.sources[0].label") == 1);
    CHECK(glyphs_of(joined, "graph.targets[0].label") == 1);
    CHECK(glyphs_of(joined, "net.nodes[0].label") == 1);
    check_exact(error_of(scene_with("  - {id: g, attention_graph: {tokens: [a], weights: [[1]], font_features: [ligaa]}}\n")),
                2, 76, "unknown font feature 'ligaa'; did you mean 'liga'? (expected an OpenType tag such as liga, -calt or "
                       "ss01=1, or as_written)");
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
