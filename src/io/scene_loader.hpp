#pragma once
// Scene files: YAML in, a validated SceneSpec out (see docs/scene-format.md).
#include "scene/scene_spec.hpp"

#include <string>

namespace attnreel {

// Throws InputError naming file:line:col for anything wrong with the file.
SceneSpec load_scene_file(const std::string& path);
// The same for text already in memory; `file` names it in messages.
SceneSpec parse_scene(const std::string& yaml_text, const std::string& file);

}  // namespace attnreel
