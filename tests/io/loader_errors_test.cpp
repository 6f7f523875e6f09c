// Bad scene files: each must fail with an InputError that names file:line:col, says what
// was expected and, for a misspelt word, suggests the right one. Lines and columns are
// 1-based and point at the offending key or value.
#include "loader_test_support.hpp"

#include <filesystem>
#include <fstream>

using namespace attnreel;
using namespace attnreel::testing;

namespace {

void check(const InputError& e, int line, int column, const std::string& fragment) {
    INFO(e.what());
    CHECK(e.mark().file == "bad.yaml");
    CHECK(e.mark().line == line);
    CHECK(e.mark().column == column);
    CHECK_THAT(e.what(), Catch::Contains(fragment));
    // The printed message starts with the location, as compilers print theirs.
    CHECK_THAT(e.what(), Catch::StartsWith("bad.yaml:" + std::to_string(line) + ":" + std::to_string(column) + ": "));
}

const std::string kBox = "objects:\n  - {id: box, rectangle: {width: 1}}\n";

}  // namespace

TEST_CASE("malformed YAML reports the parser's position", "[loader][errors]") {
    check(error_of("objects:\n  - {id: a, text: \"x\"\ntimeline: []\n"), 3, 1, "invalid YAML");
}

TEST_CASE("an unknown top-level key suggests the nearest one", "[loader][errors]") {
    check(error_of("objets: []\ntimeline: []\n"), 1, 1, "unknown key 'objets' in the scene file; did you mean 'objects'?");
}

TEST_CASE("a misspelt animation suggests the right name", "[loader][errors]") {
    check(error_of(kBox + "timeline:\n  - wait: 1\n  - play: {grwo_arrow: box}\n"), 5, 12,
          "unknown animation 'grwo_arrow'; did you mean 'grow_arrow'?");
}

TEST_CASE("a misspelt rate function suggests the right name", "[loader][errors]") {
    check(error_of(kBox + "timeline:\n  - play: {create: box, rate_func: smoth}\n"), 4, 36,
          "unknown rate function 'smoth'; did you mean 'smooth'?");
}

TEST_CASE("a misspelt colour suggests the right name", "[loader][errors]") {
    check(error_of("objects:\n  - id: box\n    rectangle: {}\n    fill: rde\ntimeline: []\n"), 4, 11,
          "unknown colour 'rde'; did you mean 'red'?");
}

TEST_CASE("a malformed hex colour says which forms are valid", "[loader][errors]") {
    check(error_of("objects:\n  - id: box\n    rectangle: {}\n    fill: \"#12345\"\ntimeline: []\n"), 4, 11,
          "use #rrggbb or #rrggbbaa");
}

TEST_CASE("a misspelt object key suggests the right one", "[loader][errors]") {
    check(error_of("objects:\n  - id: box\n    rectangle: {}\n    colr: red\ntimeline: []\n"), 4, 5,
          "unknown key 'colr' in an object; did you mean 'color'?");
}

TEST_CASE("a reference to a missing object suggests the nearest id", "[loader][errors]") {
    check(error_of("objects:\n  - {id: title, text: Hi}\ntimeline:\n  - play: {write: titel}\n"), 4, 19,
          "unknown object 'titel'; did you mean 'title'?");
}

TEST_CASE("a layout reference to a missing object is reported where it is written", "[loader][errors]") {
    check(error_of("objects:\n  - id: a\n    text: Hi\n    next_to: {target: nowhere}\ntimeline: []\n"), 4, 23,
          "unknown object 'nowhere'");
}

TEST_CASE("duplicate ids point at the second definition", "[loader][errors]") {
    check(error_of("objects:\n  - {id: a, text: x}\n  - {id: a, text: y}\ntimeline: []\n"), 3, 5,
          "duplicate id 'a' (first defined at line 2)");
}

TEST_CASE("a cycle in layout references is an error, not a hang", "[loader][errors]") {
    const auto e = error_of("objects:\n"
                            "  - {id: a, text: A, next_to: b}\n"
                            "  - {id: b, text: B, next_to: a}\n"
                            "timeline: []\n");
    check(e, 3, 31, "layout cycle: a → b → a");
}

