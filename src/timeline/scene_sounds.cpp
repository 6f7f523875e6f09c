#include "timeline/scene_sounds.hpp"

#include "audio/decode_file.hpp"

namespace attnreel {

SceneSounds::SceneSounds(const std::optional<NarrationSpec>& narration) : narration_(narration) {
    if (narration_ && !audio::speech_voice_exists(narration_->voice))
        throw InputError(narration_->voice_mark, "unknown eSpeak NG voice '" + narration_->voice + "'" +
                                                     did_you_mean(narration_->voice, audio::speech_voices()));
}

std::shared_ptr<const audio::Sound> SceneSounds::file(const std::string& path, const SourceMark& mark) {
    if (const auto found = files_.find(path); found != files_.end()) return found->second;
    auto sound = std::make_shared<const audio::Sound>(audio::decode_audio_file(path, mark));
    return files_.emplace(path, std::move(sound)).first->second;
}

Voice SceneSounds::voice(const SaySpec& say) {
    Voice v;
    if (say.audio) {
        v.sound = file(*say.audio, say.audio_mark);
    } else if (narration_) {
        const auto speech = audio::synthesize_speech(
            say.text, audio::SpeechVoice{narration_->voice, narration_->words_per_minute}, say.mark);
        v.sound = std::shared_ptr<const audio::Sound>(speech, &speech->sound);  // shares the speech's lifetime
        v.words = speech->words;
    }
    return v;
}

}  // namespace attnreel
