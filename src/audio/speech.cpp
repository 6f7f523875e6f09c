#include "audio/speech.hpp"

#include "audio/resampler.hpp"

#include <espeak-ng/speak_lib.h>

#include <algorithm>
#include <cstring>
#include <map>
#include <mutex>
#include <stdexcept>
#include <tuple>

namespace attnreel::audio {

namespace {

// eSpeak NG is one global synthesiser: every call goes through this lock.
std::mutex& espeak_lock() {
    static std::mutex lock;
    return lock;
}

int espeak_rate = 0;  // the synthesiser's own sample rate, once initialised

// Initialises eSpeak NG on first use; the lock must be held.
void initialise() {
    if (espeak_rate > 0) return;
    const int rate = espeak_Initialize(AUDIO_OUTPUT_SYNCHRONOUS, 0, nullptr, espeakINITIALIZE_DONT_EXIT);
    if (rate <= 0)
        throw std::runtime_error("eSpeak NG cannot start: is its voice data installed (Debian's espeak-ng-data)?");
    espeak_rate = rate;
}

struct Collected {
    std::vector<short> samples;
    std::vector<std::pair<int, int>> words;  // (milliseconds, character index)
};

Collected* collecting = nullptr;  // where the callback puts what it gets; the lock must be held

int on_synthesised(short* wav, int count, espeak_EVENT* events) {
    if (!collecting) return 0;
    if (wav && count > 0) collecting->samples.insert(collecting->samples.end(), wav, wav + count);
    for (espeak_EVENT* e = events; e && e->type != espeakEVENT_LIST_TERMINATED; ++e)
        if (e->type == espeakEVENT_WORD) collecting->words.emplace_back(e->audio_position, e->text_position);
    return 0;  // go on
}

// The byte where the `index`-th character (from 1, as eSpeak counts) starts in UTF-8 text.
std::size_t byte_of_character(const std::string& text, int index) {
    int seen = 0;
    for (std::size_t i = 0; i < text.size(); ++i) {
        if ((static_cast<unsigned char>(text[i]) & 0xC0) == 0x80) continue;  // continuation byte
        if (++seen == index) return i;
    }
    return text.size();
}

std::vector<std::string> list_voices() {
    std::lock_guard<std::mutex> hold(espeak_lock());
    initialise();
    std::vector<std::string> names;
    for (const espeak_VOICE** v = espeak_ListVoices(nullptr); v && *v; ++v) {
        // languages: (priority byte, name, NUL) pairs ended by an empty name.
        for (const char* l = (*v)->languages; l && *l; l += std::strlen(l + 1) + 2) names.emplace_back(l + 1);
        if ((*v)->identifier) names.emplace_back((*v)->identifier);
    }
    std::sort(names.begin(), names.end());
    names.erase(std::unique(names.begin(), names.end()), names.end());
    return names;
}

}  // namespace

const std::vector<std::string>& speech_voices() {
    static const std::vector<std::string> names = list_voices();
    return names;
}

bool speech_voice_exists(const std::string& name) {
    const auto& names = speech_voices();
    return std::binary_search(names.begin(), names.end(), name);
}

std::shared_ptr<const Speech> synthesize_speech(const std::string& text, const SpeechVoice& voice,
                                                const SourceMark& mark) {
    static std::mutex cache_lock;
    static std::map<std::tuple<std::string, int, std::string>, std::shared_ptr<const Speech>> cache;
    const auto key = std::make_tuple(voice.name, voice.words_per_minute, text);
    {
        std::lock_guard<std::mutex> hold(cache_lock);
        if (const auto found = cache.find(key); found != cache.end()) return found->second;
    }
    if (!speech_voice_exists(voice.name))
        throw InputError(mark,
                         "unknown eSpeak NG voice '" + voice.name + "'" + did_you_mean(voice.name, speech_voices()));

    Collected collected;
    int rate = 0;
    {
        std::lock_guard<std::mutex> hold(espeak_lock());
        initialise();
        rate = espeak_rate;
        if (espeak_SetVoiceByName(voice.name.c_str()) != EE_OK)
            throw InputError(mark, "eSpeak NG cannot load the voice '" + voice.name + "'");
        espeak_SetParameter(espeakRATE, voice.words_per_minute, 0);
        espeak_SetSynthCallback(on_synthesised);
        collecting = &collected;
        const espeak_ERROR said =
            espeak_Synth(text.c_str(), text.size() + 1, 0, POS_CHARACTER, 0, espeakCHARS_UTF8, nullptr, nullptr);
        espeak_Synchronize();
        collecting = nullptr;
        if (said != EE_OK) throw InputError(mark, "eSpeak NG cannot speak this text");
    }

    auto speech = std::make_shared<Speech>();
    AVChannelLayout mono{};
    av_channel_layout_default(&mono, 1);
    Resampler to_sound(mono, AV_SAMPLE_FMT_S16, rate);
    const auto* bytes = reinterpret_cast<const std::uint8_t*>(collected.samples.data());
    to_sound.convert(&bytes, static_cast<int>(collected.samples.size()), speech->sound);
    to_sound.flush(speech->sound);
    // eSpeak NG sometimes reports a word past the text's end or out of order: keep the
    // words that move forward through the text.
    for (const auto& [ms, character] : collected.words) {
        const std::size_t byte = byte_of_character(text, character);
        if (byte >= text.size() || (!speech->words.empty() && byte <= speech->words.back().byte)) continue;
        speech->words.push_back({ms / 1000.0, byte});
    }

    std::lock_guard<std::mutex> hold(cache_lock);
    return cache.emplace(key, std::move(speech)).first->second;
}

}  // namespace attnreel::audio
