#pragma once
// Small helpers around libav's C API: error codes to exceptions that name the output file,
// and unique_ptr deleters for the structures the encoders own.
#include <filesystem>
#include <memory>
#include <string>

extern "C" {
#include <libavcodec/avcodec.h>
#include <libavfilter/avfilter.h>
#include <libavformat/avformat.h>
#include <libavutil/frame.h>
#include <libswscale/swscale.h>
}

namespace attnreel::libav {

// libav's text for an AVERROR code.
std::string error_text(int code);

// Throws std::runtime_error "<file>: <doing>: <libav error>" when code < 0; returns code.
int check(int code, const std::filesystem::path& file, const std::string& doing);
// The same for a call that writes the file (open, header, packets, trailer, close): an
// OutputError with the system's reason ("No space left on device").
int check_output(int code, const std::filesystem::path& file, const std::string& doing);

struct FrameDeleter {
    void operator()(AVFrame* f) const { av_frame_free(&f); }
};
struct PacketDeleter {
    void operator()(AVPacket* p) const { av_packet_free(&p); }
};
struct CodecDeleter {
    void operator()(AVCodecContext* c) const { avcodec_free_context(&c); }
};
struct SwsDeleter {
    void operator()(SwsContext* s) const { sws_freeContext(s); }
};
struct GraphDeleter {
    void operator()(AVFilterGraph* g) const { avfilter_graph_free(&g); }
};

using FramePtr = std::unique_ptr<AVFrame, FrameDeleter>;
using PacketPtr = std::unique_ptr<AVPacket, PacketDeleter>;
using CodecPtr = std::unique_ptr<AVCodecContext, CodecDeleter>;
using SwsPtr = std::unique_ptr<SwsContext, SwsDeleter>;
using GraphPtr = std::unique_ptr<AVFilterGraph, GraphDeleter>;

// The time one frame lasts at `fps` frames per second, as the exact fraction libav keeps
// (29.97 → 100/2997), so that a non-integer rate is not encoded rounded.
AVRational frame_duration(double fps);

// A freshly allocated frame (throws std::bad_alloc when libav cannot allocate).
FramePtr make_frame();
PacketPtr make_packet();

// Cairo's pixels (`source`: AV_PIX_FMT_0RGB32, or AV_PIX_FMT_RGB32 to carry alpha to an A
// plane) to `target`, with BT.709 coefficients and the limited range video players expect.
SwsPtr bt709_converter(int width, int height, AVPixelFormat source, AVPixelFormat target,
                       const std::filesystem::path& file);
// A frame of `format` tagged BT.709 limited range, its buffers allocated.
FramePtr bt709_frame(int width, int height, AVPixelFormat format, const std::filesystem::path& file);

}  // namespace attnreel::libav
