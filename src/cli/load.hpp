#pragma once
// Shared by the commands: a scene file loaded and compiled in one step.
#include "text/font_library.hpp"
#include "timeline/scene.hpp"

#include <string>

namespace attnreel::cli {

Scene load_scene(const std::string& path, text::FontLibrary& fonts);

}  // namespace attnreel::cli
