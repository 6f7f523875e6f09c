// Backslashes in YAML double quotes: a formula that arrives with a control character says
// which escape made it and that single quotes keep the backslash.
#include "io/yaml_escapes.hpp"
#include "loader_test_support.hpp"

using namespace attnreel;
using namespace attnreel::testing;

TEST_CASE("the control characters of double-quoted escapes are found with the word they swallowed", "[escapes]") {
    const auto tab = find_escaped_character("\theta + 1", false);
    REQUIRE(tab);
    CHECK(tab->offset == 0);
    CHECK(tab->name == "a tab");
    CHECK(tab->written == "\\theta");
    CHECK(find_escaped_character("x\frac", false)->written == "\\frac");
    CHECK(find_escaped_character("a\xe2\x80\xa8mbda", false)->written == "\\Lmbda");
    CHECK_FALSE(find_escaped_character("line one\nline two", true));
    CHECK(find_escaped_character("line one\nline two", false));
    CHECK_FALSE(find_escaped_character("plain text", false));
}

TEST_CASE("in a formula a newline counts only when it began a command", "[escapes]") {
    CHECK_FALSE(find_escaped_character_in_formula("a +\nb"));
    CHECK(find_escaped_character_in_formula("\nabla f")->written == "\\nabla");
    CHECK(find_escaped_character_in_formula("x \neq y")->written == "\\neq");
}

TEST_CASE("a formula error from a double-quoted escape tells to use single quotes", "[loader][escapes]") {
    const InputError e = error_of("objects:\n  - id: f\n    math: \"\\frac{a}{b}\"\ntimeline: []\n");
    CHECK(e.mark().line == 3);
    CHECK_THAT(e.what(), Catch::Contains("in YAML double quotes \"\\frac\" is a form feed and \"rac\": write formulas "
                                         "in single quotes, as '\\frac'"));
}
