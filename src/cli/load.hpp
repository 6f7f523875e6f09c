#pragma once
// Shared by the commands: a scene file loaded and compiled in one step, and the check that
// an output never replaces a file the scene reads.
#include "text/font_library.hpp"
#include "timeline/scene.hpp"

#include <filesystem>
#include <string>
#include <vector>

namespace attnreel::cli {

// `inputs`, when given, receives every file the scene reads: the scene file itself, its
// fonts and its models' weights files.
Scene load_scene(const std::string& path, text::FontLibrary& fonts, std::vector<std::string>* inputs = nullptr);

// UsageError when `output` is one of `inputs` (the same file by any name or link): writing
// the picture or video would destroy the file it was made from.
void refuse_to_overwrite(const std::filesystem::path& output, const std::vector<std::string>& inputs);

}  // namespace attnreel::cli
