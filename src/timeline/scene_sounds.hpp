#pragma once
// The sounds a scene names, made ready when it compiles: sound files decoded once per path,
// and each say:'s voice (its recorded file, or eSpeak NG's draft speech when the scene has
// a narration block). Nothing here runs per frame.
#include "audio/sound.hpp"
#include "audio/speech.hpp"
#include "scene/scene_spec.hpp"

#include <map>
#include <memory>
#include <optional>
#include <string>

namespace attnreel {

struct Voice {
    std::shared_ptr<const audio::Sound> sound;  // null: the line has no voice (captions only)
    std::vector<audio::SpokenWord> words;       // draft speech only
};

class SceneSounds {
public:
    explicit SceneSounds(const std::optional<NarrationSpec>& narration);

    // InputError at the file's mark when it cannot be read or decoded.
    std::shared_ptr<const audio::Sound> file(const std::string& path, const SourceMark& mark);
    Voice voice(const SaySpec& say);

private:
    std::optional<NarrationSpec> narration_;
    std::map<std::string, std::shared_ptr<const audio::Sound>> files_;
};

}  // namespace attnreel
