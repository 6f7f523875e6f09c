#include "cli/output_path.hpp"

#include "cli/args.hpp"
#include "cli/quality.hpp"
#include "core/error.hpp"

namespace attnreel::cli {

void refuse_to_overwrite(const std::filesystem::path& output, const std::vector<std::string>& inputs) {
    for (const auto& input : inputs) {
        std::error_code error;  // an output that does not exist yet replaces nothing
        if (std::filesystem::equivalent(output, input, error))
            throw UsageError("refusing to write '" + output.string() + "': it is '" + input +
                             "', which the scene reads; choose another output name");
    }
}

void create_parent_folders(const std::filesystem::path& output) {
    // A path ending in '/' names a folder of frames: the folder itself is made by its sink.
    const std::filesystem::path folder = output.has_filename() ? output.parent_path() : output.parent_path().parent_path();
    if (folder.empty()) return;
    std::error_code error;
    std::filesystem::create_directories(folder, error);
    if (error) throw OutputError(folder.string() + ": cannot create the output folder: " + error.message());
}

std::filesystem::path default_output(const std::optional<ProjectSettings>& project, const std::string& scene_name,
                                     const std::string& section, int height, double fps, const std::string& extension) {
    const std::filesystem::path folder = project && project->output ? *project->output : "out";
    const std::string stem = scene_name + (section.empty() ? "" : "-" + section) + "-" + quality_tag(height, fps);
    if (extension == "/") return folder / (stem + "/");
    return folder / (stem + extension);
}

}  // namespace attnreel::cli
