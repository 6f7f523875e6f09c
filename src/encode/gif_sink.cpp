#include "encode/gif_sink.hpp"

#include "core/error.hpp"
#include "encode/filter_graph.hpp"
#include "encode/frame_spool.hpp"
#include "encode/render_pipeline.hpp"
#include "encode/video_file_writer.hpp"

#include <cmath>
#include <optional>
#include <stdexcept>

namespace attnreel {

namespace {

// GIF delays are whole hundredths of a second, and browsers play delays under 2/100 s as
// 10/100 s: 50 fps is the fastest GIF that plays at its own speed.
constexpr int max_gif_fps = 50;

void validate(const std::filesystem::path& path, int width, int height, const GifOptions& options) {
    const SourceMark where{path.string()};
    if (width <= 0 || height <= 0)
        throw InputError(where,
                         "frame size must be positive, got " + std::to_string(width) + "x" + std::to_string(height));
    if (!(options.input_fps > 0) || options.input_fps > 1000)
        throw InputError(where, "fps must be between 0 and 1000, got " + std::to_string(options.input_fps));
    if (options.fps < 0 || options.fps > max_gif_fps)
        throw InputError(where, "GIF fps must be between 1 and " + std::to_string(max_gif_fps) +
                                    " (0 keeps the video's), got " + std::to_string(options.fps));
    if (options.width < 0) throw InputError(where, "GIF width must be positive, got " + std::to_string(options.width));
    if (options.loop < 0 || options.loop > 65536)
        throw InputError(where, "loop count must be between 0 (forever) and 65536, got " + std::to_string(options.loop));
    if (options.bayer_scale < 0 || options.bayer_scale > 5)
        throw InputError(where, "bayer scale must be between 0 and 5, got " + std::to_string(options.bayer_scale));
}

std::string dither_name(GifDither dither) {
    switch (dither) {
        case GifDither::none: return "0";  // paletteuse's "none" has no name in libavfilter 8
        case GifDither::bayer: return "bayer";
        case GifDither::sierra2_4a: return "sierra2_4a";
    }
    return "0";
}

// GIF delays are whole hundredths of a second, so its own rate is a whole number.
int gif_fps(const GifOptions& options) {
    return options.fps > 0 ? options.fps
                           : std::min(std::max(1, static_cast<int>(std::lround(options.input_fps))), max_gif_fps);
}

// Pass 1: source → [fps] → [scale] → bgra → split → spool / palettegen.
std::string analysis_description(int width, int height, const GifOptions& options) {
    std::string chain = "[frames]";
    if (gif_fps(options) != options.input_fps) chain += "fps=" + std::to_string(gif_fps(options)) + ",";
    const int out_w = GifSink::output_width(width, options);
    const int out_h = GifSink::output_height(width, height, options);
    if (out_w != width || out_h != height)
        chain += "scale=" + std::to_string(out_w) + ":" + std::to_string(out_h) + ":flags=lanczos,";
    const std::string stats = options.stats == GifPaletteStats::full ? "full" : "diff";
    return chain + "format=bgra,split[scaled][for_palette];[for_palette]palettegen=stats_mode=" + stats + "[palette]";
}

}  // namespace

int GifSink::output_width(int width, const GifOptions& options) { return options.width > 0 ? options.width : width; }

int GifSink::output_height(int width, int height, const GifOptions& options) {
    const int out_w = output_width(width, options);
    return std::max(1, static_cast<int>(std::lround(static_cast<double>(height) * out_w / width)));
}

struct GifSink::Passes {
    std::filesystem::path path;
    GifOptions options;
    int width;
    int height;
    int out_width;
    int out_height;
    AVRational gif_time_base;
    VideoFileWriter writer;  // opened first, so a bad path fails before any work
    FilterGraph analysis;
    FrameSpool spool;
    libav::FramePtr input = libav::make_frame();
    libav::FramePtr filtered = libav::make_frame();
    std::int64_t next_pts = 0;

