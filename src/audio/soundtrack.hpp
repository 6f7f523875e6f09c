#pragma once
// Soundtrack: sounds placed on a scene's clock, mixed on demand for a range [from, to) of
// it. Samples are computed when read, a block at a time, so memory is the decoded sounds,
// however long the video. A sound still playing where the range ends (or already playing
// where it starts) is cut with a short fade rather than a click.
#include "audio/sound.hpp"

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace attnreel::audio {

struct Placement {
    std::shared_ptr<const Sound> sound;
    double start = 0;     // seconds on the scene's clock
    double gain = 1;      // linear
    double fade_in = 0;   // seconds of linear fade from the sound's start
    double fade_out = 0;  // seconds of linear fade to the sound's end
    std::string name = {};  // what it is, for listings: a file name, or empty for a voice
};

// The length of the fade where a range cuts a sound.
constexpr double kCutFade = 0.1;

class Soundtrack {
public:
    Soundtrack(std::vector<Placement> placements, double from, double to);

    std::int64_t frames() const { return frames_; }  // sample frames in the range
    double seconds() const { return static_cast<double>(frames_) / kSampleRate; }
    // Sample frames [first, first + count) of the range, interleaved, into `out` (2 × count
    // floats). The mix is clipped to [-1, 1].
    void read(std::int64_t first, int count, float* out) const;

private:
    struct Placed {
        const Sound* sound;
        std::int64_t start;  // sample frame of the range where the sound begins (may be negative)
        float gain;
        std::int64_t fade_in, fade_out;
    };
    float envelope(const Placed& p, std::int64_t frame) const;

    std::vector<Placement> placements_;  // keeps the sounds alive
    std::vector<Placed> placed_;
    std::int64_t frames_ = 0;
    std::int64_t cut_fade_ = 0;
};

}  // namespace attnreel::audio
