#pragma once
// AlphaVideoSink: video that keeps the frames' transparency, for video editors and web
// pages that lay the lesson over something else.
//   WebM: VP9 (libvpx-vp9) in yuva420p, constant quality (crf), BT.709 limited range.
//         Browsers play its alpha; FFmpeg reads it only with the libvpx-vp9 decoder.
//   MOV:  ProRes 4444 (prores_ks, profile 4444) in yuva444p10le with 16-bit alpha, for
//         editors (Final Cut, Premiere, DaVinci Resolve). Large: about 10x an MP4.
// Colours are stored with straight alpha (Cairo's premultiplied pixels are divided back).
#include "encode/frame_sink.hpp"

#include <filesystem>
#include <memory>

namespace attnreel {

enum class AlphaCodec { vp9_webm, prores_mov };

struct AlphaVideoOptions {
    double fps = 30;
    int crf = 30;  // VP9 only: 0 (best) … 63
};

class AlphaVideoSink final : public FrameSink {
public:
    // InputError for an odd width or height, a bad fps or crf, or an output path that
    // cannot be written.
    AlphaVideoSink(const std::filesystem::path& path, AlphaCodec codec, int width, int height,
                   const AlphaVideoOptions& options = {});
    ~AlphaVideoSink() override;
    void write(const Frame& frame) override;
    void finish() override;

private:
    struct Encoder;
    std::unique_ptr<Encoder> encoder_;
};

}  // namespace attnreel
