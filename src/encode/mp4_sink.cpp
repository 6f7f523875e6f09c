#include "encode/mp4_sink.hpp"

#include "audio/aac_encoder.hpp"
#include "core/error.hpp"
#include "encode/video_file_writer.hpp"

#include <algorithm>
#include <stdexcept>

extern "C" {
#include <libavutil/pixfmt.h>
}

namespace attnreel {

const std::vector<std::string>& x264_presets() {
    static const std::vector<std::string> names = {"ultrafast", "superfast", "veryfast", "faster",   "fast",
                                                   "medium",    "slow",      "slower",   "veryslow", "placebo"};
    return names;
}

namespace {

void validate(const std::filesystem::path& path, int width, int height, const Mp4Options& options) {
    const SourceMark where{path.string()};
    if (width <= 0 || height <= 0)
        throw InputError(where,
                         "frame size must be positive, got " + std::to_string(width) + "x" + std::to_string(height));
    if (width % 2 != 0 || height % 2 != 0)
        throw InputError(where, "MP4 (yuv420p) needs an even width and height, got " + std::to_string(width) + "x" +
                                    std::to_string(height) + "; try " + std::to_string(width + width % 2) + "x" +
                                    std::to_string(height + height % 2));
    if (options.first_frame < 0)
        throw InputError(where, "the first frame's number must not be negative, got " + std::to_string(options.first_frame));
    if (!(options.fps > 0) || options.fps > 1000)
        throw InputError(where, "fps must be between 0 and 1000, got " + std::to_string(options.fps));
    if (options.crf < 0 || options.crf > 51)
        throw InputError(where, "crf must be between 0 and 51, got " + std::to_string(options.crf));
    const auto& presets = x264_presets();
    if (std::find(presets.begin(), presets.end(), options.preset) == presets.end())
        throw InputError(where, "unknown x264 preset '" + options.preset + "'" + did_you_mean(options.preset, presets));
}

void tag_bt709_limited(AVCodecContext& codec) {
    codec.color_primaries = AVCOL_PRI_BT709;
    codec.color_trc = AVCOL_TRC_BT709;
    codec.colorspace = AVCOL_SPC_BT709;
    codec.color_range = AVCOL_RANGE_MPEG;
}

}  // namespace

struct Mp4Sink::Encoder {
    std::filesystem::path path;
    std::unique_ptr<audio::AacEncoder> aac;  // before the writer, which takes its parameters
    VideoFileWriter writer;
    libav::SwsPtr to_yuv;
    libav::FramePtr yuv = libav::make_frame();
    int width;
    int height;
    std::int64_t first_pts;
    std::int64_t next_pts;
    std::vector<std::int64_t> restarts;
    AVRational frame_duration;

    audio::AacEncoder::PacketSink audio_out() {
        return [this](AVPacket& packet) { writer.write_audio(packet); };
    }

    Encoder(const std::filesystem::path& out, int w, int h, const Mp4Options& options)
        : path(out),
          aac(options.audio ? std::make_unique<audio::AacEncoder>(options.audio, out) : nullptr),
          writer(out, spec(w, h, options, aac.get())),
          width(w),
          height(h),
          first_pts(options.first_frame),
          next_pts(options.first_frame),
          restarts(options.restarts),
          frame_duration(libav::frame_duration(options.fps)) {
        // Cairo's native-endian ARGB32 is BGRA bytes on little endian (0RGB32 names it either
        // way); alpha is ignored, which shows premultiplied pixels over black.
        to_yuv = libav::bt709_converter(w, h, AV_PIX_FMT_0RGB32, AV_PIX_FMT_YUV420P, path);
        yuv = libav::bt709_frame(w, h, AV_PIX_FMT_YUV420P, path);
    }

    static VideoStreamSpec spec(int w, int h, const Mp4Options& options, const audio::AacEncoder* aac) {
        VideoStreamSpec s;
        s.muxer = "mp4";
        s.encoder = "libx264";
        s.width = w;
        s.height = h;
        s.pixel_format = AV_PIX_FMT_YUV420P;
        s.time_base = libav::frame_duration(options.fps);
        s.encoder_options = {{"preset", options.preset}, {"crf", std::to_string(options.crf)}};
        s.muxer_options = {{"movflags", "+faststart"}};
        s.configure = tag_bt709_limited;
        s.metadata = options.metadata;
        if (aac) s.audio = &aac->context();
        return s;
    }
};

Mp4Sink::Mp4Sink(const std::filesystem::path& path, int width, int height, const Mp4Options& options) {
    validate(path, width, height, options);
    Mp4Options sorted = options;
    std::sort(sorted.restarts.begin(), sorted.restarts.end());
    encoder_ = std::make_unique<Encoder>(path, width, height, sorted);
}

Mp4Sink::~Mp4Sink() = default;

void Mp4Sink::write(const Frame& frame) {
    Encoder& e = *encoder_;
    if (frame.width != e.width || frame.height != e.height)
        throw std::logic_error("Mp4Sink: frame size differs from the size the sink was opened with");
    // The encoder may still hold a reference to the previous YUV buffer.
    libav::check(av_frame_make_writable(e.yuv.get()), e.path, "preparing a YUV frame");
    const std::uint8_t* source[1] = {frame.bytes()};
    const int source_stride[1] = {frame.stride_bytes()};
    libav::check(sws_scale(e.to_yuv.get(), source, source_stride, 0, e.height, e.yuv->data, e.yuv->linesize), e.path,
                 "converting a frame to YUV");
    if (e.next_pts != e.first_pts && std::binary_search(e.restarts.begin(), e.restarts.end(), e.next_pts))
        e.writer.restart_encoder();
    e.yuv->pts = e.next_pts++;
    e.writer.send(*e.yuv);
    // The sound up to the end of this frame, so audio and video packets interleave.
    if (e.aac) e.aac->encode_until((e.next_pts - e.first_pts) * av_q2d(e.frame_duration), e.audio_out());
}

void Mp4Sink::finish() {
    if (encoder_->next_pts == encoder_->first_pts)
        throw std::runtime_error(encoder_->path.string() + ": an MP4 needs at least one frame");
    if (encoder_->aac) encoder_->aac->finish(encoder_->audio_out());
    encoder_->writer.finish();
}

}  // namespace attnreel
