#include "encode/alpha_video_sink.hpp"

#include "core/error.hpp"
#include "encode/straight_alpha.hpp"
#include "encode/video_file_writer.hpp"

#include <stdexcept>

namespace attnreel {

namespace {

const char* format_name(AlphaCodec codec) { return codec == AlphaCodec::vp9_webm ? "WebM (VP9)" : "MOV (ProRes 4444)"; }

void validate(const std::filesystem::path& path, AlphaCodec codec, int width, int height,
              const AlphaVideoOptions& options) {
    const SourceMark where{path.string()};
    if (width <= 0 || height <= 0)
        throw InputError(where,
                         "frame size must be positive, got " + std::to_string(width) + "x" + std::to_string(height));
    if (width % 2 != 0 || height % 2 != 0)
        throw InputError(where, std::string(format_name(codec)) + " needs an even width and height, got " +
                                    std::to_string(width) + "x" + std::to_string(height) + "; try " +
                                    std::to_string(width + width % 2) + "x" + std::to_string(height + height % 2));
    if (!(options.fps > 0) || options.fps > 1000)
        throw InputError(where, "fps must be between 0 and 1000, got " + std::to_string(options.fps));
    if (options.crf < 0 || options.crf > 63)
        throw InputError(where, "crf for WebM (VP9) must be between 0 and 63, got " + std::to_string(options.crf));
}

VideoStreamSpec stream_spec(AlphaCodec codec, int width, int height, const AlphaVideoOptions& options) {
    VideoStreamSpec s;
    s.width = width;
    s.height = height;
    s.time_base = libav::frame_duration(options.fps);
    s.configure = [](AVCodecContext& c) {
        c.color_primaries = AVCOL_PRI_BT709;
        c.color_trc = AVCOL_TRC_BT709;
        c.colorspace = AVCOL_SPC_BT709;
        c.color_range = AVCOL_RANGE_MPEG;
    };
    if (codec == AlphaCodec::vp9_webm) {
        s.muxer = "webm";
        s.encoder = "libvpx-vp9";
        s.pixel_format = AV_PIX_FMT_YUVA420P;
        // b=0 with crf: constant quality; row-mt and cpu-used 4 keep it near MP4's speed.
        s.encoder_options = {{"crf", std::to_string(options.crf)}, {"b", "0"},       {"deadline", "good"},
                             {"cpu-used", "4"},                    {"row-mt", "1"}};
    } else {
        s.muxer = "mov";
        s.encoder = "prores_ks";
        s.pixel_format = AV_PIX_FMT_YUVA444P10LE;
        s.encoder_options = {{"profile", "4444"}, {"alpha_bits", "16"}, {"vendor", "apl0"}};
    }
    return s;
}

}  // namespace

struct AlphaVideoSink::Encoder {
    std::filesystem::path path;
    VideoFileWriter writer;
    libav::SwsPtr to_yuv;
    libav::FramePtr yuv = libav::make_frame();
    std::vector<std::uint32_t> straight;
    int width;
    int height;
    std::int64_t next_pts = 0;

    Encoder(const std::filesystem::path& out, AlphaCodec codec, int w, int h, const AlphaVideoOptions& options)
        : path(out), writer(out, stream_spec(codec, w, h, options)), width(w), height(h) {
        const AVPixelFormat format = stream_spec(codec, w, h, options).pixel_format;
        // RGB32 is native-endian ARGB, Cairo's layout; swscale carries its alpha to the A plane.
        to_yuv = libav::bt709_converter(w, h, AV_PIX_FMT_RGB32, format, path);
        yuv = libav::bt709_frame(w, h, format, path);
    }
};

AlphaVideoSink::AlphaVideoSink(const std::filesystem::path& path, AlphaCodec codec, int width, int height,
                               const AlphaVideoOptions& options) {
    validate(path, codec, width, height, options);
    encoder_ = std::make_unique<Encoder>(path, codec, width, height, options);
}

AlphaVideoSink::~AlphaVideoSink() = default;

void AlphaVideoSink::write(const Frame& frame) {
    Encoder& e = *encoder_;
    if (frame.width != e.width || frame.height != e.height)
        throw std::logic_error("AlphaVideoSink: frame size differs from the size the sink was opened with");
    unpremultiply(frame, e.straight);
    libav::check(av_frame_make_writable(e.yuv.get()), e.path, "preparing a YUV frame");
    const std::uint8_t* source[1] = {reinterpret_cast<const std::uint8_t*>(e.straight.data())};
    const int source_stride[1] = {frame.stride_bytes()};
    libav::check(sws_scale(e.to_yuv.get(), source, source_stride, 0, e.height, e.yuv->data, e.yuv->linesize), e.path,
                 "converting a frame to YUV");
    e.yuv->pts = e.next_pts++;
    e.writer.send(*e.yuv);
}

void AlphaVideoSink::finish() {
    if (encoder_->next_pts == 0)
        throw std::runtime_error(encoder_->path.string() + ": a video needs at least one frame");
    encoder_->writer.finish();
}

}  // namespace attnreel
