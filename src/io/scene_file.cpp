#include "io/scene_file.hpp"

#include "io/scene_loader.hpp"
#include "timeline/compile_scene.hpp"

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <iterator>

namespace attnreel {

namespace {

void add(std::vector<std::string>& files, const std::string& file) {
    if (!file.empty() && std::find(files.begin(), files.end(), file) == files.end()) files.push_back(file);
}

}  // namespace

LoadedScene load_scene(const std::string& path, text::FontLibrary& fonts, std::vector<std::string>* inputs) {
    std::vector<std::string> ignored;
    std::vector<std::string>& files = inputs ? *inputs : ignored;
    add(files, path);
    LoadedScene loaded;
    loaded.project = find_project(path);
    if (loaded.project) add(files, loaded.project->file);
    loaded.spec = load_scene_file(path);
    if (loaded.project) {
        auto& scene_fonts = loaded.spec.settings.fonts;
        scene_fonts.insert(scene_fonts.end(), loaded.project->fonts.begin(), loaded.project->fonts.end());
    }
    for (const auto& file : scene_inputs(loaded.spec)) add(files, file);
    loaded.scene = compile_scene(loaded.spec, fonts);
    return loaded;
}

std::vector<std::string> scene_inputs(const SceneSpec& spec) {
    std::vector<std::string> files;
    add(files, spec.file);
    for (const auto& font : spec.settings.fonts) add(files, font.path);
    for (const auto& object : spec.objects) {
        if (const auto* t = std::get_if<TextSpec>(&object.kind); t && text::names_font_file(t->font)) add(files, t->font);
        if (const auto* m = std::get_if<MathSpec>(&object.kind); m && text::names_font_file(m->font)) add(files, m->font);
        if (const auto* r = std::get_if<TokenRowSpec>(&object.kind); r && text::names_font_file(r->font)) add(files, r->font);
        if (const auto* a = std::get_if<AttentionArrowsSpec>(&object.kind); a && text::names_font_file(a->label_font))
            add(files, a->label_font);
    }
    for (const auto& model : spec.data.models) add(files, model.weights_file);
    for (const auto& track : spec.audio) add(files, track.file);
    for (const auto& step : spec.timeline)
        if (step.say && step.say->audio) add(files, *step.say->audio);
    return files;
}

std::string scene_fingerprint(const std::vector<std::string>& inputs) {
    std::uint64_t hash = 0xcbf29ce484222325ULL;
    for (const std::string& file : inputs) {
        std::ifstream in(file, std::ios::binary);
        for (std::istreambuf_iterator<char> it(in), end; it != end; ++it) {
            hash ^= static_cast<unsigned char>(*it);
            hash *= 0x100000001b3ULL;
        }
        hash ^= 0xff;  // a boundary, so that bytes moved from one file to the next change the hash
        hash *= 0x100000001b3ULL;
    }
    char text[17];
    std::snprintf(text, sizeof text, "%016llx", static_cast<unsigned long long>(hash));
    return text;
}

}  // namespace attnreel
