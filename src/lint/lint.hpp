#pragma once
// Mistakes a scene can make that load and compile accept but a viewer would see: text or
// shapes outside the frame, text on text, objects never shown, inline weights whose rows
// do not sum to 1, characters no font has, control characters from YAML escapes.
// `attnreel check` prints them as warnings (errors with --strict).
#include "core/error.hpp"
#include "scene/scene_spec.hpp"
#include "text/font_library.hpp"
#include "timeline/scene.hpp"

#include <string>
#include <vector>

namespace attnreel::lint {

struct Warning {
    SourceMark mark;
    std::string message;

    std::string to_string() const;  // "file:line:col: message"
};

// Every warning for a scene, ordered by place in the file. `fonts` must be the library the
// scene was compiled with (glyph coverage is checked against the faces it uses).
std::vector<Warning> lint_scene(const SceneSpec& spec, const Scene& scene, text::FontLibrary& fonts);

}  // namespace attnreel::lint
