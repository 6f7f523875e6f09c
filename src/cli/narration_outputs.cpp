#include "cli/narration_outputs.hpp"

#include "captions/subtitle_files.hpp"

#include <cstdio>
#include <fstream>
#include <stdexcept>

namespace attnreel::cli {

namespace {

void write_text(const std::filesystem::path& path, const std::string& text) {
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out << text;
    out.close();
    if (!out) throw std::runtime_error(path.string() + ": cannot write the captions");
}

std::filesystem::path with_extension(std::filesystem::path path, const char* extension) {
    return path.replace_extension(extension);
}

}  // namespace

std::shared_ptr<const audio::Soundtrack> soundtrack_of(const Scene& scene, double from, double to) {
    if (scene.sounds.empty()) return nullptr;
    return std::make_shared<const audio::Soundtrack>(scene.sounds, from, to);
}

CaptionFiles::CaptionFiles(const std::filesystem::path& video, const std::vector<captions::Cue>& cues, bool top)
    : vtt_(with_extension(video, ".vtt")), srt_(with_extension(video, ".srt")) {
    write_text(vtt_.path(), captions::to_webvtt(cues, {top}));
    write_text(srt_.path(), captions::to_srt(cues));
}

void CaptionFiles::commit() {
    vtt_.commit();
    srt_.commit();
}

void note_silent_output(const Scene& scene, const std::string& format, bool burn_captions) {
    if (!scene.sounds.empty())
        std::fprintf(stderr, "note: %s output has no sound; the scene's audio is left out\n", format.c_str());
    if (!scene.narration.empty() && !burn_captions)
        std::fprintf(stderr, "%s: note: %s output has no captions track; say: text shows only with --burn-captions\n",
                     scene.narration.front().mark.to_string().c_str(), format.c_str());
}

}  // namespace attnreel::cli