TEST_CASE("a word where a number belongs names the key", "[loader][errors]") {
    check(error_of("objects:\n  - {id: t, text: Hi, font_size: big}\ntimeline: []\n"), 2, 34,
          "expected a number for 'font_size', found 'big'");
}

TEST_CASE("NaN and infinity are rejected", "[loader][errors]") {
    check(error_of(kBox + "timeline:\n  - play: {create: box, run_time: .nan}\n"), 4, 35,
          "'run_time' must be a finite number");
    check(error_of(kBox + "timeline:\n  - wait: .inf\n"), 4, 11, "'wait' must be a finite number");
}

TEST_CASE("negative and absurd frame sizes are rejected before anything is allocated", "[loader][errors]") {
    check(error_of("scene: {size: [-5, 100]}\n" + kBox + "timeline: []\n"), 1, 16,
          "'size width' must be between 16 and 7680, found -5");
    check(error_of("scene: {size: [1920, 100000000]}\n" + kBox + "timeline: []\n"), 1, 22,
          "'size height' must be between 16 and 4320");
}

TEST_CASE("grow_arrow on something that is not an arrow suggests grow_from_center", "[loader][errors]") {
    check(error_of(kBox + "timeline:\n  - play: {grow_arrow: box}\n"), 4, 12, "did you mean 'grow_from_center'?");
}

TEST_CASE("an unknown direction suggests the nearest", "[loader][errors]") {
    check(error_of("objects:\n  - {id: t, text: Hi, to_edge: upp}\ntimeline: []\n"), 2, 32,
          "unknown direction 'upp' for 'to_edge'; did you mean 'up'?");
}

TEST_CASE("an unknown font name suggests the nearest bundled face, at the value", "[loader][errors]") {
    check(error_of("objects:\n  - {id: t, text: Hi, font: sans-blod}\ntimeline: []\n"), 2, 29,
          "did you mean 'sans-bold'?");
    check(error_of("objects:\n  - id: r\n    token_row: {tokens: [a], font: mnoo}\ntimeline: []\n"), 3, 36,
          "unknown font 'mnoo'; did you mean 'mono'?");
}

TEST_CASE("a token that is not in the row is named", "[loader][errors]") {
    check(error_of("objects:\n  - id: r\n    token_row: {tokens: [a, b], highlight: c}\ntimeline: []\n"), 3, 44,
          "'c' is not one of the tokens");
}

TEST_CASE("a missing required key names the key", "[loader][errors]") {
    check(error_of("objects:\n  - {text: Hi}\n"), 2, 5, "an object needs 'id'");
    check(error_of("objects: []\n"), 1, 1, "a scene file needs 'timeline'");
}

TEST_CASE("a file that is missing, a directory or empty fails with its path", "[loader][errors]") {
    const auto dir = std::filesystem::temp_directory_path() / "attnreel_loader_errors";
    std::filesystem::create_directories(dir);
    const auto empty = dir / "empty.yaml";
    std::ofstream(empty) << "\n  \n";
    const auto message_of = [](const std::string& path) -> std::string {
        try {
            load_scene_file(path);
        } catch (const InputError& e) {
            CHECK(e.mark().file == path);
            return e.what();
        }
        FAIL("no error for " << path);
        return "";
    };
    CHECK_THAT(message_of((dir / "missing.yaml").string()), Catch::Contains("missing.yaml: no such file"));
    CHECK_THAT(message_of(dir.string()), Catch::Contains("is a directory"));
    CHECK_THAT(message_of(empty.string()), Catch::Contains("the file is empty"));
    std::filesystem::remove_all(dir);
}

TEST_CASE("a model key meant for another kind of model is an error at the key", "[loader][errors]") {
    check(error_of("data:\n  tokens: [a, b]\n  model: {synthetic: true, d_model: 8}\nobjects: []\ntimeline: []\n"), 3, 28,
          "'d_model' does not apply to a synthetic model");
    check(error_of("data:\n  tokens: [a, b]\n  model: {weights: w.npy, heads: 2}\nobjects: []\ntimeline: []\n"), 3, 27,
          "'heads' does not apply to a model loaded from weights");
}
