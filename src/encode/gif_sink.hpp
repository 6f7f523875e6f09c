#pragma once
// GifSink: a looping GIF (endlessly unless told a count) with one palette for the whole clip
// (PaletteQuantizer: two passes, frames spooled on disk between them), storing only the
// changed rectangle of each frame. Alpha is ignored: frames show as if composited over
// black, as in the MP4.
#include "encode/frame_sink.hpp"
#include "encode/palette_quantizer.hpp"

#include <atomic>

#include <filesystem>
#include <memory>

namespace attnreel {

struct GifOptions {
    double input_fps = 30;  // rate of the frames given to write(); need not be whole
    int fps = 0;         // GIF frame rate, 1…50; 0 keeps input_fps, capped at 50 (delays are in 1/100 s)
    int width = 0;       // GIF width in pixels, height keeps the aspect ratio; 0 keeps the frame width
    // Flat shapes and text stay clean with no dithering and a histogram of whole frames.
    // Measured on a 2 s 854×480 lesson-like clip at 15 fps: full + none 175 KiB at 61 dB
    // PSNR; diff + bayer (scale 2) 366 KiB at 39 dB, its pattern visible on flat fills.
    GifDither dither = GifDither::none;
    int bayer_scale = 2;  // 0…5, only for GifDither::bayer; higher shows less pattern
    GifPaletteStats stats = GifPaletteStats::full;
    // Times the animation plays; 0 forever. Stored in the NETSCAPE2.0 extension, which
    // counts repeats after the first play (its 0 is forever too): 1 writes no extension,
    // N > 1 writes N − 1.
    int loop = 0;
    // Set (by a SIGINT handler, say) to stop the second pass that finish() runs over the
    // spooled frames: finish() then throws RenderCancelled and writes nothing.
    const std::atomic<bool>* cancel = nullptr;
};

class GifSink final : public FrameSink {
public:
    // InputError for a bad size, fps or width, or an output path that cannot be written.
    GifSink(const std::filesystem::path& path, int width, int height, const GifOptions& options = {});
    ~GifSink() override;
    void write(const Frame& frame) override;
    void finish() override;

    // The GIF's size for frames of width × height under `options`.
    static int output_width(int width, const GifOptions& options);
    static int output_height(int width, int height, const GifOptions& options);

private:
    struct Passes;
    std::unique_ptr<Passes> passes_;
};

}  // namespace attnreel
