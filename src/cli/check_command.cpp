#include "cli/args.hpp"
#include "cli/commands.hpp"
#include "cli/watch_loop.hpp"
#include "io/scene_file.hpp"
#include "lint/lint.hpp"

#include <algorithm>
#include <cstdio>

namespace attnreel::cli {

namespace {

const char* kHelp =
    "usage: attnreel check SCENE.yaml [--strict] [--ids] [--watch]\n\n"
    "Validates the scene and prints its timeline: each step's start and end time, what is\n"
    "said during it and how long its speech lasts, the audio tracks, the sections, the total\n"
    "duration and the number of objects. Exit code 2 when the scene is invalid. It also\n"
    "warns, with file:line:col, about mistakes that load but look wrong: text or shapes\n"
    "outside the frame after any step, text overlapping other text, objects never shown,\n"
    "weights written in the scene whose rows do not sum to 1, characters no font has, and\n"
    "control characters that YAML double quotes made (\"\\theta\" is a tab).\n\n"
    "options:\n"
    "  --strict   warnings are errors: exit code 2 when there is any\n"
    "  --ids      list every id the scene defines, generated ones included (row[1].label,\n"
    "             arrows.labels, hm.row[3]), with its kind and line, instead of the timeline\n"
    "  --watch    check again on every save of the scene or a file it uses\n";

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

void print_timeline(const Scene& scene) {
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
    for (const auto& section : scene.sections)
        std::printf("section %s: %.2f – %.2f s\n", section.name.c_str(), section.start, section.end);
    std::size_t leaves = 0;
    for (const auto& o : scene.objects.all()) leaves += o.is_group() ? 0 : 1;
    std::printf("duration %.2f s, %d frames, %zu objects (%zu drawable)\n", scene.duration, scene.frame_count(),
                scene.objects.size(), leaves);
}

const char* kind_name(const Object& o) {
    switch (o.shape) {
    case ObjectShape::Text: return "text";
    case ObjectShape::Arrow: return "arrow";
    case ObjectShape::Group: return "group";
    case ObjectShape::Plain: break;
    }
    return "shape";
}

void print_ids(const Scene& scene) {
    std::size_t width = 2;
    for (const auto& o : scene.objects.all()) width = std::max(width, o.id.size());
    std::printf("%-*s  %-5s  line\n", static_cast<int>(width), "id", "kind");
    for (const auto& o : scene.objects.all())
        std::printf("%-*s  %-5s  %d\n", static_cast<int>(width), o.id.c_str(), kind_name(o), o.mark.line);
}

int check_once(const Args& args, std::vector<std::string>& inputs) {
    text::FontLibrary fonts;
    const LoadedScene loaded = load_scene(args.positional[0], fonts, &inputs);
    const bool strict = args.has("--strict");
    const auto warnings = lint::lint_scene(loaded.spec, loaded.scene, fonts);
    std::fflush(stdout);
    for (const auto& w : warnings) std::fprintf(stderr, "%s: %s\n", strict ? "error" : "warning", w.to_string().c_str());
    if (args.has("--ids")) print_ids(loaded.scene);
    else print_timeline(loaded.scene);
    if (strict && !warnings.empty()) {
        std::fprintf(stderr, "%zu warning%s, which --strict counts as errors\n", warnings.size(),
                     warnings.size() == 1 ? "" : "s");
        return 2;
    }
    return 0;
}

}  // namespace

int check_command(const std::vector<std::string>& words) {
    const Args args = parse_args(words, {{"--help", "-h", false},
                                         {"--strict", "", false},
                                         {"--ids", "", false},
                                         {"--watch", "-w", false}});
    if (args.has("--help")) {
        std::printf("%s", kHelp);
        return 0;
    }
    if (args.positional.size() != 1) throw UsageError("check takes one scene file (see 'attnreel check --help')");
    if (args.has("--watch")) return run_watching([&](std::vector<std::string>& inputs) { return check_once(args, inputs); });
    std::vector<std::string> inputs;
    return check_once(args, inputs);
}

}  // namespace attnreel::cli
