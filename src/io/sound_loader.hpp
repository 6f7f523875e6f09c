#pragma once
// Reads what a scene says and plays: `say:` on a timeline step, the `narration:` block
// (draft speech) and the `audio:` list of sound files. File names are resolved against the
// scene file's folder; the files themselves are read when the scene compiles.
#include "io/yaml_reader.hpp"

#include <string>

namespace attnreel {

// `say: text` or `say: {text: …, audio: voice.wav}`.
SaySpec load_say(const YamlReader& in, const YAML::Node& node, const std::string& scene_dir);
// `narration: {voice: en, rate: 175, volume: 1}`.
NarrationSpec load_narration(const YamlReader& in, const YAML::Node& node);
// `audio: [{file: …, at: 2 | step: 3, volume, fade_in, fade_out, extend_to_audio}, …]`.
std::vector<AudioTrackSpec> load_audio_tracks(const YamlReader& in, const YAML::Node& node,
                                              const std::string& scene_dir);

}  // namespace attnreel
