// A scene file is checked before the loader walks it: UTF-8 without NUL bytes, one
// document, nesting within limits::yaml_depth, and at most limits::yaml_nodes values once
// aliases are expanded. Small files that alias their way to gigabytes are refused at once.
#include "loader_test_support.hpp"

#include "core/limits.hpp"
#include "io/yaml_limits.hpp"

#include <chrono>

using namespace attnreel;
using namespace attnreel::testing;

namespace {

void check_at(const InputError& e, int line, int column, const std::string& message) {
    INFO(e.what());
    CHECK(e.mark().line == line);
    CHECK(e.mark().column == column);
    CHECK(e.message() == message);
}

// A billion laughs in timeline steps: each level's list holds ten aliases of the one before.
std::string alias_bomb_in_steps(int levels) {
    std::string yaml = "objects:\n  - {id: a, circle: {}}\nsteps:\n  - &l0 [{play: {create: a}}, {wait: 1}]\n";
    for (int i = 1; i <= levels; ++i) {
        yaml += "  - &l" + std::to_string(i) + " [";
        for (int k = 0; k < 10; ++k) yaml += (k ? ", *l" : "*l") + std::to_string(i - 1);
        yaml += "]\n";
    }
    return yaml + "timeline: *l" + std::to_string(levels) + "\n";
}

}  // namespace

TEST_CASE("aliases that expand past the node limit are refused where the limit is crossed",
          "[loader][limits]") {
    const std::string yaml = alias_bomb_in_steps(9);  // 10^9 steps from under 1 KB
    REQUIRE(yaml.size() < 1000);
    const auto start = std::chrono::steady_clock::now();
    const InputError e = error_of(yaml);
    CHECK(std::chrono::steady_clock::now() - start < std::chrono::seconds(5));
    CHECK(e.message() == "the file has more than " + std::to_string(limits::yaml_nodes) +
                             " values once its aliases are expanded; that is the limit");
    CHECK(e.mark().line > 4);
}

TEST_CASE("aliases in add and remove lists count as what they name", "[loader][limits]") {
    std::string yaml = "objects:\n  - {id: a, circle: {}}\nids: &ids [";
    for (int k = 0; k < 2000; ++k) yaml += k ? ", a" : "a";
    yaml += "]\ntimeline:\n";
    for (int k = 0; k < 600; ++k) yaml += "  - {add: *ids}\n";  // 1.2M ids from 40 KB
    CHECK_THAT(error_of(yaml).message(), Catch::StartsWith("the file has more than"));
}

TEST_CASE("a few aliases within the limit are fine", "[loader][limits]") {
    const Scene scene = compiled("objects:\n  - {id: a, circle: {}}\n  - {id: b, circle: {}}\n"
                                 "timeline:\n  - play: &both [{create: a}, {create: b}]\n  - play: *both\n");
    CHECK(scene.steps.size() == 2);
}

TEST_CASE("an alias inside the node it names is refused, not followed forever", "[loader][limits]") {
    check_at(error_of("objects: &o [*o]\ntimeline: []\n"), 1, 14,
             "this alias is inside the node it names, which would make it endless");
}

TEST_CASE("deep block nesting is reported as nesting, at its place", "[loader][limits]") {
    // Within yaml-cpp's own guard, and far past it.
    for (const int depth : {65, 100000}) {
        std::string yaml = "objects:\n";
        for (int i = 0; i < depth; ++i) yaml += "- ";
        yaml += "x\ntimeline: []\n";
        const InputError e = error_of(yaml);
        INFO(depth << ": " << e.what());
        CHECK(e.message() == "lists and maps are nested more than 64 levels deep");
        CHECK(e.mark().line == 2);
    }
    std::string indented = "objects:\n";
    for (int i = 0; i < 70; ++i) indented += std::string(2 * i, ' ') + "k" + std::to_string(i) + ":\n";
    CHECK(error_of(indented).message() == "lists and maps are nested more than 64 levels deep");
}

TEST_CASE("deep flow nesting is reported as nesting, at its place", "[loader][limits]") {
    const InputError e = error_of("objects: " + std::string(100000, '[') + "\ntimeline: []\n");
    check_at(e, 1, 10 + 64, "lists and maps are nested more than 64 levels deep");
}

TEST_CASE("a NUL byte and invalid UTF-8 are reported where they are", "[loader][limits]") {
    check_at(error_of(std::string("objects: []\ntimeline: [{wait: 1}]\n# a") + '\0' + "b\n"), 3, 4,
             "a NUL byte; a scene file is UTF-8 text");
    check_at(error_of("objects:\n  - {id: t, text: \"ab\xC3\x28\"}\ntimeline: []\n"), 2, 22,
             "invalid UTF-8 (byte 0xC3); a scene file is UTF-8 text");
    check_at(error_of("\xFF\xFEo\0b\0"), 1, 1, "invalid UTF-8 (byte 0xFF); a scene file is UTF-8 text");
}

TEST_CASE("a second YAML document is an error, not silently ignored", "[loader][limits]") {
    check_at(error_of("objects: []\ntimeline: []\n---\nobjects: [oops]\n"), 3, 1,
             "a second YAML document begins here; a scene file holds one");
}

TEST_CASE("aliases of a long text count its bytes each time they are used", "[loader][limits]") {
    // 2000 texts of 4 KB each from a 40 KB file: 8 MB to shape.
    std::string yaml = "objects:\n  - {id: t0, text: &long " + std::string(4096, 'x') + "}\n";
    for (int k = 1; k < 2000; ++k) yaml += "  - {id: t" + std::to_string(k) + ", text: *long}\n";
    yaml += "timeline: []\n";
    CHECK(error_of(yaml).message() == "the file's text is more than " + std::to_string(limits::yaml_text_bytes) +
                                          " bytes once its aliases are expanded; that is the limit");
}

TEST_CASE("values count once however deep they sit, and an alias counts what it names once per use",
          "[loader][limits]") {
    // Each list or map used to add all it held to the total again as it closed: a value ten
    // levels deep counted eleven times, so honest files far under the limits were refused.
    std::string deep;
    for (int i = 0; i < 10; ++i) deep += std::string(2 * i, ' ') + "k" + std::to_string(i) + ":\n";
    const std::string indent(20, ' ');
    std::string values = deep + indent + "[";
    for (int k = 0; k < 300000; ++k) values += k ? ",1" : "1";  // 300,000 of the 1,000,000 values
    CHECK_NOTHROW(check_yaml_limits(values + "]\n", "deep.yaml"));
    const std::string text = deep + indent + "t: " + std::string(1000000, 'x') + "\n";  // 1 MB of 4 MiB
    CHECK_NOTHROW(check_yaml_limits(text, "deep.yaml"));

    // 100,000 bytes named once and repeated: 41 copies fit in 4 MiB, 42 do not.
    const auto repeated = [](int uses) {
        std::string yaml = "a: &t " + std::string(100000, 'y') + "\nb: [";
        for (int k = 1; k < uses; ++k) yaml += k > 1 ? ", *t" : "*t";
        return yaml + "]\n";
    };
    CHECK_NOTHROW(check_yaml_limits(repeated(41), "alias.yaml"));
    CHECK_THROWS_WITH(check_yaml_limits(repeated(42), "alias.yaml"),
                      Catch::Contains("the file's text is more than 4194304 bytes once its aliases are expanded"));
}
