#pragma once
// The project file: `attnreel.yaml` in a scene's folder holds defaults for every scene
// there (render quality and format, the output folder, extra fonts). See
// docs/scene-format.md, "Project file".
#include "core/error.hpp"
#include "scene/scene_spec.hpp"

#include <optional>
#include <string>
#include <vector>

namespace attnreel {

inline constexpr const char* kProjectFileName = "attnreel.yaml";

struct ProjectSettings {
    std::string file;                    // the project file's path
    std::optional<std::string> quality;  // a quality name, checked by the command that uses it
    SourceMark quality_mark;
    std::optional<std::string> format;   // "mp4", "webm", "mov", "gif", "webp" or "png"; checked by the command that uses it
    SourceMark format_mark;
    std::optional<std::string> output;   // the folder for default output names, resolved against the file's folder
    std::vector<FontFile> fonts;         // extra font files, resolved, each checked
};

// The settings of the project file beside `scene_path`, or none when there is none.
// Throws InputError (file:line:col, with the nearest valid key) for a bad project file.
std::optional<ProjectSettings> find_project(const std::string& scene_path);

// The project file named `path`, which must exist.
ProjectSettings load_project_file(const std::string& path);

}  // namespace attnreel
