#pragma once
// ChunkTag: what a chunk of a longer render is a part of, kept in the chunk's own file (the
// MP4's comment tag, a frame spool's header) so that `attnreel join` can refuse parts that do
// not fit together: another scene, other settings, a gap or an overlap.
#include <cstdint>
#include <filesystem>
#include <vector>
#include <optional>
#include <string>

namespace attnreel {

struct ChunkTag {
    std::string scene;     // "<name>@<hash of the scene file and every file it reads>"
    std::string settings;  // what changes the pixels or the encoding: "1920x1080@60 crf 20 medium"
    std::int64_t first = 0;  // frames first … end-1 of the whole video, which has `total`
    std::int64_t end = 0;
    std::int64_t total = 0;

    // "attnreel chunk; scene=…; settings=…; frames=A:B; of=T"
    std::string text() const;
    // The tag a text holds, or nothing when it is not one.
    static std::optional<ChunkTag> parse(const std::string& text);
    // "frames 40:80"
    std::string range() const;
};

// A chunk file and its tag.
struct TaggedChunk {
    std::filesystem::path file;
    ChunkTag tag;
};

// Puts `chunks` in frame order and checks that they make one whole video: the same scene and
// settings, no gap, no overlap, from frame 0 to the end. InputError naming the chunk at fault.
void check_chunks_fit(std::vector<TaggedChunk>& chunks);

}  // namespace attnreel
