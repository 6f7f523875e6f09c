#pragma once
// WebpSink: an animated WebP through libwebp's animation encoder (WebPAnimEncoder), for
// web pages: full colour and alpha where a GIF has 256 colours and no partial alpha.
// Lossy (VP8, quality 0…100) or lossless (VP8L, quality = effort). Frames are kept
// compressed until finish() assembles the file. Consecutive identical frames are stored
// once with the sum of their durations, as libwebp always does.
#include "encode/frame_sink.hpp"

#include <filesystem>
#include <memory>

namespace attnreel {

struct WebpOptions {
    double fps = 30;
    bool lossless = false;
    int quality = 80;  // lossy: 0 (smallest) … 100 (best); lossless: effort, 100 is the smallest file
    int loop = 0;      // times the animation plays; 0 forever
};

class WebpSink final : public FrameSink {
public:
    // InputError for a size past WebP's 16383 pixels, a bad fps, quality or loop, or an
    // output path that cannot be written.
    WebpSink(const std::filesystem::path& path, int width, int height, const WebpOptions& options = {});
    ~WebpSink() override;
    void write(const Frame& frame) override;
    void finish() override;

private:
    struct Encoder;
    std::unique_ptr<Encoder> encoder_;
};

}  // namespace attnreel