    Passes(const std::filesystem::path& out, int w, int h, const GifOptions& o)
        : path(out),
          options(o),
          width(w),
          height(h),
          out_width(output_width(w, o)),
          out_height(output_height(w, h, o)),
          gif_time_base{1, gif_fps(o)},
          writer(out, gif_spec(out_width, out_height, gif_time_base, o.loop)),
          analysis(out, {FilterSource{"frames", w, h, AV_PIX_FMT_0RGB32, libav::frame_duration(o.input_fps)}},
                   {"scaled", "palette"}, analysis_description(w, h, o)),
          spool(out, out_width, out_height) {}

    static VideoStreamSpec gif_spec(int w, int h, AVRational time_base, int loop) {
        VideoStreamSpec s;
        s.muxer = "gif";
        s.encoder = "gif";
        s.width = w;
        s.height = h;
        s.pixel_format = AV_PIX_FMT_PAL8;
        s.time_base = time_base;
        // offsetting stores only the changed rectangle; transdiff makes unchanged pixels
        // inside it transparent, which compresses better.
        s.encoder_options = {{"gifflags", "+offsetting+transdiff"}};
        // The muxer's loop: 0 forever, -1 no NETSCAPE2.0 extension (plays once), N repeats.
        s.muxer_options = {{"loop", std::to_string(loop == 0 ? 0 : loop == 1 ? -1 : loop - 1)}};
        return s;
    }

    void spool_ready_frames() {
        while (analysis.pull("scaled", *filtered)) spool.append(*filtered);
    }

    void encode_ready(FilterGraph& mapping) {
        while (mapping.pull("mapped", *filtered)) {
            filtered->pts = av_rescale_q(filtered->pts, mapping.sink_time_base("mapped"), gif_time_base);
            writer.send(*filtered);
        }
    }

    void finish() {
        analysis.close("frames", next_pts);
        spool_ready_frames();
        if (spool.size() == 0) throw std::runtime_error(path.string() + ": a GIF needs at least one frame");
        libav::FramePtr palette = libav::make_frame();
        if (!analysis.pull("palette", *palette))
            throw std::runtime_error(path.string() + ": palettegen gave no palette");

        std::string use = "[scaled][palette]paletteuse=dither=" + dither_name(options.dither) + ":diff_mode=rectangle";
        if (options.dither == GifDither::bayer) use += ":bayer_scale=" + std::to_string(options.bayer_scale);
        FilterGraph mapping(
            path,
            {FilterSource{"scaled", out_width, out_height, AV_PIX_FMT_BGRA, analysis.sink_time_base("scaled")},
             FilterSource{"palette", palette->width, palette->height, static_cast<AVPixelFormat>(palette->format),
                          AVRational{1, 1}}},
            {"mapped"}, use + "[mapped]");
        palette->pts = 0;
        mapping.push("palette", *palette);
        mapping.close("palette", 1);
        for (int i = 0; i < spool.size(); ++i) {
            if (options.cancel && options.cancel->load()) throw RenderCancelled();
            mapping.push("scaled", *spool.read(i));
            encode_ready(mapping);
        }
        // The clip ends where the last input frame ends, whatever the GIF's frame rate.
        const std::int64_t end =
            av_rescale_q(next_pts, libav::frame_duration(options.input_fps), analysis.sink_time_base("scaled"));
        mapping.close("scaled", end);
        encode_ready(mapping);
        writer.finish();
    }
};

GifSink::GifSink(const std::filesystem::path& path, int width, int height, const GifOptions& options) {
    validate(path, width, height, options);
    passes_ = std::make_unique<Passes>(path, width, height, options);
}

GifSink::~GifSink() = default;

void GifSink::write(const Frame& frame) {
    Passes& p = *passes_;
    if (frame.width != p.width || frame.height != p.height)
        throw std::logic_error("GifSink: frame size differs from the size the sink was opened with");
    // The graph copies the pixels (the frame has no libav buffer), so wrapping is enough.
    AVFrame& in = *p.input;
    in.format = AV_PIX_FMT_0RGB32;
    in.width = frame.width;
    in.height = frame.height;
    in.data[0] = const_cast<std::uint8_t*>(frame.bytes());
    in.linesize[0] = frame.stride_bytes();
    in.pts = p.next_pts++;
    p.analysis.push("frames", in);
    p.spool_ready_frames();
}

void GifSink::finish() { passes_->finish(); }

}  // namespace attnreel
