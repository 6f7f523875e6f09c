#include "cli/render_plan.hpp"

#include "cli/output_path.hpp"
#include "cli/quality.hpp"
#include "core/error.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

namespace attnreel::cli {

namespace {

// An unknown word from the command line is a usage error; from the project file, an input
// error at its place.
[[noreturn]] void unknown(const std::string& message, const SourceMark& mark) {
    if (mark.file.empty()) throw UsageError(message);
    throw InputError(mark, message);
}

// On the command line Manim's spellings (`l`, `high_quality`) are welcome too; a project
// file takes attnreel's names only, as its schema (docs/project.schema.json) says.
const Quality& quality_named(const std::string& name, const SourceMark& mark) {
    const auto& names = quality_names();
    const bool allowed = mark.file.empty() || std::find(names.begin(), names.end(), name) != names.end();
    if (const Quality* q = find_quality(name); q && allowed) return *q;
    unknown("unknown quality '" + name + "'" + did_you_mean(name, quality_names()) +
                " (the qualities are low, medium, high and 4k)",
            mark);
}

// The extension of a default output in this format ("/": a folder of numbered PNGs).
std::string extension_of_format(const std::string& format, const SourceMark& mark) {
    if (format == "mp4") return ".mp4";
    if (format == "webm") return ".webm";
    if (format == "mov") return ".mov";
    if (format == "gif") return ".gif";
    if (format == "webp") return ".webp";
    if (format == "png") return "/";
    unknown("unknown format '" + format + "'" + did_you_mean(format, {"mp4", "webm", "mov", "gif", "webp", "png"}) +
                " (the formats are mp4, webm, mov, gif, webp and png)",
            mark);
}

const SectionTiming& section_named(const Scene& scene, const std::string& name) {
    std::vector<std::string> names;
    for (const auto& s : scene.sections) names.push_back(s.name);
    const auto it = std::find(names.begin(), names.end(), name);
    if (it == names.end())
        throw UsageError("no section '" + name + "' in " + scene.file + did_you_mean(name, names) +
                         (names.empty() ? " (its timeline has no section: markers)" : ""));
    const SectionTiming& section = scene.sections[static_cast<std::size_t>(it - names.begin())];
    if (section.end <= section.start)
        throw UsageError("section '" + name + "' is empty: the next section starts at the same time");
    return section;
}

// "A:B" → {A, B}, whole numbers; UsageError otherwise.
std::pair<std::int64_t, std::int64_t> parse_frame_range(const std::string& value) {
    const std::size_t colon = value.find(':');
    const std::string usage = "--frames takes A:B, frame numbers from A up to (not including) B, e.g. --frames 0:120";
    if (colon == std::string::npos) throw UsageError(usage + "; got '" + value + "'");
    const int first = parse_int("--frames", value.substr(0, colon), 0, std::numeric_limits<int>::max());
    const int end = parse_int("--frames", value.substr(colon + 1), 0, std::numeric_limits<int>::max());
    if (end <= first) throw UsageError(usage + "; B must be greater than A, got '" + value + "'");
    return {first, end};
}

std::vector<std::int64_t> parse_frame_list(const std::string& value) {
    std::vector<std::int64_t> frames;
    std::size_t start = 0;
    while (start <= value.size()) {
        const std::size_t comma = std::min(value.find(',', start), value.size());
        frames.push_back(parse_int("--keyframes-at", value.substr(start, comma - start), 0,
                                   std::numeric_limits<int>::max()));
        start = comma + 1;
    }
    std::sort(frames.begin(), frames.end());
    return frames;
}

}  // namespace

int frames_between(double from, double to, double fps) {
    const double frames = std::ceil((to - from) * fps - 1e-9);
    if (frames > std::numeric_limits<int>::max())
        throw UsageError("the range holds " + number_text(frames) + " frames; at most " +
                         std::to_string(std::numeric_limits<int>::max()) + " can be rendered at once");
    return std::max(1, static_cast<int>(frames));
}

std::string chunk_settings(const Args& args, const RenderPlan& plan) {
    std::string text = std::to_string(plan.width) + "x" + std::to_string(plan.height) + "@" + number_text(plan.fps);
    text += " crf " + args.get("--crf").value_or("20") + " " + args.get("--preset").value_or("medium");
    if (args.has("--burn-captions")) text += " burned captions";
    return text;
}

void check_render_options(const Args& args) {
    if (const auto q = args.get("--quality")) quality_named(*q, {});
    if (const auto f = args.get("--format")) extension_of_format(*f, {});
    if (const auto s = args.get("--size")) parse_size("--size", *s);
    if (args.has("--section") && (args.has("--from") || args.has("--to")))
        throw UsageError("--section sets the range itself: leave out --from and --to");
    if (args.has("--save-last-frame") && (args.has("--section") || args.has("--from") || args.has("--to")))
        throw UsageError("--save-last-frame renders the scene's last frame: leave out --section, --from and --to");
    if (const auto f = args.get("--frames")) {
        if (args.has("--section") || args.has("--from") || args.has("--to") || args.has("--save-last-frame"))
            throw UsageError("--frames is a chunk of the whole video: leave out --section, --from, --to and -s");
        parse_frame_range(*f);
    }
    if (const auto k = args.get("--keyframes-at")) parse_frame_list(*k);
}

RenderPlan plan_render(const Args& args, const LoadedScene& loaded) {
    const Scene& scene = loaded.scene;
    const auto& project = loaded.project;
    RenderPlan plan;
    plan.width = scene.settings.width;
    plan.height = scene.settings.height;
    plan.fps = scene.settings.fps;
    const Quality* quality = nullptr;
    if (const auto q = args.get("--quality")) quality = &quality_named(*q, {});
    else if (project && project->quality) quality = &quality_named(*project->quality, project->quality_mark);
    if (quality) {
        plan.width = quality->width;
        plan.height = quality->height;
        plan.fps = quality->fps;
    }
    if (const auto s = args.get("--size")) std::tie(plan.width, plan.height) = parse_size("--size", *s);
    if (const auto f = args.get("--fps")) plan.fps = parse_int("--fps", *f, 1, 240);

    std::string section;
    plan.from = args.has("--from") ? parse_number("--from", *args.get("--from")) : 0.0;
    plan.to = args.has("--to") ? parse_number("--to", *args.get("--to")) : scene.duration;
    if (const auto name = args.get("--section")) {
        const SectionTiming& s = section_named(scene, *name);
        plan.from = s.start;
        plan.to = s.end;
        section = s.name;
    }
    plan.last_frame = args.has("--save-last-frame");
    if (plan.last_frame) {
        plan.from = plan.to = scene.duration;
    } else {
        if (plan.from < 0 || plan.from > scene.duration)
            throw UsageError("--from must be within the scene (0 to " + number_text(scene.duration) + " s)");
        if (plan.to <= plan.from || plan.to > scene.duration + 1e-9)
            throw UsageError("--to must be after --from and within the scene (at most " + number_text(scene.duration) +
                             " s)");
    }

    if (args.has("--frames") || args.has("--keyframes-at")) plan.total_frames = frames_between(0, scene.duration, plan.fps);
    if (const auto f = args.get("--frames")) {
        const auto [first, end] = parse_frame_range(*f);
        if (end > plan.total_frames)
            throw UsageError("--frames " + *f + " is outside the video: at " + number_text(plan.fps) + " fps it has " +
                             std::to_string(plan.total_frames) + " frames (0:" + std::to_string(plan.total_frames) + ")");
        plan.chunk = true;
        plan.first_frame = first;
        plan.end_frame = end;
    }
    if (const auto k = args.get("--keyframes-at")) {
        plan.restarts = parse_frame_list(*k);
        if (plan.restarts.back() >= plan.total_frames)
            throw UsageError("--keyframes-at " + std::to_string(plan.restarts.back()) + " is outside the video (frames 0:" +
                             std::to_string(plan.total_frames) + ")");
    }

    if (const auto o = args.get("--output")) {
        plan.output = *o;
    } else {
        std::string extension = ".mp4";
        if (const auto f = args.get("--format")) extension = extension_of_format(*f, {});
        else if (project && project->format) extension = extension_of_format(*project->format, project->format_mark);
        if (plan.last_frame) extension = ".png";
        plan.output = default_output(project, scene.name, section, plan.height, plan.fps, extension);
    }
    return plan;
}

}  // namespace attnreel::cli
