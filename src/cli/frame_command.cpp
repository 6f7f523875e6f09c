#include "captions/caption_overlay.hpp"
#include "cli/args.hpp"
#include "cli/commands.hpp"
#include "cli/interrupt.hpp"
#include "cli/output_options.hpp"
#include "cli/output_path.hpp"
#include "cli/watch_loop.hpp"
#include "core/error.hpp"
#include "encode/still_image.hpp"
#include "encode/temp_file.hpp"
#include "io/scene_file.hpp"
#include "render/raster.hpp"
#include "render/vector_file.hpp"

#include <cctype>
#include <cmath>
#include <cstdio>
#include <filesystem>

namespace attnreel::cli {

namespace {

const char* kHelp =
    "usage: attnreel frame SCENE.yaml (--at SECONDS | --frame N) -o OUT.(png|jpg|webp|svg|pdf)\n"
    "                                [--size WxH] [--flatten COLOR] [--burn-captions] [--watch]\n\n"
    "Renders one frame of the scene. PNG (lossless, alpha), JPEG (quality 90, no alpha) and\n"
    "WebP (lossless, alpha) are raster images; SVG (sized in pixels, each text a titled group\n"
    "of outlines) and PDF are vector output of the same picture. --size overrides the scene's\n"
    "pixel size (the picture is the same, only sharper or smaller). The output is replaced\n"
    "only when rendering succeeds; missing folders of OUT are created.\n\n"
    "  --at SECONDS     the time: 'end' is the last frame, a negative time counts back from\n"
    "                   the end (--at -0.5 is half a second before it)\n"
    "  --frame N        the frame number N at the scene's fps, from 0 (the last is the frame\n"
    "                   count less one, as `attnreel check` prints it)\n"
    "  --flatten COLOR  JPEG: the colour behind a transparent background (default black)\n"
    "  --burn-captions  draw the caption of that time (the step's say:) as render does\n"
    "  --watch          render again on every save of the scene or a file it uses\n";

// --at's value against the scene's length: seconds, "end", or seconds back from the end.
double time_of(const std::string& at, double duration) {
    if (at == "end") return duration;
    const double t = parse_number("--at", at);
    return t < 0 || (t == 0 && std::signbit(t)) ? duration + t : t;
}

// ".svg" for "Out.SVG".
std::string lowercase_extension(const std::string& path) {
    std::string ext = std::filesystem::path(path).extension().string();
    for (char& c : ext) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return ext;
}

int frame_once(const Args& args, const std::string& output, std::vector<std::string>& inputs) {
    const std::string ext = lowercase_extension(output);
    text::FontLibrary fonts;
    const Scene scene = load_scene(args.positional[0], fonts, &inputs).scene;
    refuse_to_overwrite(output, inputs);
    double t = 0;
    if (const auto at = args.get("--at")) {
        t = time_of(*at, scene.duration);
    } else {
        // Frames are numbered 0 to count − 1, as the video's frames are.
        const int count = scene.frame_count();
        const int n = parse_int("--frame", *args.get("--frame"), 0, 100000000);
        if (n >= count)
            throw UsageError("frame " + std::to_string(n) + " is outside the scene, which has " + std::to_string(count) +
                             (count == 1 ? " frame (number 0)" : " frames (0 to " + std::to_string(count - 1) + ")"));
        t = n / scene.settings.fps;
    }
    // check prints the duration in hundredths: the end it prints is the end, even when the
    // real one (set by speech, say) is a little earlier.
    if (t > scene.duration && t <= scene.duration + 0.005) t = scene.duration;
    if (t < 0 || t > scene.duration + 1e-9)
        throw UsageError("time " + number_text(t) + " s is outside the scene, which lasts " +
                         number_text(scene.duration) + " s (--at end is its last frame)");
    int width = scene.settings.width, height = scene.settings.height;
    if (const auto size = args.get("--size")) std::tie(width, height) = parse_size("--size", *size);

    DrawList list = frame_at(scene, t);
    if (args.has("--burn-captions") && !scene.narration.empty())
        captions::CaptionOverlay(captions::make_cues(scene), fonts, static_cast<double>(width) / height,
                                 scene.settings.reserve_lower_third, scene.settings.fonts)
            .draw(t, list);
    const std::optional<StillFormat> still = still_format(output);
    const Color flatten = flatten_color(args);
    if (still == StillFormat::jpeg && scene.settings.background.a < 1) {
        note_flattened("JPEG", output, scene.settings.background, flatten);
        list.background = flattened(scene.settings.background, flatten);
    } else if (args.has("--flatten")) {
        std::fprintf(stderr, "note: --flatten does not apply to %s (it keeps the background as it is); ignored\n",
                     ext.c_str());
    }
    create_parent_folders(output);
    // From here a temporary file exists: a signal stops the command before it replaces the
    // output, and unwinding removes the temporary file.
    const InterruptGuard interrupt;
    TempFile temp(output);
    if (still) {
        Frame frame;
        Rasterizer rasterizer;
        rasterizer.render(list, width, height, frame);
        temp.write(still_bytes(frame, *still));
    } else {
        temp.write(vector_file_bytes(list, width, height, ext == ".svg" ? VectorFormat::Svg : VectorFormat::Pdf));
    }
    interrupt.check();
    temp.commit();
    if (args.has("--watch")) std::fprintf(stderr, "wrote %s (t = %.3f s)\n", output.c_str(), t);
    return 0;
}

}  // namespace

int frame_command(const std::vector<std::string>& words) {
    const Args args = parse_args(words, {{"--help", "-h", false},
                                         {"--at", "", true},
                                         {"--frame", "", true},
                                         {"--output", "-o", true},
                                         {"--size", "", true},
                                         {"--burn-captions", "", false},
                                         {"--flatten", "", true},
                                         {"--watch", "-w", false}});
    if (args.has("--help")) {
        std::printf("%s", kHelp);
        return 0;
    }
    if (args.positional.size() != 1) throw UsageError("frame takes one scene file (see 'attnreel frame --help')");
    if (args.has("--at") == args.has("--frame")) throw UsageError("give exactly one of --at SECONDS or --frame N");
    const auto output = args.get("--output");
    if (!output) throw UsageError("frame needs an output file: -o OUT.png (or .jpg, .webp, .svg, .pdf)");
    const std::string ext = lowercase_extension(*output);
    if (!still_format(*output) && ext != ".svg" && ext != ".pdf")
        throw UsageError("cannot tell the format of '" + *output + "': the supported extensions are " +
                         still_extensions() + ", .svg and .pdf");
    if (args.has("--flatten")) flatten_color(args);  // a bad colour ends the watch before it starts
    if (const auto size = args.get("--size")) parse_size("--size", *size);  // a bad size ends the watch before it starts
    if (args.has("--watch"))
        return run_watching([&](std::vector<std::string>& inputs) { return frame_once(args, *output, inputs); });
    std::vector<std::string> inputs;
    return frame_once(args, *output, inputs);
}

}  // namespace attnreel::cli
