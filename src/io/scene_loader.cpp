#include "io/scene_loader.hpp"

#include "io/data_loader.hpp"
#include "io/object_loader.hpp"
#include "io/sound_loader.hpp"
#include "io/timeline_loader.hpp"
#include "io/yaml_reader.hpp"
#include "text/font_library.hpp"

#include <filesystem>

namespace attnreel {

namespace {

SceneSettings load_settings(const YamlReader& in, const YAML::Node& node, const std::string& scene_dir) {
    const auto& m = in.map(node, "scene");
    in.only_keys(m, {"size", "fps", "background", "fonts", "extend_to_audio", "reserve_lower_third", "seed"}, "scene");
    SceneSettings s;
    if (const auto size = m["size"]) {
        if (!size.IsSequence() || size.size() != 2) in.fail(size, "expected [width, height] in pixels for 'size'");
        s.width = in.integer(size[0], "size width", 16, 7680);
        s.height = in.integer(size[1], "size height", 16, 4320);
    }
    if (m["fps"]) s.fps = in.number(m["fps"], "fps", 1, 240);
    if (m["seed"]) s.seed = static_cast<std::uint64_t>(in.integer(m["seed"], "seed", 0, 2147483647));
    if (m["background"]) s.background = in.color(m["background"], "background");
    if (m["extend_to_audio"]) s.extend_to_audio = in.boolean(m["extend_to_audio"], "extend_to_audio");
    if (m["reserve_lower_third"]) s.reserve_lower_third = in.boolean(m["reserve_lower_third"], "reserve_lower_third");
    if (const auto fonts = m["fonts"]) {
        for (const auto& f : in.list(fonts, "fonts", 64)) {
            std::string path = in.string(f, "fonts");
            // Relative font paths are relative to the scene file, so scenes travel with their fonts.
            if (std::filesystem::path(path).is_relative()) path = (std::filesystem::path(scene_dir) / path).string();
            text::check_font(path, in.mark(f));
            s.fonts.push_back({path, in.mark(f)});
        }
    }
    return s;
}

SceneSpec parse_root(const std::string& text, const std::string& file) {
    const YAML::Node root = parse_yaml_text(text, file);
    YamlReader in(file, text);
    if (!root.IsMap()) in.fail(root, "a scene file is a map with 'scene', 'objects' and 'timeline'");
    in.only_keys(root, {"scene", "data", "objects", "timeline", "narration", "audio"}, "the scene file");
    SceneSpec spec;
    spec.file = file;
    spec.name = std::filesystem::path(file).stem().string();
    const std::string dir = std::filesystem::path(file).parent_path().string();
    if (root["scene"]) spec.settings = load_settings(in, root["scene"], dir.empty() ? "." : dir);
    if (root["data"]) spec.data = load_data(in, root["data"], dir.empty() ? "." : dir);
    spec.objects = load_objects(in, in.required(root, "objects", "a scene file"), spec.data);
    const std::string scene_dir = dir.empty() ? "." : dir;
    spec.timeline = load_timeline(in, in.required(root, "timeline", "a scene file"), scene_dir);
    if (root["narration"]) spec.narration = load_narration(in, root["narration"]);
    if (root["audio"]) spec.audio = load_audio_tracks(in, root["audio"], scene_dir);
    return spec;
}

}  // namespace

SceneSpec load_scene_file(const std::string& path) { return parse_root(read_yaml_file(path), path); }

SceneSpec parse_scene(const std::string& yaml_text, const std::string& file) { return parse_root(yaml_text, file); }

}  // namespace attnreel
