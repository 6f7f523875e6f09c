#pragma once
// join_mp4: MP4 chunks of one render (`render --frames A:B`) put back together by stream
// copy, without decoding or encoding anything: the packets of every chunk in frame order,
// the sound from the chunk that starts the video (it carries the whole soundtrack), into a
// faststart MP4 written beside the target and renamed only when complete.
#include "encode/chunk_tag.hpp"

#include <filesystem>
#include <vector>

namespace attnreel {

// The tag a chunk file carries; InputError naming the file when it cannot be read as an
// MP4 or carries none.
ChunkTag read_mp4_chunk_tag(const std::filesystem::path& chunk);

// InputError naming the chunk at fault: unreadable or corrupt (fewer frames than its tag
// says), from another scene or other settings, or leaving a gap or an overlap; nothing is
// written then. Chunks may be given in any order.
void join_mp4(const std::vector<std::filesystem::path>& chunks, const std::filesystem::path& output);

}  // namespace attnreel
