// Token colours: a token_row's palette and per-token colours, the default palette cycling,
// heatmap labels of $tokens in the same colours, and bad colour keys at file:line:col.
#include "loader_test_support.hpp"

using namespace attnreel;
using namespace attnreel::testing;

namespace {

Color hex(const char* text) { return *parse_color(text); }

std::string row(const std::string& keys) {
    return scene_with("  - id: row\n"
                      "    token_row: {tokens: [a, b, c, d, e, f, g, h]" + keys + "}\n");
}

}  // namespace

TEST_CASE("token_row outlines each token in the default palette, cycling", "[loader][widgets][tokens]") {
    const Scene s = compiled(row(""));
    const char* expected[] = {"#FF6B6B", "#4ECDC4", "#45B7D1", "#FFA07A", "#98D8C8", "#F7DC6F", "#FF6B6B", "#4ECDC4"};
    for (int i = 0; i < 8; ++i) {
        const Object& box = object_named(s, "row[" + std::to_string(i) + "].box");
        CHECK(box.style.stroke == hex(expected[i]));
        CHECK(token_color(default_token_palette(), i) == hex(expected[i]));
        // The fill is a dark tint of the same colour, opaque, so the label stays readable.
        CHECK(box.style.fill == mix_oklab(hex("#1e293b"), hex(expected[i]), 0.22));
        CHECK(box.style.fill_opacity == 1);
    }
}

TEST_CASE("token_row takes a palette or a colour per token", "[loader][widgets][tokens]") {
    SECTION("a palette cycles") {
        const Scene s = compiled(row(", palette: ['#102030', '#405060']"));
        CHECK(object_named(s, "row[0].box").style.stroke == hex("#102030"));
        CHECK(object_named(s, "row[1].box").style.stroke == hex("#405060"));
        CHECK(object_named(s, "row[4].box").style.stroke == hex("#102030"));
    }
    SECTION("a list of colours, ~ keeping the palette's") {
        const Scene s = compiled(row(", colors: [~, '#00ff00', ~, ~, ~, ~, ~, red]"));
        CHECK(object_named(s, "row[0].box").style.stroke == hex("#FF6B6B"));
        CHECK(object_named(s, "row[1].box").style.stroke == hex("#00ff00"));
        CHECK(object_named(s, "row[7].box").style.stroke == hex("red"));
    }
    SECTION("a map by token text or index") {
        const Scene s = compiled(row(", colors: {c: '#123456', 4: '#654321'}"));
        CHECK(object_named(s, "row[2].box").style.stroke == hex("#123456"));
        CHECK(object_named(s, "row[4].box").style.stroke == hex("#654321"));
        CHECK(object_named(s, "row[3].box").style.stroke == hex("#FFA07A"));
    }
    SECTION("palette: none gives the neutral boxes") {
        const Scene s = compiled(row(", palette: none"));
        CHECK(object_named(s, "row[0].box").style.stroke == hex("#475569"));
        CHECK(object_named(s, "row[0].box").style.fill == hex("#1e293b"));
    }
}

TEST_CASE("heatmap labels of $tokens take the tokens' colours", "[loader][widgets][tokens]") {
    const Scene s = compiled("data:\n  tokens: [the, cat, sat]\n" +
                             scene_with("  - id: row\n"
                                        "    token_row: {tokens: $tokens}\n"
                                        "  - id: hm\n"
                                        "    heatmap: {values: [[1, 2, 3], [4, 5, 6]], rows: [x, y], columns: $tokens}\n"));
    for (int j = 0; j < 3; ++j) {
        const std::string i = std::to_string(j);
        CHECK(object_named(s, "hm.columns[" + i + "]").style.fill == object_named(s, "row[" + i + "].box").style.stroke);
    }
    // Written labels are not tokens: they keep the neutral label grey.
    CHECK(object_named(s, "hm.rows[0]").style.fill == hex("#cbd5e1"));
    CHECK(object_named(s, "hm.rows[1]").style.fill == hex("#cbd5e1"));

    const Scene given = compiled(scene_with("  - id: hm\n"
                                            "    heatmap: {values: [[1, 2]], rows: [x], columns: [p, q], "
                                            "palette: ['#0000ff']}\n"));
    CHECK(object_named(given, "hm.columns[1]").style.fill == hex("#0000ff"));
    CHECK(object_named(given, "hm.rows[0]").style.fill == hex("#0000ff"));
}

TEST_CASE("bad token colours are errors at their place", "[loader][widgets][tokens][errors]") {
    check_exact(error_of(row(", palette: [red, bleu]")), 3, 66, "unknown colour 'bleu'; did you mean 'blue'?");
    check_exact(error_of(row(", palette: rainbow")), 3, 60,
                "expected a list of colours for 'palette' (cycled over the tokens), or 'none'");
    check_exact(error_of(row(", colors: [red, blue]")), 3, 59,
                "expected 8 colours in 'colors', one per token (~ keeps the palette's), found 2");
    check_exact(error_of(row(", colors: {cc: red}")), 3, 60, "'cc' is not one of the tokens; did you mean 'c'?");
    check_exact(error_of(row(", pallete: [red]")), 3, 51, "unknown key 'pallete' in token_row; did you mean 'palette'?");
}
