#pragma once
// Shared by the loader tests: load and compile scene text, and catch the error it raises.
#include "io/scene_loader.hpp"
#include "text/font_library.hpp"
#include "timeline/compile_scene.hpp"

#include <catch2/catch.hpp>

#include <cstdlib>
#include <fstream>
#include <stdexcept>
#include <string>

namespace attnreel::testing {

// With ATTNREEL_RECORD_ERROR_CASES set to a folder, every error case a test checks is
// written there (case_N.yaml, and case_N.txt holding "line:column: message"), so that the
// schema test can feed the loader's own error cases to the JSON Schema validator.
inline void record_error_case(const std::string& yaml, const InputError& e) {
    const char* folder = std::getenv("ATTNREEL_RECORD_ERROR_CASES");
    if (!folder || !*folder) return;
    static int count = 0;
    const std::string stem = std::string(folder) + "/case_" + std::to_string(++count);
    std::ofstream(stem + ".yaml", std::ios::binary) << yaml;
    std::ofstream(stem + ".txt", std::ios::binary)
        << e.mark().line << ":" << e.mark().column << ": " << e.message() << "\n";
}

// The error that loading and compiling `yaml` (as "bad.yaml") raises; fails the test when
// there is none.
inline InputError error_of(const std::string& yaml) {
    text::FontLibrary fonts;
    try {
        compile_scene(parse_scene(yaml, "bad.yaml"), fonts);
    } catch (const InputError& e) {
        record_error_case(yaml, e);
        return e;
    }
    FAIL("expected an InputError for:\n" << yaml);
    throw std::logic_error("unreachable");
}

// The error is at bad.yaml:line:column and says exactly `message`.
inline void check_exact(const InputError& e, int line, int column, const std::string& message) {
    INFO(e.what());
    CHECK(e.mark().file == "bad.yaml");
    CHECK(e.mark().line == line);
    CHECK(e.mark().column == column);
    CHECK(e.message() == message);
}

// A scene whose objects are `entries` (YAML list items) and whose timeline is empty.
inline std::string scene_with(const std::string& entries) { return "objects:\n" + entries + "timeline: []\n"; }

// The object of `scene` with this id; fails the test when there is none.
inline const Object& object_named(const Scene& scene, const std::string& id) {
    const auto i = scene.objects.find(id);
    INFO(id);
    REQUIRE(i);
    return scene.objects[*i];
}

// The state an object settles in after the whole timeline.
inline const ObjectState& final_state(const Scene& scene, const std::string& id) {
    const Track& t = scene.tracks[scene.objects.find(id).value()];
    return t.segments.empty() ? t.initial : t.segments.back().to;
}

inline Scene compiled(const std::string& yaml) {
    static text::FontLibrary fonts;
    return compile_scene(parse_scene(yaml, "good.yaml"), fonts);
}

}  // namespace attnreel::testing
