// The fuzzer's dictionary (tests/fuzz/scene.dict) holds the grammar's words, so that the
// fuzzer can reach every kind, animation and rate function; a new one must be added there.
#include "core/rate_functions.hpp"
#include "io/object_loader.hpp"
#include "io/timeline_loader.hpp"

#include <catch2/catch.hpp>

#include <fstream>
#include <sstream>

using namespace attnreel;

TEST_CASE("the fuzz dictionary names every object kind, animation and rate function", "[loader][fuzz]") {
    std::ifstream in(std::string(ATTNREEL_SOURCE_DIR) + "/tests/fuzz/scene.dict");
    REQUIRE(in);
    std::stringstream text;
    text << in.rdbuf();
    std::vector<std::string> words = object_kind_names();
    for (const auto& w : animation_names()) words.push_back(w);
    for (const auto& w : rate_function_names()) words.push_back(w);
    for (const auto& w : words) {
        INFO(w);
        CHECK(text.str().find("\"" + w + "\"\n") != std::string::npos);
    }
}
