// An MP4 with a soundtrack: an AAC stream as long as the video, in sync with it.
#include "encode/mp4_sink.hpp"

#include "../audio/sound_files.hpp"
#include "encode_test_support.hpp"

#include <catch2/catch.hpp>

using namespace attnreel;
using namespace attnreel::test;

namespace {

// A 5 ms click: one burst of noise-like samples at full scale, both channels.
std::shared_ptr<const audio::Sound> click() {
    auto s = std::make_shared<audio::Sound>();
    for (int i = 0; i < 240; ++i) {
        const float v = (i % 7 < 3 ? 0.9f : -0.9f);
        s->samples.push_back(v);
        s->samples.push_back(v);
    }
    return s;
}

void encode(const fs::path& path, int frames, double fps, std::shared_ptr<const audio::Soundtrack> sound) {
    Mp4Sink sink(path, 320, 180, {fps, 20, "ultrafast", std::move(sound)});
    for (int i = 0; i < frames; ++i) sink.write(test_frame(i));
    sink.finish();
}

}  // namespace

TEST_CASE("an MP4 with a soundtrack has one 48 kHz stereo AAC stream as long as the video", "[encode][audio]") {
    ScratchDir dir;
    const fs::path path = dir.path / "sound.mp4";
    encode(path, 45, 30, std::make_shared<audio::Soundtrack>(std::vector<audio::Placement>{{click(), 0.5}}, 0, 1.5));
    const DecodedAudio a = decode_audio_stream(path);
    CHECK(a.codec == "aac");
    CHECK(a.sample_rate == 48000);
    CHECK(a.channels == 2);
    // The edit list removes the encoder's priming samples: what plays is exactly 1.5 s.
    CHECK(a.seconds() == Approx(1.5).margin(1.0 / 48000 * 1024));
    CHECK(a.stream_seconds == Approx(1.5).margin(0.025));
    CHECK(decode_video(path).frames.size() == 45);
}

TEST_CASE("a click placed at 0.5 s decodes within a millisecond or two of 0.5 s", "[encode][audio]") {
    ScratchDir dir;
    const fs::path path = dir.path / "click.mp4";
    encode(path, 30, 30, std::make_shared<audio::Soundtrack>(std::vector<audio::Placement>{{click(), 0.5}}, 0, 1));
    const DecodedAudio a = decode_audio_stream(path);
    const long at = onset(a.left);
    REQUIRE(at >= 0);
    CHECK(std::abs(at / 48000.0 - 0.5) < 0.003);
}

TEST_CASE("a soundtrack range starting later moves its sounds earlier by as much", "[encode][audio]") {
    ScratchDir dir;
    const fs::path path = dir.path / "range.mp4";
    // Frames of [2, 3) of the scene's clock: the click at 2.25 plays 0.25 s in.
    encode(path, 30, 30, std::make_shared<audio::Soundtrack>(std::vector<audio::Placement>{{click(), 2.25}}, 2, 3));
    const long at = onset(decode_audio_stream(path).left);
    REQUIRE(at >= 0);
    CHECK(std::abs(at / 48000.0 - 0.25) < 0.003);
}

TEST_CASE("without a soundtrack an MP4 has no audio stream", "[encode][audio]") {
    ScratchDir dir;
    const fs::path path = dir.path / "silent.mp4";
    encode(path, 10, 30, nullptr);
    CHECK(decode_audio_stream(path).codec.empty());
}
