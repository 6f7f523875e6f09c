#include "captions/caption_overlay.hpp"
#include "cli/args.hpp"
#include "cli/commands.hpp"
#include "cli/interrupt.hpp"
#include "cli/narration_outputs.hpp"
#include "cli/output_options.hpp"
#include "cli/output_path.hpp"
#include "cli/render_plan.hpp"
#include "cli/watch_loop.hpp"
#include "core/error.hpp"
#include "encode/chunk_tag.hpp"
#include "encode/libav_messages.hpp"
#include "encode/open_sink.hpp"
#include "encode/render_pipeline.hpp"
#include "encode/still_image.hpp"
#include "encode/temp_file.hpp"
#include "io/scene_file.hpp"
#include "render/raster.hpp"
#include "text/utf8.hpp"

#include <chrono>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <limits>
#include <optional>

namespace attnreel::cli {

namespace {

const char* kHelp =
    "usage: attnreel render SCENE.yaml [-o OUT] [options]\n\n"
    "Renders the scene to a video, an animation or PNG frames; the format follows OUT's extension:\n"
    "  .mp4   H.264 video (yuv420p, BT.709, streamable), with the scene's sound\n"
    "  .webm  VP9 video with alpha (transparent background kept), for web pages\n"
    "  .mov   ProRes 4444 video with alpha, for video editors\n"
    "  .gif   looping GIF with one palette for the clip\n"
    "  .webp  animated WebP: the GIF's 256 colours coded losslessly (smaller than the GIF);\n"
    "         lossy with --webp-quality or a transparent background, exact with --lossless\n"
    "  .png   the single frame at --from\n"
    "  .frames  a chunk of frames for a GIF (with --frames; 'attnreel join' makes the GIF)\n"
    "  DIR/   a numbered PNG sequence in the folder DIR\n"
    "OUT defaults to out/<scene>-<height>p<fps>.mp4 (out/arrows-480p15.mp4 with --quality low),\n"
    "so that renders at two qualities do not overwrite each other; missing folders of OUT are\n"
    "created. The output is replaced only when the render succeeds. An attnreel.yaml beside\n"
    "the scene sets defaults for the quality, the format and the output folder. A video\n"
    "carries the scene's sound (AAC, MP4 only) and, when steps have say:, gets captions beside\n"
    "it: OUT.vtt (WebVTT) and OUT.srt (SubRip). MP4 and GIF have no transparency: a transparent\n"
    "background is flattened onto black (or --flatten COLOR), with a note.\n\n"
    "options:\n"
    "  --quality low|medium|high|4k  854x480@15, 1280x720@30, 1920x1080@60, 3840x2160@60\n"
    "                                (default: the scene's own size and fps); also -ql -qm -qh -qk\n"
    "  --format mp4|webm|mov|gif|webp|png  the format of the default output (png: a folder of frames)\n"
    "  --section NAME    only the timeline's section NAME (see 'attnreel check')\n"
    "  -s, --save-last-frame  only the scene's last frame, as a PNG\n"
    "  --size WxH        pixel size (overrides --quality)\n"
    "  --fps N           frame rate (overrides --quality)\n"
    "  --from SECONDS    start of the rendered range (default 0)\n"
    "  --to SECONDS      end of the rendered range (default: the end of the scene)\n"
    "  --frames A:B      a chunk: frames A to B-1 of the whole video (MP4 or PNG folder),\n"
    "                    timestamps kept; 'attnreel join' puts MP4 chunks together\n"
    "  --keyframes-at F,G,...  MP4: start the encoder afresh at these frames (a render in\n"
    "                    one go then has the packets of chunks cut there)\n"
    "  --jobs N          rendering threads (default: all cores)\n"
    "  --crf N           MP4 quality, 0 (lossless) to 51 (default 20); WebM, 0 to 63 (default 30);\n"
    "                    lower is better\n"
    "  --preset NAME     x264 preset, ultrafast ... veryslow (default medium)\n"
    "  --gif-width N     GIF width in pixels (default: the frame width)\n"
    "  --gif-fps N       GIF frame rate (default: the render fps, at most 50)\n"
    "  --loop N          GIF and WebP: times the animation plays, 0 = forever (default 0)\n"
    "  --lossless        WebP: lossless frames (exact colours, larger on gradients)\n"
    "  --webp-quality N  WebP: lossy at 0 to 100 (80 for a transparent background; with\n"
    "                    --lossless, the effort)\n"
    "  --flatten COLOR   MP4 and GIF: the colour behind a transparent background (default black)\n"
    "  --poster [T]      also write a picture of time T (seconds, 'end' or negative from the end;\n"
    "                    default the end of the range) beside the video: OUT.poster.jpg\n"
    "  --poster-path P   the poster's name (.jpg, .png or .webp); implies --poster\n"
    "  --dry-run         render every frame and discard it (measures rendering alone)\n"
    "  --burn-captions   draw the captions into the frames too\n"
    "  --watch           render again on every save of the scene or a file it uses\n"
    "  --quiet           no progress display\n"
    "  --verbose         also show the encoder's own messages\n";

// Manim's spellings: the same thing under attnreel's name, or a word on what to use instead.
const std::vector<Shorthand> kShorthands = {
    {{"-ql"}, {"--quality", "low"}},      {{"-qm"}, {"--quality", "medium"}},   {{"-qh"}, {"--quality", "high"}},
    {{"-qk"}, {"--quality", "4k"}},       {{"-q", "l"}, {"--quality", "low"}},  {{"-q", "m"}, {"--quality", "medium"}},
    {{"-q", "h"}, {"--quality", "high"}}, {{"-q", "k"}, {"--quality", "4k"}},
};
const std::string kPreviewAdvice =
    "attnreel does not open a player; 'attnreel preview SCENE.yaml' shows the scene live in the browser";
const std::string kSizeAdvice = "use --size WIDTHxHEIGHT, e.g. --size 1280x720";
const std::string kGifAdvice = "use --format gif, or an output name ending in .gif";
const std::string kRangeAdvice = "use --section NAME for a named part of the timeline, or --from/--to SECONDS";
const std::string kAllAdvice = "attnreel renders one scene file at a time: 'attnreel render FILE.yaml'";
const std::vector<ForeignOption> kForeign = {
    {"-p", kPreviewAdvice},
    {"--preview", kPreviewAdvice},
    {"-qp", "there is no 1440p quality; use --size 2560x1440 --fps 60"},
    {"--save_last_frame", "use -s or --save-last-frame"},
    {"--dry_run", "use --dry-run"},
    {"-r", kSizeAdvice},
    {"--resolution", kSizeAdvice},
    {"--frame_rate", "use --fps N"},
    {"-i", kGifAdvice},
    {"--save_as_gif", kGifAdvice},
    {"-n", kRangeAdvice},
    {"--from_animation_number", kRangeAdvice},
    {"-a", kAllAdvice},
    {"--write_all", kAllAdvice},
    {"--media_dir", "use -o OUT, or output: FOLDER in an attnreel.yaml beside the scene"},
};

// A sink that drops every frame: `--dry-run` measures rendering alone.
class DiscardSink final : public FrameSink {
public:
    void write(const Frame&) override {}
    void finish() override {}
};

// A signal stopped the render: the sink removes its temporary output, the old one stays.
int interrupted(ProgressReporter& progress, std::unique_ptr<FrameSink>& sink, const std::filesystem::path& output,
                int signal) {
    progress.finish();
    sink.reset();
    std::fprintf(stderr, "render interrupted by %s; %s was left as it was\n", signal_name(signal).c_str(),
                 text::printable(output.string()).c_str());
    return Interrupted(signal).exit_code();
}

// "312.4 KiB": a file's size for the report line.
std::string size_text(std::uintmax_t bytes) {
    char text[32];
    if (bytes < 1024) std::snprintf(text, sizeof text, "%ju bytes", bytes);
    else if (bytes < 1024 * 1024) std::snprintf(text, sizeof text, "%.1f KiB", bytes / 1024.0);
    else std::snprintf(text, sizeof text, "%.1f MiB", bytes / (1024.0 * 1024.0));
    return text;
}

// What was written, for the report line: "out/a.gif: 427x240 GIF at 15 fps, 312.4 KiB".
std::string written_text(const std::filesystem::path& output, OutputKind kind, const OutputSettings& settings) {
    int width = settings.width, height = settings.height;
    std::string rate;
    if (kind == OutputKind::gif) {
        width = GifSink::output_width(settings.width, settings.gif);
        height = GifSink::output_height(settings.width, settings.height, settings.gif);
        const int fps = settings.gif.fps > 0 ? settings.gif.fps
                                             : std::min(50, std::max(1, static_cast<int>(std::lround(settings.fps))));
        rate = " at " + std::to_string(fps) + " fps";
    }
    std::string text = text::printable(output.string()) + ": " + std::to_string(width) + "x" + std::to_string(height) +
                       " " + kind_name(kind) + rate;
    std::error_code error;
    const std::uintmax_t bytes = std::filesystem::file_size(output, error);
    if (!error) text += ", " + size_text(bytes);
    return text;
}

// The poster: one picture of time `t`, written beside the video once the video is done.
class Poster {
public:
    Poster(std::filesystem::path path, double t) : path_(std::move(path)), t_(t), temp_(path_) {}
    const std::filesystem::path& path() const { return path_; }
    double time() const { return t_; }
    // Renders and writes it (to the temporary file); `flatten` for a JPEG of a transparent scene.
    void write(const Frame& frame, const Color& flatten) {
        Frame picture = frame;
        const StillFormat format = *still_format(path_);
        if (format == StillFormat::jpeg) flatten_onto(picture, flatten);
        temp_.write(still_bytes(picture, format));
    }
    void commit() { temp_.commit(); }

private:
    std::filesystem::path path_;
    double t_;
    TempFile temp_;
};

int render_once(const Args& args, std::vector<std::string>& inputs) {
    show_libav_messages(args.has("--verbose"));
    text::FontLibrary fonts;
    const LoadedScene loaded = load_scene(args.positional[0], fonts, &inputs);
    const Scene& scene = loaded.scene;
    const RenderPlan plan = plan_render(args, loaded);
    const std::filesystem::path& output = plan.output;

    const bool dry_run = args.has("--dry-run");
    if (!dry_run) refuse_to_overwrite(output, inputs);
    if (plan.last_frame && !dry_run && output_kind(output) != OutputKind::png)
        throw UsageError("--save-last-frame writes one PNG: give -o a name ending in .png");
    if (plan.chunk && !dry_run && output_kind(output) != OutputKind::mp4 &&
        output_kind(output) != OutputKind::png_sequence && output_kind(output) != OutputKind::frame_chunk)
        throw UsageError("--frames renders a chunk to an MP4 or, for a GIF, to PART.frames (both joined with "
                         "'attnreel join'), or to a PNG folder (DIR/)");
    if (!plan.chunk && !dry_run && output_kind(output) == OutputKind::frame_chunk)
        throw UsageError(".frames holds a chunk of a render for a GIF: give --frames A:B");
    if (!plan.restarts.empty() && !dry_run && output_kind(output) != OutputKind::mp4)
        throw UsageError("--keyframes-at applies to MP4 output only");

    const OutputKind kind = dry_run ? OutputKind::mp4 : output_kind(output);
    OutputSettings settings;
    settings.width = plan.width;
    settings.height = plan.height;
    settings.fps = plan.fps;
    if (const auto c = args.get("--crf")) {
        const int crf = parse_int("--crf", *c, 0, kind == OutputKind::webm ? 63 : 51);
        settings.crf = kind == OutputKind::webm ? settings.crf : crf;
        settings.webm_crf = kind == OutputKind::webm ? crf : settings.webm_crf;
    }
    if (const auto p = args.get("--preset")) settings.preset = *p;
    if (const auto w = args.get("--gif-width")) settings.gif.width = parse_int("--gif-width", *w, 16, 7680);
    if (const auto f = args.get("--gif-fps")) settings.gif.fps = parse_int("--gif-fps", *f, 1, 50);
    if (const auto l = args.get("--loop")) settings.gif.loop = settings.webp.loop = parse_int("--loop", *l, 0, 65535);
    settings.webp.lossless = args.has("--lossless");
    if (const auto q = args.get("--webp-quality")) settings.webp.quality = parse_int("--webp-quality", *q, 0, 100);
    // By default a WebP takes the GIF's colours, coded losslessly: the GIF's PSNR in a smaller
    // file. A transparent background keeps lossy WebP, which has alpha.
    settings.webp.palette =
        !args.has("--lossless") && !args.has("--webp-quality") && scene.settings.background.a >= 1;
    const Color flatten = flatten_color(args);
    const int jobs = args.has("--jobs") ? parse_int("--jobs", *args.get("--jobs"), 1, 256) : 0;
    if (!dry_run) note_unused_options(args, kind);

    const bool single_png = !dry_run && kind == OutputKind::png;
    const int frames = single_png ? 1
                       : plan.chunk ? static_cast<int>(plan.end_frame - plan.first_frame)
                                    : frames_between(plan.from, plan.to, plan.fps);
    // A chunk's frame i is the video's frame first + i, at the time the whole render gives it.
    const std::int64_t first = plan.first_frame;
    settings.first_frame = first;
    settings.restarts = plan.restarts;
    if (plan.chunk)
        settings.chunk = ChunkTag{scene.name + "@" + scene_fingerprint(inputs), chunk_settings(args, plan),
                                  plan.first_frame, plan.end_frame, plan.total_frames};

    // A format without alpha shows a transparent background flattened onto a colour, said aloud.
    std::optional<Color> background;
    if (!dry_run && !keeps_alpha(kind) && scene.settings.background.a < 1) {
        background = flattened(scene.settings.background, flatten);
        note_flattened(kind_name(kind), output, scene.settings.background, flatten);
    }

    // Sound and caption files go with a video; other outputs say what they leave out.
    const bool burn = args.has("--burn-captions");
    const bool video = !dry_run && (kind == OutputKind::mp4 || kind == OutputKind::webm || kind == OutputKind::mov);
    // A chunk that starts the video carries the whole soundtrack (join takes it from there,
    // so the sound is not cut at chunk boundaries); the other chunks carry none.
    const double video_end = plan.chunk ? plan.total_frames / plan.fps : plan.from + frames / plan.fps;
    const std::vector<captions::Cue> cues =
        scene.narration.empty() ? std::vector<captions::Cue>{}
                                : captions::cues_in_range(captions::make_cues(scene), plan.from, video_end);
    if (kind == OutputKind::mp4 && !dry_run) {
        if (!plan.chunk || first == 0) settings.audio = soundtrack_of(scene, plan.from, video_end);
    } else if (video && soundtrack_of(scene, plan.from, video_end)) {
        std::fprintf(stderr, "note: %s output has no sound; the scene's audio is left out (MP4 carries it)\n",
                     kind_name(kind).c_str());
    } else if (!dry_run && !video) {
        note_silent_output(scene, kind == OutputKind::frame_chunk ? "GIF" : kind_name(kind), burn);
    }
    std::optional<captions::CaptionOverlay> overlay;
    if (burn)
        overlay.emplace(cues, fonts, static_cast<double>(plan.width) / plan.height, scene.settings.reserve_lower_third,
                        scene.settings.fonts);

    const bool wants_poster = args.has("--poster") || args.has("--poster-path");
    if (wants_poster && (dry_run || kind == OutputKind::png))
        throw UsageError("--poster writes a picture beside a video or animation; this render writes " +
                         std::string(dry_run ? "nothing" : "one picture already"));
    std::optional<double> poster_time;
    std::optional<std::filesystem::path> poster_file;
    if (wants_poster) {
        const auto value = args.get("--poster");
        poster_time = picture_time("--poster", value && !value->empty() ? value : std::nullopt, plan.to,
                                   scene.duration);
        poster_file = poster_path(args, output);
        if (still_format(*poster_file) == StillFormat::jpeg && !background && scene.settings.background.a < 1)
            note_flattened("JPEG", *poster_file, scene.settings.background, flatten);
        refuse_to_overwrite(*poster_file, inputs);
        std::error_code same;
        if (std::filesystem::equivalent(*poster_file, output, same) || *poster_file == output)
            throw UsageError("--poster-path names the output itself; choose another name");
    }

    // Catch signals before the sink creates its temporary file, so that none can leave it behind.
    InterruptGuard interrupt;
    settings.gif.cancel = settings.webp.cancel = interrupt.flag();  // a signal also stops the GIF's second pass, in finish()
    // Folders are made only now, so that a bad option leaves no empty out/ behind.
    if (!dry_run) create_parent_folders(output);
    std::unique_ptr<FrameSink> sink = dry_run ? std::make_unique<DiscardSink>() : open_sink(output, settings);
    std::optional<CaptionFiles> caption_files;
    if (video && !plan.chunk && !scene.narration.empty())
        caption_files.emplace(output, cues, scene.settings.reserve_lower_third);
    std::optional<Poster> poster;
    if (poster_file) {
        create_parent_folders(*poster_file);
        poster.emplace(*poster_file, *poster_time);
    }
    const auto draw_at = [&](double t, double caption_time) {
        DrawList list = frame_at(scene, t);
        if (background) list.background = *background;
        if (overlay) overlay->draw(caption_time, list);
        return list;
    };
    const RenderFrame render_one = [&](int index, Frame& out) {
        thread_local Rasterizer rasterizer;  // one Cairo surface per worker, reused
        const double since_from = static_cast<double>(first + index) / plan.fps;
        rasterizer.render(draw_at(plan.from + since_from, since_from), plan.width, plan.height, out);
    };

    const ProgressStyle style = args.has("--quiet") ? ProgressStyle::quiet : ProgressStyle::automatic;
    ProgressReporter progress(dry_run ? "rendering" : output.string(), frames, style);
    const auto start = std::chrono::steady_clock::now();
    try {
        render_frames(frames, jobs, render_one, *sink, &progress, interrupt.flag());
        interrupt.check();  // a signal during the sink's last writes: keep the previous output
        if (poster) {
            Rasterizer rasterizer;
            Frame picture;
            rasterizer.render(draw_at(poster->time(), poster->time() - plan.from), plan.width, plan.height, picture);
            poster->write(picture, flatten);
        }
        sink->finish();
        if (caption_files) caption_files->commit();  // the video and its captions go together
        if (poster) poster->commit();
        interrupt.check();
    } catch (const RenderCancelled&) {
        return interrupted(progress, sink, output, interrupt.signal());
    } catch (const Interrupted&) {
        return interrupted(progress, sink, output, interrupt.signal());
    }
    progress.finish();
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    if (!args.has("--quiet")) {
        std::fprintf(stderr, "%s %d frames (%dx%d) in %.2f s, %.1f frames/s", dry_run ? "rendered" : "wrote", frames,
                     plan.width, plan.height, seconds, frames / seconds);
        if (!dry_run && kind != OutputKind::png_sequence)
            std::fprintf(stderr, "; %s", written_text(output, kind, settings).c_str());
        std::fprintf(stderr, "\n");
        if (!dry_run) std::printf("%s\n", output.string().c_str());
        if (caption_files)
            std::printf("%s\n%s\n", caption_files->vtt().string().c_str(), caption_files->srt().string().c_str());
        if (poster) std::printf("%s\n", poster->path().string().c_str());
    }
    return 0;
}

}  // namespace

int render_command(const std::vector<std::string>& words) {
    const Args args = parse_args(words,
                                 {{"--help", "-h", false},     {"--output", "-o", true},    {"--quality", "", true},
                                  {"--size", "", true},        {"--fps", "", true},         {"--from", "", true},
                                  {"--to", "", true},          {"--jobs", "", true},        {"--crf", "", true},
                                  {"--preset", "", true},      {"--gif-width", "", true},   {"--gif-fps", "", true},
                                  {"--dry-run", "", false},    {"--quiet", "-q", false},    {"--verbose", "-v", false},
                                  {"--format", "", true},      {"--section", "", true},     {"--save-last-frame", "-s", false},
                                  {"--burn-captions", "", false}, {"--watch", "-w", false},
                                  {"--frames", "", true},      {"--keyframes-at", "", true},
                                  {"--loop", "", true},        {"--lossless", "", false},   {"--webp-quality", "", true},
                                  {"--flatten", "", true},     {"--poster", "", false, true}, {"--poster-path", "", true}},
                                 kForeign, kShorthands);
    if (args.has("--help")) {
        std::printf("%s", kHelp);
        return 0;
    }
    if (args.positional.size() != 1) throw UsageError("render takes one scene file (see 'attnreel render --help')");
    check_render_options(args);
    if (args.has("--watch"))
        return run_watching([&](std::vector<std::string>& inputs) { return render_once(args, inputs); });
    std::vector<std::string> inputs;
    return render_once(args, inputs);
}

}  // namespace attnreel::cli
