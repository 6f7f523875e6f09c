#pragma once
// Draft speech: eSpeak NG (libespeak-ng) reads a line of narration aloud into a Sound, and
// says when each word starts so captions can follow the voice. Synthesis happens when a
// scene compiles, never per frame; each (voice, rate, text) is synthesised once per
// process and kept, so recompiling an edited scene only speaks the lines that changed.
#include "audio/sound.hpp"
#include "core/error.hpp"

#include <memory>
#include <string>
#include <vector>

namespace attnreel::audio {

struct SpeechVoice {
    std::string name = "en";    // an eSpeak NG voice or language: en, en-us, de, fr…
    int words_per_minute = 175;  // 80…450
};

struct SpokenWord {
    double at = 0;         // seconds from the start of the speech
    std::size_t byte = 0;  // where the word starts in the text
};

struct Speech {
    Sound sound;
    std::vector<SpokenWord> words;
};

// The names speech_voice_exists accepts: every voice's languages ("en", "en-us"…) and
// file names ("gmw/en").
const std::vector<std::string>& speech_voices();
bool speech_voice_exists(const std::string& name);

// `text` spoken by `voice`. InputError at `mark` for an unknown voice (with the nearest
// name) or text eSpeak NG cannot speak; std::runtime_error when eSpeak NG or its data are
// missing.
std::shared_ptr<const Speech> synthesize_speech(const std::string& text, const SpeechVoice& voice,
                                                const SourceMark& mark);

}  // namespace attnreel::audio
