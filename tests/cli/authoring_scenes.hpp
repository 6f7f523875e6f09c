#pragma once
// Small scenes for the authoring tests (command-line habits, sections, watching,
// previewing): quick to render, with a known length.
#include <string>

namespace attnreel::test {

// 2 s: a circle created in 1 s, then a title written in 1 s.
inline std::string two_second_scene(const std::string& color = "blue") {
    return "scene: {size: [640, 360], fps: 10}\n"
           "objects:\n"
           "  - {id: ring, circle: {radius: 1.5}, color: " + color + "}\n"
           "  - {id: title, text: Habits, move_to: [0, 3]}\n"
           "timeline:\n"
           "  - play: {create: ring}\n"
           "  - play: {write: title}\n";
}

// 3 s in two sections: `intro` (1 s) and `attention` (2 s, from line 9).
inline std::string sectioned_scene() {
    return "scene: {size: [640, 360], fps: 10}\n"
           "objects:\n"
           "  - {id: ring, circle: {radius: 1.5}}\n"
           "  - {id: title, text: Sections, move_to: [0, 3]}\n"
           "timeline:\n"
           "  - section: intro\n"
           "  - play: {create: ring}\n"
           "  - section: attention\n"
           "  - play: {write: title, run_time: 1.5}\n"
           "  - wait: 0.5\n";
}

}  // namespace attnreel::test
