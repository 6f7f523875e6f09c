// The lint of `attnreel check`: each mistake in a seeded bad scene is found at its
// file:line:col, and the examples (and lessons) are clean.
#include "io/scene_file.hpp"
#include "io/scene_loader.hpp"
#include "lint/lint.hpp"
#include "timeline/compile_scene.hpp"

#include <catch2/catch.hpp>

#include <filesystem>

using namespace attnreel;

namespace {

text::FontLibrary& fonts() {
    static text::FontLibrary library;
    return library;
}

std::vector<lint::Warning> lint_of(const std::string& yaml) {
    const SceneSpec spec = parse_scene(yaml, "bad.yaml");
    const Scene scene = compile_scene(spec, fonts());
    return lint::lint_scene(spec, scene, fonts());
}

std::string all(const std::vector<lint::Warning>& warnings) {
    std::string text;
    for (const auto& w : warnings) text += w.to_string() + "\n";
    return text;
}

// The one warning of `yaml`: at line:column, saying `fragment`.
void check_one(const std::string& yaml, int line, int column, const std::string& fragment) {
    const auto warnings = lint_of(yaml);
    INFO(all(warnings));
    REQUIRE(warnings.size() == 1);
    CHECK(warnings[0].mark.file == "bad.yaml");
    CHECK(warnings[0].mark.line == line);
    CHECK(warnings[0].mark.column == column);
    CHECK_THAT(warnings[0].message, Catch::Contains(fragment));
}

void check_none(const std::string& yaml) {
    const auto warnings = lint_of(yaml);
    INFO(all(warnings));
    CHECK(warnings.empty());
}

}  // namespace

TEST_CASE("text that runs off the right edge is partly outside the frame", "[lint]") {
    check_one("objects:\n"
              "  - id: title\n"
              "    text: A title far too long to fit where it was put\n"
              "    move_to: [5, 3]\n"
              "timeline:\n"
              "  - play: {write: title}\n",
              2, 5, "'title' is partly outside the frame after the step at line 6 (t = 1.00 s): its right side reaches x = ");
}

TEST_CASE("a shape moved off the bottom by a later step is caught at that step", "[lint]") {
    check_one("objects:\n"
              "  - {id: box, rectangle: {width: 2, height: 1}}\n"
              "timeline:\n"
              "  - play: {create: box}\n"
              "  - play: {set: box, shift: [0, -3.8]}\n",
              2, 5, "after the step at line 5 (t = 2.00 s): its bottom side reaches y = -4.30 (the frame ends at -4.00)");
}

TEST_CASE("objects inside the frame, or a backdrop larger than it, are not outside", "[lint]") {
    check_none("objects:\n"
               "  - {id: backdrop, rectangle: {width: 16, height: 9}, fill: slate_800, z: -1}\n"
               "  - {id: box, rectangle: {width: 14, height: 7.9}}\n"
               "timeline:\n"
               "  - add: [backdrop, box]\n");
}

TEST_CASE("text placed on other text is an overlap, reported at the later entry", "[lint]") {
    check_one("objects:\n"
              "  - {id: a, text: Query}\n"
              "  - {id: b, text: Key, move_to: [0.3, 0.1]}\n"
              "timeline:\n"
              "  - add: [a, b]\n",
              3, 5, "the text of 'b' overlaps the text of 'a' (line 2) after the step at line 5");
}

TEST_CASE("texts side by side, the pieces of one formula, and a text hidden before the other shows do not overlap",
          "[lint]") {
    check_none("objects:\n"
               "  - {id: a, text: Query, move_to: [-2, 0]}\n"
               "  - {id: b, text: Key, move_to: [2, 0]}\n"
               "  - {id: f, math: 'x^2_i + \\frac{a}{b}', move_to: [0, 2]}\n"
               "  - {id: c, text: first, move_to: [0, -2]}\n"
               "  - {id: d, text: second, move_to: [0, -2]}\n"
               "timeline:\n"
               "  - add: [a, b, f, c]\n"
               "  - play: {transform: c, to: d}\n");
}

TEST_CASE("an object declared but never shown is reported at its entry", "[lint]") {
    check_one("objects:\n"
              "  - {id: shown, circle: {radius: 1}}\n"
              "  - {id: forgotten, text: Hello, move_to: [0, 2]}\n"
              "timeline:\n"
              "  - play: {create: shown}\n",
              3, 5, "'forgotten' is declared but never shown");
}

