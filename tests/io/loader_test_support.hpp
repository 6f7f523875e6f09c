#pragma once
// Shared by the loader tests: load and compile scene text, and catch the error it raises.
#include "io/scene_loader.hpp"
#include "text/font_library.hpp"
#include "timeline/compile_scene.hpp"

#include <catch2/catch.hpp>

#include <stdexcept>
#include <string>

namespace attnreel::testing {

// The error that loading and compiling `yaml` (as "bad.yaml") raises; fails the test when
// there is none.
inline InputError error_of(const std::string& yaml) {
    text::FontLibrary fonts;
    try {
        compile_scene(parse_scene(yaml, "bad.yaml"), fonts);
    } catch (const InputError& e) {
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
