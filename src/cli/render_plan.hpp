#pragma once
// What `attnreel render` is asked to make, worked out from its options, the project file
// (attnreel.yaml) and the scene: the pixel size, the frame rate, the range of time and the
// output path. Options win over the project file, which wins over the scene.
#include "cli/args.hpp"
#include "io/scene_file.hpp"

#include <cstdint>
#include <filesystem>
#include <vector>

namespace attnreel::cli {

struct RenderPlan {
    int width = 0, height = 0;
    double fps = 30;
    double from = 0, to = 0;       // seconds
    std::filesystem::path output;  // given with -o, or the default name
    bool last_frame = false;       // -s: the last frame alone, as a PNG
    // --frames A:B: a chunk of the whole video, frames A … B-1 of its total, each at
    // (its number) / fps; `from` is then 0 and `to` the scene's end.
    bool chunk = false;
    std::int64_t first_frame = 0, end_frame = 0, total_frames = 0;
    // --keyframes-at: frames where the MP4 encoder starts afresh (numbered as the video's).
    std::vector<std::int64_t> restarts;
};

// The frames of `from` … `to` seconds at `fps`: at least one, UsageError past an int.
int frames_between(double from, double to, double fps);

// UsageError for options that contradict each other or name no quality or format: all that
// can be found before the scene is loaded (and before a --watch begins).
void check_render_options(const Args& args);

// UsageError for a range or section the scene does not have; InputError (at its place) for
// a project file's unknown quality or format.
RenderPlan plan_render(const Args& args, const LoadedScene& loaded);

// What a chunk's tag says about the render's settings: everything that changes its pixels
// or its encoding ("1920x1080@60 crf 20 medium"), so chunks rendered otherwise are not joined.
std::string chunk_settings(const Args& args, const RenderPlan& plan);

}  // namespace attnreel::cli
