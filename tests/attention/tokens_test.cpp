#include "attention/tokens.hpp"

#include <catch2/catch.hpp>

using namespace attnreel::attention;

TEST_CASE("punctuation tokens are recognised, words are not", "[tokens]") {
    for (const char* token : {".", ",", "?!", "—", "…", "。", "Ġ,", "▁.", " ;"}) {
        INFO(token);
        CHECK(is_punctuation(token));
    }
    for (const char* token : {"cat", "a.", "", " ", "Ġ", "3", "é"}) {
        INFO(token);
        CHECK_FALSE(is_punctuation(token));
    }
}

TEST_CASE("display width counts code points", "[tokens]") {
    CHECK(display_width("cat") == 3);
    CHECK(display_width("Größe") == 5);
    CHECK(display_width("…") == 1);
    CHECK(display_width("") == 0);
}

TEST_CASE("token lists split on any whitespace", "[tokens]") {
    CHECK(split_tokens("The cat  sat\ton\n") == std::vector<std::string>{"The", "cat", "sat", "on"});
    CHECK(split_tokens("   ").empty());
    CHECK(split_tokens("Größe .") == std::vector<std::string>{"Größe", "."});
}

TEST_CASE("placeholder tokens are the positions", "[tokens]") {
    CHECK(placeholder_tokens(3) == std::vector<std::string>{"0", "1", "2"});
    CHECK(placeholder_tokens(0).empty());
}
