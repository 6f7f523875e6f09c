#pragma once
// Mp4Sink: H.264 (libx264) in MP4, yuv420p, BT.709 limited range with the colour tags set,
// moov before mdat (+faststart) so browsers start playing before the download ends.
// Alpha is ignored: premultiplied pixels show as if composited over black. With a
// soundtrack, the file also has an AAC stream (libavcodec's native encoder), encoded as
// the frames arrive so the two streams interleave; sample 0 plays with frame 0.
#include "audio/soundtrack.hpp"
#include "encode/frame_sink.hpp"

#include <cstdint>
#include <filesystem>
#include <map>
#include <memory>
#include <string>
#include <vector>

namespace attnreel {

struct Mp4Options {
    double fps = 30;                // need not be whole: 29.97 is kept as 2997/100
    int crf = 20;                   // x264 constant rate factor, 0 (lossless) … 51; lower is better
    std::string preset = "medium";  // x264 speed/size trade-off: ultrafast … placebo
    std::shared_ptr<const audio::Soundtrack> audio = nullptr;  // none: a silent video without an audio stream
    // The number of the first frame written: a chunk of a longer video keeps that video's
    // timestamps (frame k plays at k / fps), so chunks join by stream copy.
    std::int64_t first_frame = 0;
    // Frames (numbered as first_frame is) where a fresh encoder begins: a keyframe that
    // starts a closed group of pictures with rate control started anew. A render in one go
    // with a restart at each chunk boundary encodes exactly the packets its chunks do.
    std::vector<std::int64_t> restarts = {};
    std::map<std::string, std::string> metadata = {};  // the file's tags ("comment")
};

// The x264 preset names, fastest first.
const std::vector<std::string>& x264_presets();

class Mp4Sink final : public FrameSink {
public:
    // InputError for odd width/height (yuv420p halves both), a bad crf, fps or preset, or an
    // output path that cannot be written.
    Mp4Sink(const std::filesystem::path& path, int width, int height, const Mp4Options& options = {});
    ~Mp4Sink() override;
    void write(const Frame& frame) override;
    void finish() override;

private:
    struct Encoder;
    std::unique_ptr<Encoder> encoder_;
};

}  // namespace attnreel
