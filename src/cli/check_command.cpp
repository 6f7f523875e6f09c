#include "cli/args.hpp"
#include "cli/commands.hpp"
#include "cli/load.hpp"

#include <cstdio>

namespace attnreel::cli {

namespace {

// The say: line `index` and, when it has a voice, when that is heard; a voice that runs
// past its step into the next line's is flagged, as the two would be heard at once.
void print_say(const Scene& scene, std::size_t index) {
    const SpokenLine& line = scene.narration[index];
    std::string text = line.text;
    for (char& c : text)
        if (c == '\n' || c == '\t' || c == '\r') c = ' ';
    if (text.size() > 60) text = text.substr(0, 57) + "...";
    if (line.voice_seconds <= 0) {
        std::printf("                        say \"%s\"\n", text.c_str());
        return;
    }
    const double end = line.start + line.voice_seconds;
    std::printf("  %7.2f – %7.2f s    say \"%s\" (speech %.2f s)\n", line.start, end, text.c_str(), line.voice_seconds);
    if (index + 1 < scene.narration.size() && scene.narration[index + 1].voice_seconds > 0 &&
        end > scene.narration[index + 1].start + 1e-9)
        std::printf("%s: note: this speech runs %.2f s into the next line's; make the step last longer "
                    "(wait: narration, run_time: narration)\n",
                    line.mark.to_string().c_str(), end - scene.narration[index + 1].start);
}

}  // namespace

int check_command(const std::vector<std::string>& words) {
    const Args args = parse_args(words, {{"--help", "-h", false}});
    if (args.has("--help")) {
        std::printf("usage: attnreel check SCENE.yaml\n\n"
                    "Validates the scene and prints its timeline: each step's start and end time,\n"
                    "what is said during it and how long its speech lasts, the audio tracks, the total\n"
                    "duration and the number of objects. Exit code 2 when the scene is invalid.\n");
        return 0;
    }
    if (args.positional.size() != 1) throw UsageError("check takes one scene file (see 'attnreel check --help')");
    text::FontLibrary fonts;
    const Scene scene = load_scene(args.positional[0], fonts);
    std::printf("%s: %dx%d at %g fps\n", scene.file.c_str(), scene.settings.width, scene.settings.height,
                scene.settings.fps);
    std::size_t said = 0;  // the next line of narration
    for (std::size_t i = 0; i < scene.steps.size(); ++i) {
        const StepTiming& step = scene.steps[i];
        std::printf("  %7.2f – %7.2f s  %s  (step %zu, line %d)\n", step.start, step.end, step.description.c_str(), i,
                    step.mark.line);
        if (said < scene.narration.size() && scene.narration[said].step == i) print_say(scene, said++);
    }
    for (const audio::Placement& sound : scene.sounds)
        if (!sound.name.empty())
            std::printf("  %7.2f – %7.2f s  audio %s\n", sound.start, sound.start + sound.sound->seconds(),
                        sound.name.c_str());
    std::size_t leaves = 0;
    for (const auto& o : scene.objects.all()) leaves += o.is_group() ? 0 : 1;
    std::printf("duration %.2f s, %d frames, %zu objects (%zu drawable)\n", scene.duration, scene.frame_count(),
                scene.objects.size(), leaves);
    return 0;
}

}  // namespace attnreel::cli
