#pragma once
// A scene file loaded and compiled in one step, with the project file beside it: where every
// front end (the command line, the preview server) starts, so that none has a copy of it.
#include "io/project_file.hpp"
#include "scene/scene_spec.hpp"
#include "text/font_library.hpp"
#include "timeline/scene.hpp"

#include <optional>
#include <string>
#include <vector>

namespace attnreel {

struct LoadedScene {
    std::optional<ProjectSettings> project;  // attnreel.yaml beside the scene, when there is one
    SceneSpec spec;                          // what the file says, the project's fonts added
    Scene scene;
};

// Throws InputError (file:line:col) for anything wrong in the scene or its project file.
// `inputs`, when given, receives every file the scene reads (see scene_inputs) as far as
// loading got: at least the scene file itself, even when it does not load.
LoadedScene load_scene(const std::string& path, text::FontLibrary& fonts, std::vector<std::string>* inputs = nullptr);

// Every file a loaded scene reads: the scene itself, its fonts (scene, project and text
// fonts given as files), its weights files and its sound files. Watching these tells when to load it again.
std::vector<std::string> scene_inputs(const SceneSpec& spec);

// 16 hexadecimal digits that change when any of `inputs` (as load_scene lists them) changes:
// a 64-bit FNV-1a hash of their bytes in order. Chunks of one render carry it, so that parts
// rendered before and after an edit are never joined.
std::string scene_fingerprint(const std::vector<std::string>& inputs);

}  // namespace attnreel
