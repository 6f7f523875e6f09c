#pragma once
// Resampler: libswresample converting any sample format, rate and channel layout to the
// Sound format (48 kHz stereo float, interleaved). Channel layouts without a known order
// are taken as the default layout for their channel count, as FFmpeg's tools do; one that
// still cannot be mixed down to stereo is an error.
#include "audio/sound.hpp"

#include <cstdint>
#include <memory>
#include <string>

extern "C" {
#include <libavutil/channel_layout.h>
#include <libavutil/samplefmt.h>
}

struct SwrContext;

namespace attnreel::audio {

class Resampler {
public:
    // Throws std::invalid_argument with libswresample's reason when the conversion is impossible.
    Resampler(const AVChannelLayout& layout, AVSampleFormat format, int sample_rate);
    ~Resampler();
    Resampler(const Resampler&) = delete;
    Resampler& operator=(const Resampler&) = delete;

    // Converts `count` input sample frames (libav's plane pointers) and appends them to `out`.
    void convert(const std::uint8_t* const* planes, int count, Sound& out);
    // Appends what the resampler still holds (its filter's delay).
    void flush(Sound& out);

private:
    void run(const std::uint8_t* const* planes, int count, Sound& out);
    SwrContext* context_ = nullptr;
    int input_rate_;
};

// "9 channels at 44100 Hz": how a stream's format reads in messages.
std::string describe_format(const AVChannelLayout& layout, int sample_rate);

}  // namespace attnreel::audio
