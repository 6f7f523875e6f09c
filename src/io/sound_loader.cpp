#include "io/sound_loader.hpp"

#include <filesystem>

namespace attnreel {

namespace {

constexpr std::size_t kMaxSayBytes = 4096;  // a caption is read in seconds, not minutes
constexpr std::size_t kMaxTracks = 1000;

// Relative paths are relative to the scene file, so scenes travel with their sounds.
std::string resolve(const std::string& path, const std::string& scene_dir) {
    if (std::filesystem::path(path).is_relative()) return (std::filesystem::path(scene_dir) / path).string();
    return path;
}

std::string file_name(const YamlReader& in, const YAML::Node& node, const std::string& what,
                      const std::string& scene_dir) {
    const std::string path = in.string(node, what);
    if (path.empty()) in.fail(node, "'" + what + "' needs a file name");
    return resolve(path, scene_dir);
}

}  // namespace

SaySpec load_say(const YamlReader& in, const YAML::Node& node, const std::string& scene_dir) {
    SaySpec say;
    if (node.IsMap()) {
        in.only_keys(node, {"text", "audio"}, "say");
        if (node["audio"]) {
            say.audio = file_name(in, node["audio"], "audio", scene_dir);
            say.audio_mark = in.mark(node["audio"]);
        }
    } else if (!node.IsScalar()) {
        in.fail(node, "expected the words said during this step, or {text: …, audio: voice.wav}");
    }
    // A yaml-cpp Node assigned to another overwrites the node it refers to: pick, never reassign.
    const YAML::Node text = node.IsMap() ? in.required(node, "text", "say") : node;
    say.text = in.string(text, "say");
    say.mark = in.mark(text);
    if (say.text.find_first_not_of(" \t\r\n") == std::string::npos) in.fail(text, "'say' needs some words");
    if (say.text.size() > kMaxSayBytes)
        in.fail(text, "'say' is longer than " + std::to_string(kMaxSayBytes) + " bytes; split it over several steps");
    return say;
}

NarrationSpec load_narration(const YamlReader& in, const YAML::Node& node) {
    const YAML::Node m = in.map(node, "narration");
    in.only_keys(m, {"voice", "rate", "volume"}, "narration");
    NarrationSpec n;
    n.voice_mark = in.mark(node);
    if (m["voice"]) {
        n.voice = in.string(m["voice"], "voice");
        n.voice_mark = in.mark(m["voice"]);
    }
    if (m["rate"]) n.words_per_minute = in.integer(m["rate"], "rate", 80, 450);
    if (m["volume"]) n.volume = in.number(m["volume"], "volume", 0, 4);
    return n;
}

std::vector<AudioTrackSpec> load_audio_tracks(const YamlReader& in, const YAML::Node& node,
                                              const std::string& scene_dir) {
    std::vector<AudioTrackSpec> tracks;
    for (const auto& entry : in.list(node, "audio", kMaxTracks)) {
        AudioTrackSpec t;
        if (entry.IsScalar()) {  // a bare file name: from the start
            t.file = file_name(in, entry, "audio", scene_dir);
            t.mark = in.mark(entry);
            tracks.push_back(std::move(t));
            continue;
        }
        if (!entry.IsMap()) in.fail(entry, "expected an audio entry such as {file: music.ogg, at: 0}");
        in.only_keys(entry, {"file", "at", "step", "volume", "fade_in", "fade_out", "extend_to_audio"},
                     "an audio entry");
        const YAML::Node file = in.required(entry, "file", "an audio entry");
        t.file = file_name(in, file, "file", scene_dir);
        t.mark = in.mark(file);
        if (entry["at"] && entry["step"])
            in.fail(in.key_node(entry, "step"), "give either 'at' (seconds) or 'step' (a timeline step), not both");
        if (entry["at"]) t.at = in.number(entry["at"], "at", 0, 36000);
        if (entry["step"]) {
            t.step = in.integer(entry["step"], "step", 0, 100000);
            t.step_mark = in.mark(entry["step"]);
        }
        if (entry["volume"]) t.volume = in.number(entry["volume"], "volume", 0, 4);
        if (entry["fade_in"]) t.fade_in = in.number(entry["fade_in"], "fade_in", 0, 3600);
        if (entry["fade_out"]) t.fade_out = in.number(entry["fade_out"], "fade_out", 0, 3600);
        if (entry["extend_to_audio"]) t.extend_to_audio = in.boolean(entry["extend_to_audio"], "extend_to_audio");
        tracks.push_back(std::move(t));
    }
    return tracks;
}

}  // namespace attnreel
