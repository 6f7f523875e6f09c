#pragma once
// Where outputs go: their folders are made when missing, and default names carry the
// quality, so that renders at two qualities do not overwrite each other.
#include "io/project_file.hpp"

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace attnreel::cli {

// UsageError when `output` is one of `inputs` (the same file by any name or link): writing
// the picture or video would destroy the file it was made from.
void refuse_to_overwrite(const std::filesystem::path& output, const std::vector<std::string>& inputs);

// Creates the folders `output` is to be written in (nothing for a bare file name).
void create_parent_folders(const std::filesystem::path& output);

// "out/self_attention-480p15.mp4": in the project's output folder (attnreel.yaml's
// `output`) or "out", the scene's name, the section when one is rendered alone, the
// height and frame rate; `extension` with its dot, or "/" for a folder of frames.
std::filesystem::path default_output(const std::optional<ProjectSettings>& project, const std::string& scene_name,
                                     const std::string& section, int height, double fps, const std::string& extension);

}  // namespace attnreel::cli
