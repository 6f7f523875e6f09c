#pragma once
// PaletteQuantizer: one palette of at most 256 colours for a whole clip (libavfilter's
// palettegen over every frame), then each frame mapped to it (paletteuse), for the GIF and
// the palette WebP. Flat shapes and text keep their exact colours; only antialiased edges
// and gradients snap to the nearest entry.
//
// Two passes with bounded memory: push() scales the frames, feeds palettegen and parks the
// scaled frames in an unnamed spool file beside the output; finish() builds the palette
// and maps the spooled frames. Memory holds a few frames; the spool takes width × height ×
// 4 bytes per output frame on disk until finish() returns (854×480 at 15 fps: 1.6 MB per
// frame, 24.6 MB per second). Alpha is ignored: frames show as if composited over black.
#include "core/frame.hpp"
#include "encode/libav_util.hpp"

#include <atomic>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>

namespace attnreel {

enum class GifDither { none, bayer, sierra2_4a };
enum class GifPaletteStats { full, diff };  // histogram of whole frames, or of changed pixels only

struct PaletteOptions {
    double input_fps = 30;   // rate of the frames given to push(); need not be whole
    int fps = 0;             // output rate; 0 keeps input_fps
    int width = 0, height = 0;  // output size; 0 keeps the frames'
    GifDither dither = GifDither::none;
    int bayer_scale = 2;     // 0…5, only for GifDither::bayer
    GifPaletteStats stats = GifPaletteStats::full;
    // Set (by a SIGINT handler, say) to stop the second pass: finish() then throws
    // RenderCancelled.
    const std::atomic<bool>* cancel = nullptr;
};

class PaletteQuantizer {
public:
    // `path` names the output in errors; the spool is created beside it.
    PaletteQuantizer(const std::filesystem::path& path, int width, int height, const PaletteOptions& options);
    ~PaletteQuantizer();

    void push(const Frame& frame);
    int frames_pushed() const;

    // Builds the palette and hands each output frame, mapped to it (AV_PIX_FMT_PAL8: indices
    // in data[0], the palette's native-endian ARGB words in data[1]), to `mapped` in order,
    // its pts in output_time_base(). Returns the clip's end in that time base. Throws when no
    // frame was pushed.
    std::int64_t finish(const std::function<void(AVFrame& mapped)>& mapped);
    AVRational output_time_base() const;

private:
    struct Passes;
    std::unique_ptr<Passes> passes_;
};

}  // namespace attnreel
