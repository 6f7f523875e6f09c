#pragma once
// AacEncoder: a Soundtrack encoded as AAC-LC by libavcodec's native encoder, 48 kHz
// stereo, block by block as the video it goes with advances. Packets carry pts in
// samples (time base 1/48000); the first pts is negative by the encoder's priming delay,
// which MP4 muxers turn into an edit list, so the decoded sound starts exactly at 0.
#include "audio/soundtrack.hpp"

#include <filesystem>
#include <functional>
#include <memory>

extern "C" {
#include <libavcodec/avcodec.h>
}

namespace attnreel::audio {

class AacEncoder {
public:
    using PacketSink = std::function<void(AVPacket&)>;

    // Errors name `file`, the output the sound goes into.
    AacEncoder(std::shared_ptr<const Soundtrack> soundtrack, const std::filesystem::path& file, int bit_rate = 160000);
    ~AacEncoder();
    AacEncoder(const AacEncoder&) = delete;
    AacEncoder& operator=(const AacEncoder&) = delete;

    // The open encoder, for a muxer's stream parameters.
    const AVCodecContext& context() const { return *codec_; }
    // Encodes the soundtrack's samples up to `seconds` (whole encoder frames only) and
    // hands every packet that comes out to `out`.
    void encode_until(double seconds, const PacketSink& out);
    // Encodes the rest of the soundtrack, then flushes the encoder.
    void finish(const PacketSink& out);

private:
    void encode_block(int count, const PacketSink& out);
    void drain(const PacketSink& out);

    std::shared_ptr<const Soundtrack> soundtrack_;
    std::filesystem::path file_;
    AVCodecContext* codec_ = nullptr;
    AVFrame* frame_ = nullptr;
    AVPacket* packet_ = nullptr;
    std::int64_t next_ = 0;  // the next sample frame of the soundtrack to encode
    std::vector<float> block_;
};

}  // namespace attnreel::audio
