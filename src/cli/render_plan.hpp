#pragma once
// What `attnreel render` is asked to make, worked out from its options, the project file
// (attnreel.yaml) and the scene: the pixel size, the frame rate, the range of time and the
// output path. Options win over the project file, which wins over the scene.
#include "cli/args.hpp"
#include "io/scene_file.hpp"

#include <filesystem>

namespace attnreel::cli {

struct RenderPlan {
    int width = 0, height = 0;
    double fps = 30;
    double from = 0, to = 0;       // seconds
    std::filesystem::path output;  // given with -o, or the default name
    bool last_frame = false;       // -s: the last frame alone, as a PNG
};

// UsageError for options that contradict each other or name no quality or format: all that
// can be found before the scene is loaded (and before a --watch begins).
void check_render_options(const Args& args);

// UsageError for a range or section the scene does not have; InputError (at its place) for
// a project file's unknown quality or format.
RenderPlan plan_render(const Args& args, const LoadedScene& loaded);

}  // namespace attnreel::cli
