#include "encode/palette_quantizer.hpp"

#include "encode/filter_graph.hpp"
#include "encode/frame_spool.hpp"
#include "encode/render_pipeline.hpp"

#include <cmath>
#include <stdexcept>

namespace attnreel {

namespace {

std::string dither_name(GifDither dither) {
    switch (dither) {
        case GifDither::none: return "0";  // paletteuse's "none" has no name in libavfilter 8
        case GifDither::bayer: return "bayer";
        case GifDither::sierra2_4a: return "sierra2_4a";
    }
    return "0";
}

// Pass 1: source → [fps] → [scale] → bgra → split → spool / palettegen.
std::string analysis_description(int width, int height, int out_width, int out_height, const PaletteOptions& o) {
    std::string chain = "[frames]";
    if (o.fps > 0 && o.fps != o.input_fps) chain += "fps=" + std::to_string(o.fps) + ",";
    if (out_width != width || out_height != height)
        chain += "scale=" + std::to_string(out_width) + ":" + std::to_string(out_height) + ":flags=lanczos,";
    const std::string stats = o.stats == GifPaletteStats::full ? "full" : "diff";
    return chain + "format=bgra,split[scaled][for_palette];[for_palette]palettegen=stats_mode=" + stats + "[palette]";
}

}  // namespace

struct PaletteQuantizer::Passes {
    std::filesystem::path path;
    PaletteOptions options;
    int width, height, out_width, out_height;
    FilterGraph analysis;
    FrameSpool spool;
    libav::FramePtr input = libav::make_frame();
    libav::FramePtr filtered = libav::make_frame();
    std::int64_t next_pts = 0;

    Passes(const std::filesystem::path& out, int w, int h, const PaletteOptions& o)
        : path(out),
          options(o),
          width(w),
          height(h),
          out_width(o.width > 0 ? o.width : w),
          out_height(o.height > 0 ? o.height : h),
          analysis(out, {FilterSource{"frames", w, h, AV_PIX_FMT_0RGB32, libav::frame_duration(o.input_fps)}},
                   {"scaled", "palette"}, analysis_description(w, h, out_width, out_height, o)),
          spool(out, out_width, out_height) {}

    void spool_ready_frames() {
        while (analysis.pull("scaled", *filtered)) spool.append(*filtered);
    }
};

PaletteQuantizer::PaletteQuantizer(const std::filesystem::path& path, int width, int height,
                                   const PaletteOptions& options)
    : passes_(std::make_unique<Passes>(path, width, height, options)) {}

PaletteQuantizer::~PaletteQuantizer() = default;

int PaletteQuantizer::frames_pushed() const { return static_cast<int>(passes_->next_pts); }

AVRational PaletteQuantizer::output_time_base() const { return passes_->analysis.sink_time_base("scaled"); }

void PaletteQuantizer::push(const Frame& frame) {
    Passes& p = *passes_;
    if (frame.width != p.width || frame.height != p.height)
        throw std::logic_error("PaletteQuantizer: frame size differs from the size it was made for");
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

std::int64_t PaletteQuantizer::finish(const std::function<void(AVFrame& mapped)>& mapped) {
    Passes& p = *passes_;
    p.analysis.close("frames", p.next_pts);
    p.spool_ready_frames();
    if (p.spool.size() == 0) throw std::runtime_error(p.path.string() + ": an animation needs at least one frame");
    libav::FramePtr palette = libav::make_frame();
    if (!p.analysis.pull("palette", *palette)) throw std::runtime_error(p.path.string() + ": palettegen gave no palette");

    std::string use = "[scaled][palette]paletteuse=dither=" + dither_name(p.options.dither) + ":diff_mode=rectangle";
    if (p.options.dither == GifDither::bayer) use += ":bayer_scale=" + std::to_string(p.options.bayer_scale);
    const AVRational time_base = output_time_base();
    FilterGraph mapping(p.path,
                        {FilterSource{"scaled", p.out_width, p.out_height, AV_PIX_FMT_BGRA, time_base},
                         FilterSource{"palette", palette->width, palette->height,
                                      static_cast<AVPixelFormat>(palette->format), AVRational{1, 1}}},
                        {"mapped"}, use + "[mapped]");
    palette->pts = 0;
    mapping.push("palette", *palette);
    mapping.close("palette", 1);
    const auto hand_on = [&] {
        while (mapping.pull("mapped", *p.filtered)) {
            p.filtered->pts = av_rescale_q(p.filtered->pts, mapping.sink_time_base("mapped"), time_base);
            mapped(*p.filtered);
        }
    };
    for (int i = 0; i < p.spool.size(); ++i) {
        if (p.options.cancel && p.options.cancel->load()) throw RenderCancelled();
        mapping.push("scaled", *p.spool.read(i));
        hand_on();
    }
    // The clip ends where the last input frame ends, whatever the output's frame rate.
    const std::int64_t end = av_rescale_q(p.next_pts, libav::frame_duration(p.options.input_fps), time_base);
    mapping.close("scaled", end);
    hand_on();
    return end;
}

}  // namespace attnreel
