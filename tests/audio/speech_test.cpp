// Draft speech with eSpeak NG: real synthesis, checked for what captions and timing need.
#include "audio/speech.hpp"

#include <catch2/catch.hpp>

#include <cmath>

using namespace attnreel;
using namespace attnreel::audio;

namespace {

double rms(const Sound& s, double from, double to) {
    const std::size_t a = static_cast<std::size_t>(sample_frame_at(from)) * kChannels;
    const std::size_t b = std::min(s.samples.size(), static_cast<std::size_t>(sample_frame_at(to)) * kChannels);
    double sum = 0;
    for (std::size_t i = a; i < b; ++i) sum += s.samples[i] * s.samples[i];
    return b > a ? std::sqrt(sum / static_cast<double>(b - a)) : 0;
}

}  // namespace

TEST_CASE("a sentence is spoken as audible 48 kHz stereo of a plausible length", "[audio][speech]") {
    const auto speech = synthesize_speech("Attention weights add up to one.", {"en", 175}, {});
    // Six words at 175 words per minute: about two seconds, with the pauses around them.
    CHECK(speech->sound.seconds() > 1.0);
    CHECK(speech->sound.seconds() < 4.0);
    CHECK(rms(speech->sound, 0, speech->sound.seconds()) > 0.02);
}

TEST_CASE("each spoken word gets its start time and its byte in the text, in order", "[audio][speech]") {
    const std::string text = "Queries meet keys, then values.";
    const auto speech = synthesize_speech(text, {"en", 175}, {});
    REQUIRE(speech->words.size() == 5);
    const std::vector<std::size_t> bytes = {0, 8, 13, 19, 24};
    for (std::size_t i = 0; i < bytes.size(); ++i) {
        INFO("word " << i);
        CHECK(speech->words[i].byte == bytes[i]);
        if (i > 0) CHECK(speech->words[i].at > speech->words[i - 1].at);
        CHECK(speech->words[i].at < speech->sound.seconds());
    }
}

TEST_CASE("a faster rate speaks the same words in less time", "[audio][speech]") {
    const std::string text = "Softmax turns scores into weights that sum to one.";
    const double slow = synthesize_speech(text, {"en", 120}, {})->sound.seconds();
    const double fast = synthesize_speech(text, {"en", 300}, {})->sound.seconds();
    CHECK(fast < 0.7 * slow);
}

TEST_CASE("the same line is synthesised once and shared", "[audio][speech]") {
    const auto a = synthesize_speech("Once is enough.", {"en", 175}, {});
    const auto b = synthesize_speech("Once is enough.", {"en", 175}, {});
    CHECK(a.get() == b.get());
}

TEST_CASE("an unknown voice is an InputError with the nearest voice", "[audio][speech]") {
    CHECK(speech_voice_exists("en"));
    CHECK(speech_voice_exists("de"));
    try {
        synthesize_speech("Hello", {"enn", 175}, SourceMark{"s.yaml", 3, 20});
        FAIL("no error for an unknown voice");
    } catch (const InputError& e) {
        CHECK(e.mark().line == 3);
        CHECK_THAT(e.message(), Catch::Contains("unknown eSpeak NG voice 'enn'; did you mean 'en'?"));
    }
}
