#pragma once
// Sound: decoded audio in the one format attnreel mixes and encodes: 48 kHz stereo,
// interleaved 32-bit floats in [-1, 1] (left, right, left, right…).
#include <cstdint>
#include <vector>

namespace attnreel::audio {

constexpr int kSampleRate = 48000;
constexpr int kChannels = 2;

struct Sound {
    std::vector<float> samples;  // kChannels values per sample frame

    std::int64_t frames() const { return static_cast<std::int64_t>(samples.size()) / kChannels; }
    double seconds() const { return static_cast<double>(frames()) / kSampleRate; }
};

// The sample frame at `seconds`, rounded to the nearest.
std::int64_t sample_frame_at(double seconds);

}  // namespace attnreel::audio
