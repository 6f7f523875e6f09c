#include "cli/args.hpp"
#include "cli/commands.hpp"
#include "cli/load.hpp"

#include <cstdio>

namespace attnreel::cli {

int check_command(const std::vector<std::string>& words) {
    const Args args = parse_args(words, {{"--help", "-h", false}});
    if (args.has("--help")) {
        std::printf("usage: attnreel check SCENE.yaml\n\n"
                    "Validates the scene and prints its timeline: each step's start and end time,\n"
                    "the total duration and the number of objects. Exit code 2 when the scene is invalid.\n");
        return 0;
    }
    if (args.positional.size() != 1) throw UsageError("check takes one scene file (see 'attnreel check --help')");
    text::FontLibrary fonts;
    const Scene scene = load_scene(args.positional[0], fonts);
    std::printf("%s: %dx%d at %g fps\n", scene.file.c_str(), scene.settings.width, scene.settings.height,
                scene.settings.fps);
    for (const auto& step : scene.steps)
        std::printf("  %7.2f – %7.2f s  %s  (line %d)\n", step.start, step.end, step.description.c_str(), step.mark.line);
    std::size_t leaves = 0;
    for (const auto& o : scene.objects.all()) leaves += o.is_group() ? 0 : 1;
    std::printf("duration %.2f s, %d frames, %zu objects (%zu drawable)\n", scene.duration, scene.frame_count(),
                scene.objects.size(), leaves);
    return 0;
}

}  // namespace attnreel::cli
