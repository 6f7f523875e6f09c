#pragma once
// What render writes besides the frames: the soundtrack of the rendered range, the caption
// files beside a video (replaced only when the whole render succeeds), and the one-line
// notes for outputs that cannot carry sound or captions.
#include "audio/soundtrack.hpp"
#include "captions/cues.hpp"
#include "encode/temp_file.hpp"
#include "timeline/scene.hpp"

#include <filesystem>
#include <memory>
#include <optional>

namespace attnreel::cli {

// Every sound of the scene mixed for [from, to) of its clock; null when the scene has none.
std::shared_ptr<const audio::Soundtrack> soundtrack_of(const Scene& scene, double from, double to);

// OUT.vtt and OUT.srt beside the video OUT, written to temporary files now and moved into
// place by commit(); destroyed uncommitted, they leave earlier files as they were.
class CaptionFiles {
public:
    CaptionFiles(const std::filesystem::path& video, const std::vector<captions::Cue>& cues, bool top);
    void commit();
    std::filesystem::path vtt() const { return vtt_.target(); }
    std::filesystem::path srt() const { return srt_.target(); }

private:
    TempFile vtt_, srt_;
};

// Notes on stderr for an output without sound or caption files (GIF, PNG): the scene's
// audio is left out; its say: lines show only with --burn-captions.
void note_silent_output(const Scene& scene, const std::string& format, bool burn_captions);

}  // namespace attnreel::cli