TEST_CASE("an object shown as a transform's target, or through its group, counts as shown", "[lint]") {
    check_none("objects:\n"
               "  - {id: a, circle: {radius: 1}}\n"
               "  - {id: b, rectangle: {}}\n"
               "  - {id: c, dot: {}, move_to: [3, 0]}\n"
               "  - {id: both, group: [a, c]}\n"
               "timeline:\n"
               "  - add: both\n"
               "  - play: {transform: a, to: b}\n");
}

TEST_CASE("inline attention weights that do not sum to 1 are pointed at", "[lint]") {
    check_one("objects:\n"
              "  - {id: row, token_row: {tokens: [The, cat, sat]}}\n"
              "  - id: arrows\n"
              "    attention_arrows: {row: row, source: 1, weights: [0.2, 0.5, 0.4]}\n"
              "timeline:\n"
              "  - add: row\n"
              "  - play: {grow_arrow: arrows}\n",
              4, 54, "the weights of 'arrows' sum to 1.1, not 1");
}

TEST_CASE("a heatmap row of weights that does not sum to 1 is pointed at, scores are left alone", "[lint]") {
    check_one("objects:\n"
              "  - id: w\n"
              "    heatmap:\n"
              "      values:\n"
              "        - [0.5, 0.5, 0]\n"
              "        - [0.2, 0.7, 0.3]\n"
              "        - [0.1, 0.1, 0.8]\n"
              "timeline:\n"
              "  - add: w\n",
              6, 11, "row 1 of 'w' sums to 1.2, not 1");
    check_none("objects:\n"
               "  - id: scores\n"
               "    heatmap: {values: [[1.5, -0.2], [0.3, 2.4]]}\n"
               "timeline:\n"
               "  - add: scores\n");
}

TEST_CASE("a tab from \"theta\" in double quotes is a formula mistake with single quotes as the fix", "[lint]") {
    check_one("objects:\n"
              "  - id: angle\n"
              "    math: \"\\theta + x\"\n"  // "\alpha" would make a bell, which the loader refuses
              "timeline:\n"
              "  - add: angle\n",
              3, 11,
              "the formula 'angle' holds a tab: in YAML double quotes \"\\theta\" is a tab and \"heta\": write formulas in "
              "single quotes, as '\\theta'");
}

TEST_CASE("a newline in a formula is white space unless it began a command", "[lint]") {
    check_none("objects:\n"
               "  - id: sum\n"
               "    math: |\n"
               "      a +\n"
               "      b\n"
               "timeline:\n"
               "  - add: sum\n");
    check_one("objects:\n"
              "  - id: grad\n"
              "    math: \"\\nabla f\"\n"
              "timeline:\n"
              "  - add: grad\n",
              3, 11, "holds a line break: in YAML double quotes \"\\nabla\" is a line break and \"abla\"");
}

TEST_CASE("a control character in a text is reported, its lines are not", "[lint]") {
    check_one("objects:\n"
              "  - id: label\n"
              "    text: \"angle\\tθ\\nsecond line\"\n"
              "timeline:\n"
              "  - add: label\n",
              3, 11, "the text of 'label' holds a tab: in YAML double quotes \"\\t\" is a tab: write texts in single quotes");
}

TEST_CASE("every example and lesson is free of warnings", "[lint][examples]") {
    namespace fs = std::filesystem;
    std::vector<fs::path> scenes;
    for (const char* folder : {"examples", "scenes"}) {
        const fs::path dir = fs::path(ATTNREEL_SOURCE_DIR) / folder;
        if (!fs::is_directory(dir)) continue;
        for (const auto& entry : fs::directory_iterator(dir))
            if (entry.path().extension() == ".yaml" && entry.path().filename() != "attnreel.yaml")
                scenes.push_back(entry.path());
    }
    REQUIRE(!scenes.empty());
    for (const auto& path : scenes) {
        text::FontLibrary library;
        const LoadedScene loaded = load_scene(path.string(), library);
        const auto warnings = lint::lint_scene(loaded.spec, loaded.scene, library);
        INFO(path.string() << "\n" << all(warnings));
        CHECK(warnings.empty());
    }
}
