// Sound files of every kind the issue names, made by the test, decoded to 48 kHz stereo.
#include "audio/decode_file.hpp"
#include "sound_files.hpp"

#include <catch2/catch.hpp>

#include <random>

using namespace attnreel;
using namespace attnreel::test;
namespace fs = std::filesystem;

namespace {

struct TempDir {
    fs::path path;
    TempDir() {
        path = fs::temp_directory_path() / ("attnreel-audio-test-" + std::to_string(std::random_device{}()));
        fs::create_directories(path);
    }
    ~TempDir() { fs::remove_all(path); }
};

const SourceMark kMark{"scene.yaml", 7, 12};

// The dominant frequency of a stretch of samples, by counting rising zero crossings.
double frequency(const std::vector<float>& s, std::size_t from, std::size_t to, int rate) {
    int crossings = 0;
    for (std::size_t i = from + 1; i < to; ++i) crossings += s[i - 1] < 0 && s[i] >= 0;
    return crossings * static_cast<double>(rate) / static_cast<double>(to - from);
}

std::vector<float> left_of(const audio::Sound& sound) {
    std::vector<float> left;
    for (std::size_t i = 0; i < sound.samples.size(); i += 2) left.push_back(sound.samples[i]);
    return left;
}

}  // namespace

TEST_CASE("a mono 44.1 kHz WAV decodes to 48 kHz stereo of the same length, pitch and level", "[audio]") {
    TempDir dir;
    const fs::path wav = dir.path / "tone.wav";
    write_wav(wav, sine(1.5, 44100, 440, 0.5), 44100, 1);
    const audio::Sound sound = audio::decode_audio_file(wav, kMark);
    CHECK(sound.seconds() == Approx(1.5).margin(2e-3));
    const std::vector<float> left = left_of(sound);
    CHECK(frequency(left, 4800, 67200, 48000) == Approx(440).margin(2));
    // Mono is spread over both channels at equal power (−3 dB each), as libswresample mixes it.
    const double level = rms(left, 4800, 67200);
    CHECK(level == Approx(0.5 / std::sqrt(2.0) / std::sqrt(2.0)).epsilon(0.03));
    for (std::size_t i = 0; i < sound.samples.size(); i += 2) REQUIRE(sound.samples[i] == sound.samples[i + 1]);
}

TEST_CASE("FLAC, MP3 and Ogg (Vorbis and Opus) files decode to the sound they hold", "[audio]") {
    TempDir dir;
    const std::vector<float> tone = sine(1.0, 48000, 660, 0.6);
    const std::vector<std::tuple<std::string, std::string, std::string>> kinds = {
        {"tone.flac", "flac", "flac"},
        {"tone.mp3", "mp3", "libmp3lame"},
        {"tone.ogg", "ogg", "libvorbis"},
        {"tone.opus", "ogg", "libopus"},
    };
    for (const auto& [name, muxer, encoder] : kinds) {
        INFO(name);
        const fs::path file = dir.path / name;
        write_encoded(file, tone, 48000, muxer, encoder);
        const audio::Sound sound = audio::decode_audio_file(file, kMark);
        // Lossy coders add up to a few codec frames of padding at the ends.
        CHECK(sound.seconds() == Approx(1.0).margin(0.08));
        const std::vector<float> left = left_of(sound);
        CHECK(frequency(left, 9600, 38400, 48000) == Approx(660).margin(3));
        CHECK(rms(left, 9600, 38400) == Approx(0.6 / 2).epsilon(0.1));
    }
}

TEST_CASE("a missing, empty or undecodable sound file is an InputError at the scene's mark", "[audio]") {
    TempDir dir;
    const auto message = [&](const fs::path& path) -> std::string {
        try {
            audio::decode_audio_file(path, kMark);
        } catch (const InputError& e) {
            CHECK(e.mark().line == 7);
            CHECK(e.mark().column == 12);
            return e.message();
        }
        return "<no error>";
    };
    CHECK_THAT(message(dir.path / "missing.wav"), Catch::Contains("audio file not found"));
    CHECK_THAT(message(dir.path), Catch::Contains("is not a regular file"));
    std::ofstream(dir.path / "notes.wav") << "these are words, not sound\n";
    CHECK_THAT(message(dir.path / "notes.wav"), Catch::Contains("cannot open it as audio"));
    std::ofstream(dir.path / "empty.wav");
    CHECK_THAT(message(dir.path / "empty.wav"), Catch::Contains("audio file '"));
}

TEST_CASE("a channel layout that cannot be mixed to stereo is an InputError naming it", "[audio]") {
    TempDir dir;
    const fs::path wav = dir.path / "nine.wav";
    std::vector<float> nine(4800 * 9, 0.1f);
    write_wav(wav, nine, 48000, 9, /*extensible=*/true);  // nine channels, no speaker positions
    try {
        audio::decode_audio_file(wav, kMark);
        FAIL("no error for 9 channels without positions");
    } catch (const InputError& e) {
        CHECK(e.mark().line == 7);
        CHECK_THAT(e.message(), Catch::Contains("9 channels at 48000 Hz cannot be converted to 48000 Hz stereo"));
    }
}

TEST_CASE("six channels without positions are taken as 5.1 and mixed down", "[audio]") {
    TempDir dir;
    const fs::path wav = dir.path / "six.wav";
    std::vector<float> six;
    for (float v : sine(0.5, 48000, 300, 0.4))
        for (int ch = 0; ch < 6; ++ch) six.push_back(ch == 0 ? v : 0.0f);  // front left only
    write_wav(wav, six, 48000, 6, /*extensible=*/true);
    const audio::Sound sound = audio::decode_audio_file(wav, kMark);
    CHECK(sound.seconds() == Approx(0.5).margin(1e-3));
    double left = 0, right = 0;
    for (std::size_t i = 0; i < sound.samples.size(); i += 2) {
        left += std::abs(sound.samples[i]);
        right += std::abs(sound.samples[i + 1]);
    }
    CHECK(left > 100 * right);  // front left stays on the left
}
