#include "encode/gif_sink.hpp"

#include "core/error.hpp"
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

// GIF delays are whole hundredths of a second, so its own rate is a whole number.
int gif_fps(const GifOptions& options) {
    return options.fps > 0 ? options.fps
                           : std::min(std::max(1, static_cast<int>(std::lround(options.input_fps))), max_gif_fps);
}

PaletteOptions palette_options(int width, int height, const GifOptions& o) {
    PaletteOptions p;
    p.input_fps = o.input_fps;
    p.fps = gif_fps(o);
    p.width = GifSink::output_width(width, o);
    p.height = GifSink::output_height(width, height, o);
    p.dither = o.dither;
    p.bayer_scale = o.bayer_scale;
    p.stats = o.stats;
    p.cancel = o.cancel;
    return p;
}

}  // namespace

int GifSink::output_width(int width, const GifOptions& options) { return options.width > 0 ? options.width : width; }

int GifSink::output_height(int width, int height, const GifOptions& options) {
    const int out_w = output_width(width, options);
    return std::max(1, static_cast<int>(std::lround(static_cast<double>(height) * out_w / width)));
}

struct GifSink::Passes {
    std::filesystem::path path;
    int width;
    int height;
    AVRational gif_time_base;
    VideoFileWriter writer;  // opened first, so a bad path fails before any work
    PaletteQuantizer quantizer;

    Passes(const std::filesystem::path& out, int w, int h, const GifOptions& o)
        : path(out),
          width(w),
          height(h),
          gif_time_base{1, gif_fps(o)},
          writer(out, gif_spec(output_width(w, o), output_height(w, h, o), gif_time_base, o.loop)),
          quantizer(out, w, h, palette_options(w, h, o)) {}

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

    void finish() {
        if (quantizer.frames_pushed() == 0) throw std::runtime_error(path.string() + ": a GIF needs at least one frame");
        const AVRational from = quantizer.output_time_base();
        quantizer.finish([&](AVFrame& mapped) {
            mapped.pts = av_rescale_q(mapped.pts, from, gif_time_base);
            writer.send(mapped);
        });
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
    p.quantizer.push(frame);
}

void GifSink::finish() { passes_->finish(); }

}  // namespace attnreel
