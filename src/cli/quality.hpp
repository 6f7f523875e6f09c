#pragma once
// Render qualities by name, as Manim has them, and the tag default output names carry so
// that renders of two qualities do not overwrite each other.
#include <string>
#include <vector>

namespace attnreel::cli {

struct Quality {
    const char* name;
    int width, height;
    double fps;
};

// "low", "medium", "high", "4k", or Manim's spellings of them ("l", "low_quality", "k",
// "fourk_quality"…); null for anything else.
const Quality* find_quality(const std::string& name);
const std::vector<std::string>& quality_names();  // low, medium, high, 4k

// "480p15", "1080p60", "1080p29.97": the picture height and the frame rate.
std::string quality_tag(int height, double fps);

}  // namespace attnreel::cli
