#include "core/error.hpp"

#include <catch2/catch.hpp>

#include <chrono>

using namespace attnreel;

namespace {

const std::vector<std::string> animations = {"create", "write", "fade_in", "fade_out", "grow_arrow",
                                             "grow_from_center", "transform", "set", "indicate"};

}  // namespace

TEST_CASE("nearest_word finds the intended word behind a typo", "[error]") {
    CHECK(nearest_word("grwo_arrow", animations) == "grow_arrow");  // swapped letters
    CHECK(nearest_word("fade_ot", animations) == "fade_out");       // missing letter
    CHECK(nearest_word("creatte", animations) == "create");         // extra letter
    CHECK(nearest_word("transfrom", animations) == "transform");
}

TEST_CASE("nearest_word ignores letter case", "[error]") {
    CHECK(nearest_word("CREATE", animations) == "create");
    CHECK(nearest_word("Fade_In", animations) == "fade_in");
}

TEST_CASE("nearest_word suggests nothing for a different word", "[error]") {
    CHECK(nearest_word("explode_everything", animations).empty());
    CHECK(nearest_word("zzzzzzzz", animations).empty());
    CHECK(nearest_word("create", {}).empty());
}

TEST_CASE("nearest_word tolerates about a third of a long word changed", "[error]") {
    const std::vector<std::string> candidates = {"ease_in_out_cubic"};  // 17 letters: 5 edits allowed
    CHECK(nearest_word("ease_in_out_cubXXX", candidates) == "ease_in_out_cubic");  // 3 edits
    CHECK(nearest_word("eaXX_in_XXX_cubic", candidates) == "ease_in_out_cubic");   // 5 edits
    CHECK(nearest_word("XXXX_in_XXX_XXbic", candidates).empty());                  // 9 edits
}

TEST_CASE("did_you_mean phrases the suggestion or says nothing", "[error]") {
    CHECK(did_you_mean("grwo_arrow", animations) == "; did you mean 'grow_arrow'?");
    CHECK(did_you_mean("zzzzzzzz", animations).empty());
}

TEST_CASE("a SourceMark prints as file:line:col, dropping unknown parts", "[error]") {
    CHECK(SourceMark{"scene.yaml", 14, 9}.to_string() == "scene.yaml:14:9");
    CHECK(SourceMark{"scene.yaml", 14, 0}.to_string() == "scene.yaml:14");
    CHECK(SourceMark{"scene.yaml", 0, 0}.to_string() == "scene.yaml");
    CHECK(SourceMark{"", 3, 2}.to_string() == "<input>:3:2");
}

TEST_CASE("an InputError keeps its mark and message apart and prefixes what()", "[error]") {
    const InputError e(SourceMark{"scene.yaml", 14, 9}, "unknown animation 'grwo_arrow'");
    CHECK(std::string(e.what()) == "scene.yaml:14:9: unknown animation 'grwo_arrow'");
    CHECK(e.message() == "unknown animation 'grwo_arrow'");
    CHECK(e.mark().line == 14);
    CHECK(e.mark().column == 9);
    CHECK(e.mark().file == "scene.yaml");
    const InputError unplaced("no scene given");
    CHECK(std::string(unplaced.what()) == "<input>: no scene given");
}

TEST_CASE("nearest_word costs little for words and names far longer than any real one", "[error][limits]") {
    // Each comparison costs the product of the lengths: a 30k-character unknown id against
    // 100,000 ids took 15 s of CPU, and long names against a long word more.
    std::vector<std::string> ids;
    for (int i = 0; i < 100000; ++i) ids.push_back(std::to_string(i).insert(0, 1, 'c'));
    for (int i = 0; i < 20; ++i) ids.push_back(std::string(30000, 'c') + std::to_string(i));
    const auto start = std::chrono::steady_clock::now();
    CHECK(nearest_word(std::string(30000, 'c'), ids).empty());
    CHECK(nearest_word("c12345x", ids) == "c12345");
    CHECK(std::chrono::steady_clock::now() - start < std::chrono::seconds(2));
}
