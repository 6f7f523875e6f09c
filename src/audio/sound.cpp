#include "audio/sound.hpp"

#include <cmath>

namespace attnreel::audio {

std::int64_t sample_frame_at(double seconds) { return std::llround(seconds * kSampleRate); }

}  // namespace attnreel::audio
