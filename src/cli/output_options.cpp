#include "cli/output_options.hpp"

#include "core/error.hpp"
#include "encode/still_image.hpp"
#include "text/utf8.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <vector>

namespace attnreel::cli {

namespace {

struct FormatOption {
    std::string name;
    std::vector<OutputKind> kinds;  // the outputs it applies to
    std::string what;               // what it sets, for the note
};

const std::vector<FormatOption>& format_options() {
    static const std::vector<FormatOption> all = {
        {"--crf", {OutputKind::mp4, OutputKind::webm}, "the quality of MP4 and WebM"},
        {"--preset", {OutputKind::mp4}, "x264's speed for MP4"},
        {"--gif-width", {OutputKind::gif}, "the width of a GIF"},
        {"--gif-fps", {OutputKind::gif}, "the frame rate of a GIF"},
        {"--loop", {OutputKind::gif, OutputKind::webp}, "how often a GIF or WebP plays"},
        {"--lossless", {OutputKind::webp}, "animated WebP compression"},
        {"--webp-quality", {OutputKind::webp}, "animated WebP quality"},
        {"--flatten", {OutputKind::mp4, OutputKind::gif, OutputKind::frame_chunk},
         "the colour behind a transparent MP4 or GIF"},
    };
    return all;
}

std::string article(OutputKind kind) {
    switch (kind) {
        case OutputKind::mp4: return "an MP4";
        case OutputKind::png_sequence: return "a PNG sequence";
        default: return "a " + kind_name(kind);
    }
}

}  // namespace

void note_unused_options(const Args& args, OutputKind kind) {
    for (const FormatOption& option : format_options()) {
        if (!args.has(option.name)) continue;
        if (std::find(option.kinds.begin(), option.kinds.end(), kind) != option.kinds.end()) continue;
        std::fprintf(stderr, "note: %s does not apply to %s (it sets %s); ignored\n", option.name.c_str(),
                     article(kind).c_str(), option.what.c_str());
    }
}

Color flatten_color(const Args& args) {
    const auto text = args.get("--flatten");
    if (!text) return Color{0, 0, 0, 1};
    const std::optional<Color> colour = parse_color(*text);
    if (!colour)
        throw UsageError("--flatten expects a colour (#rrggbb or a name such as white), got '" + *text + "'" +
                         did_you_mean(*text, color_names()));
    Color opaque = *colour;
    opaque.a = 1;
    return opaque;
}

Color flattened(const Color& background, const Color& under) {
    const double a = std::clamp(background.a, 0.0, 1.0);
    return {background.r * a + under.r * (1 - a), background.g * a + under.g * (1 - a),
            background.b * a + under.b * (1 - a), 1};
}

void note_flattened(const std::string& format, const std::filesystem::path& output, const Color& background,
                    const Color& under) {
    const std::string colour = to_hex(under);
    std::fprintf(stderr,
                 "note: %s has no transparency: the scene's background %s is flattened onto %s in %s; use .webm, .mov "
                 "or .webp to keep it (or --flatten COLOR)\n",
                 format.c_str(), to_hex(background).c_str(), colour.c_str(), text::printable(output.string()).c_str());
}

std::filesystem::path poster_path(const Args& args, const std::filesystem::path& output) {
    if (const auto p = args.get("--poster-path")) {
        const std::filesystem::path path = *p;
        if (!still_format(path))
            throw UsageError("--poster-path '" + *p + "' must end in .png, .jpg (or .jpeg) or .webp");
        return path;
    }
    std::filesystem::path base = output.has_filename() ? output : output.parent_path();
    return base.replace_extension(".poster.jpg");
}

double picture_time(const std::string& option, const std::optional<std::string>& value, double end,
                    double duration) {
    double t = end;
    if (value && *value != "end") {
        t = parse_number(option, *value);
        if (t < 0 || (t == 0 && std::signbit(t))) t += duration;
    } else if (value) {
        t = duration;
    }
    if (t > duration && t <= duration + 0.005) t = duration;
    if (t < 0 || t > duration + 1e-9)
        throw UsageError(option + ": time " + number_text(t) + " s is outside the scene, which lasts " +
                         number_text(duration) + " s ('end' is its last frame)");
    return t;
}

}  // namespace attnreel::cli
