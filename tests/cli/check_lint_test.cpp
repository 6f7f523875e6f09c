// `attnreel check` warns about likely mistakes with file:line:col (errors with --strict),
// and lists every id a scene defines with --ids.
#include "process_support.hpp"

#include <catch2/catch.hpp>

using namespace attnreel;
using namespace attnreel::test;

namespace {

const std::string kForgotten = "objects:\n"
                               "  - {id: shown, circle: {radius: 1}}\n"
                               "  - {id: ghost, text: Boo, move_to: [0, 2]}\n"
                               "timeline:\n"
                               "  - play: {create: shown}\n";

}  // namespace

TEST_CASE("check prints warnings with their place and still succeeds", "[cli][lint]") {
    ScratchDir dir;
    write_bytes(dir.path / "scene.yaml", kForgotten);
    const Run r = run("check scene.yaml", dir.path);
    INFO(r.output);
    CHECK(r.exit_code == 0);
    CHECK_THAT(r.output, Catch::Contains("warning: scene.yaml:3:5: 'ghost' is declared but never shown"));
    CHECK_THAT(r.output, Catch::Contains("duration 1.00 s"));
}

TEST_CASE("check --strict makes warnings errors", "[cli][lint]") {
    ScratchDir dir;
    write_bytes(dir.path / "scene.yaml", kForgotten);
    const Run r = run("check scene.yaml --strict", dir.path);
    INFO(r.output);
    CHECK(r.exit_code == 2);
    CHECK_THAT(r.output, Catch::Contains("error: scene.yaml:3:5: 'ghost' is declared but never shown"));
    CHECK_THAT(r.output, Catch::Contains("1 warning, which --strict counts as errors"));
}

TEST_CASE("check --strict passes every example", "[cli][lint][examples]") {
    for (const auto& entry : fs::directory_iterator(fs::path(ATTNREEL_SOURCE_DIR) / "examples")) {
        if (entry.path().extension() != ".yaml") continue;
        const Run r = run("check --strict " + quoted(entry.path()));
        INFO(r.output);
        CHECK(r.exit_code == 0);
    }
}

TEST_CASE("check --ids lists every id, generated ones included, with its kind and line", "[cli][lint]") {
    ScratchDir dir;
    write_bytes(dir.path / "scene.yaml", "data: {tokens: [the, cat]}\n"
                                         "objects:\n"
                                         "  - {id: row, token_row: {tokens: $tokens}}\n"
                                         "  - id: hm\n"
                                         "    heatmap: {values: [[0.5, 0.5], [0.1, 0.9]]}\n"
                                         "timeline:\n"
                                         "  - add: [row, hm]\n");
    const Run r = run("check scene.yaml --ids", dir.path);
    INFO(r.output);
    CHECK(r.exit_code == 0);
    CHECK_THAT(r.output, Catch::Matches("(.|\n)*\nrow +group +3\n(.|\n)*"));
    CHECK_THAT(r.output, Catch::Matches("(.|\n)*\nrow\\[1\\]\\.label +text +3\n(.|\n)*"));
    CHECK_THAT(r.output, Catch::Matches("(.|\n)*\nhm\\.row\\[1\\] +group +4\n(.|\n)*"));
    CHECK_THAT(r.output, Catch::Matches("(.|\n)*\nhm\\[1\\]\\[0\\]\\.box +shape +4\n(.|\n)*"));
    CHECK_THAT(r.output, !Catch::Contains("duration"));
}
