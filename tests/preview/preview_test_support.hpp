#pragma once
// Shared by the preview tests: a small scene written to a scratch folder, to be edited.
#include "../temp_dir.hpp"

#include <string>

namespace attnreel::test {

// Two steps: a circle created in 1 s, then a title written in 1 s (2 s in all).
inline std::string small_scene(const std::string& color = "blue") {
    return "scene: {size: [640, 360], fps: 10}\n"
           "objects:\n"
           "  - {id: ring, circle: {radius: 1.5}, color: " + color + "}\n"
           "  - {id: title, text: Preview, move_to: [0, 3]}\n"
           "timeline:\n"
           "  - play: {create: ring}\n"
           "  - play: {write: title}\n";
}

// The same scene with a mistake on line 3 (a misspelt key).
inline std::string broken_scene() {
    return "scene: {size: [640, 360], fps: 10}\n"
           "objects:\n"
           "  - {id: ring, circle: {radius: 1.5}, colr: blue}\n"
           "  - {id: title, text: Preview, move_to: [0, 3]}\n"
           "timeline:\n"
           "  - play: {create: ring}\n";
}

}  // namespace attnreel::test
