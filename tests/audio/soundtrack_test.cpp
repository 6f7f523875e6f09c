// The mixer: sounds placed on the scene's clock, with volume, fades and cuts at the ends.
#include "audio/soundtrack.hpp"

#include <catch2/catch.hpp>

#include <cmath>

using namespace attnreel;
using namespace attnreel::audio;

namespace {

// A constant stereo sound of `seconds` at `level`.
std::shared_ptr<const Sound> constant(double seconds, float level) {
    auto s = std::make_shared<Sound>();
    s->samples.assign(static_cast<std::size_t>(sample_frame_at(seconds)) * kChannels, level);
    return s;
}

std::vector<float> mix(const Soundtrack& track) {
    std::vector<float> out(static_cast<std::size_t>(track.frames()) * kChannels);
    // Read in odd-sized blocks: the result must not depend on how it is read.
    for (std::int64_t at = 0; at < track.frames(); at += 1000)
        track.read(at, static_cast<int>(std::min<std::int64_t>(1000, track.frames() - at)),
                   out.data() + at * kChannels);
    return out;
}

float left_at(const std::vector<float>& s, double seconds) {
    return s[static_cast<std::size_t>(sample_frame_at(seconds)) * kChannels];
}

}  // namespace

TEST_CASE("a placed sound starts at its sample, scaled by its volume, and silence elsewhere", "[audio]") {
    const Soundtrack track({{constant(0.5, 0.5f), 1.0, 0.4}}, 0, 3);
    CHECK(track.frames() == 3 * kSampleRate);
    const auto s = mix(track);
    const std::size_t first = static_cast<std::size_t>(kSampleRate) * kChannels;
    CHECK(s[first - 2] == 0.0f);
    CHECK(s[first] == Approx(0.2f));
    CHECK(s[first + 1] == Approx(0.2f));
    CHECK(left_at(s, 1.49) == Approx(0.2f));
    CHECK(left_at(s, 1.51) == 0.0f);
}

TEST_CASE("fades ramp linearly from the sound's start and to its end", "[audio]") {
    Placement p{constant(2, 1.0f), 0, 1, 0.5, 1.0};
    const auto s = mix(Soundtrack({p}, 0, 2));
    CHECK(left_at(s, 0) == 0.0f);
    CHECK(left_at(s, 0.25) == Approx(0.5).margin(1e-3));
    CHECK(left_at(s, 0.75) == Approx(1.0));
    CHECK(left_at(s, 1.5) == Approx(0.5).margin(1e-3));
    CHECK(left_at(s, 1.99) == Approx(0.01).margin(1e-3));
}

TEST_CASE("a range that cuts a sound fades it over kCutFade instead of clicking", "[audio]") {
    const auto s = mix(Soundtrack({{constant(5, 0.8f), 0}}, 1, 3));  // the sound began before and goes on after
    CHECK(s.size() == static_cast<std::size_t>(2 * kSampleRate * kChannels));
    CHECK(left_at(s, 0) == 0.0f);                                   // faded in from the cut
    CHECK(left_at(s, kCutFade / 2) == Approx(0.4).margin(1e-3));
    CHECK(left_at(s, 1) == Approx(0.8f));
    CHECK(left_at(s, 2 - kCutFade / 2) == Approx(0.4).margin(2e-3));
    CHECK(std::abs(s[s.size() - 2]) < 1e-3f);                       // silent at the very end
}

TEST_CASE("sounds that overlap add up, and the sum is clipped to [-1, 1]", "[audio]") {
    const auto s = mix(Soundtrack({{constant(1, 0.3f), 0}, {constant(1, 0.4f), 0.5}, {constant(1, 0.6f), 0.5}}, 0, 2));
    CHECK(left_at(s, 0.25) == Approx(0.3f));
    CHECK(left_at(s, 0.75) == 1.0f);  // 1.3 clipped
    CHECK(left_at(s, 1.25) == 1.0f);
    CHECK(left_at(s, 1.75) == 0.0f);
}
