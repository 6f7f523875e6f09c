#include "audio/soundtrack.hpp"

#include <algorithm>
#include <cmath>

namespace attnreel::audio {

Soundtrack::Soundtrack(std::vector<Placement> placements, double from, double to)
    : placements_(std::move(placements)),
      frames_(std::max<std::int64_t>(0, sample_frame_at(to) - sample_frame_at(from))),
      cut_fade_(sample_frame_at(kCutFade)) {
    const std::int64_t origin = sample_frame_at(from);
    for (const Placement& p : placements_) {
        if (!p.sound || p.sound->frames() == 0 || p.gain == 0) continue;
        const std::int64_t start = sample_frame_at(p.start) - origin;
        if (start >= frames_ || start + p.sound->frames() <= 0) continue;  // wholly outside the range
        placed_.push_back({p.sound.get(), start, static_cast<float>(p.gain), sample_frame_at(p.fade_in),
                           sample_frame_at(p.fade_out)});
    }
}

// The gain at sample `frame` of the range of a placed sound: its own fades, and the cut
// fades where the range starts after it began or ends before it finishes.
float Soundtrack::envelope(const Placed& p, std::int64_t frame) const {
    const std::int64_t into = frame - p.start;
    const std::int64_t left = p.start + p.sound->frames() - frame;
    double g = p.gain;
    if (p.fade_in > 0 && into < p.fade_in) g *= static_cast<double>(into) / p.fade_in;
    if (p.fade_out > 0 && left < p.fade_out) g *= static_cast<double>(left) / p.fade_out;
    if (p.start < 0 && frame < cut_fade_) g *= static_cast<double>(frame) / cut_fade_;
    if (p.start + p.sound->frames() > frames_ && frames_ - frame <= cut_fade_)
        g *= static_cast<double>(frames_ - 1 - frame) / cut_fade_;
    return static_cast<float>(std::max(0.0, g));
}

void Soundtrack::read(std::int64_t first, int count, float* out) const {
    std::fill(out, out + static_cast<std::ptrdiff_t>(count) * kChannels, 0.0f);
    const std::int64_t end = std::min(first + count, frames_);
    for (const Placed& p : placed_) {
        const std::int64_t from = std::max({first, p.start, std::int64_t{0}});
        const std::int64_t to = std::min(end, p.start + p.sound->frames());
        const float* source = p.sound->samples.data();
        for (std::int64_t f = from; f < to; ++f) {
            const float g = envelope(p, f);
            const std::int64_t in = (f - p.start) * kChannels;
            float* o = out + (f - first) * kChannels;
            o[0] += g * source[in];
            o[1] += g * source[in + 1];
        }
    }
    for (float* o = out; o < out + static_cast<std::ptrdiff_t>(count) * kChannels; ++o)
        *o = std::clamp(*o, -1.0f, 1.0f);
}

}  // namespace attnreel::audio
