#pragma once
// WebpSink: an animated WebP through libwebp's animation encoder (WebPAnimEncoder), for
// web pages. Three modes:
//   palette   the GIF's colours (one palette of 256 for the clip, PaletteQuantizer) coded
//             losslessly: the GIF's PSNR in a smaller file (measured on the lesson clips:
//             a fifth to two fifths smaller than the GIF); no alpha, as the GIF
//   lossy     VP8, quality 0…100, full colour and alpha
//   lossless  VP8L, exact pixels and alpha (quality = effort)
// Frames are kept compressed until finish() assembles the file (palette: spooled on disk
// until finish() maps them). Consecutive identical frames are stored once with the sum of
// their durations, as libwebp always does.
#include "encode/frame_sink.hpp"

#include <atomic>
#include <filesystem>
#include <memory>

namespace attnreel {

struct WebpOptions {
    double fps = 30;
    bool lossless = false;
    int quality = 80;  // lossy: 0 (smallest) … 100 (best); lossless: effort, 100 is the smallest file
    int loop = 0;      // times the animation plays; 0 forever
    bool palette = false;  // the GIF's 256 colours, coded losslessly; wins over `lossless`
    // Palette mode: set (by a SIGINT handler, say) to stop finish()'s mapping pass, which
    // then throws RenderCancelled and writes nothing.
    const std::atomic<bool>* cancel = nullptr;
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
