#pragma once
// Frame chunks for a GIF made later: `render --frames A:B -o part.frames` keeps the chunk's
// frames (each zlib-compressed, level 1: flat lesson pictures shrink tenfold) with its
// ChunkTag; `join part*.frames -o video.gif` feeds every chunk's frames, in order, to one
// GifSink, so the palette is made once over the whole video and the GIF is the one a render
// in one go writes.
//
// File: "attnreel frames 1\n", the tag's text, "\n", "<width> <height> <fps>\n", then per
// frame a 4-byte little-endian length and that many bytes of zlib stream (BGRA rows).
#include "encode/chunk_tag.hpp"
#include "encode/frame_sink.hpp"
#include "encode/gif_sink.hpp"
#include "encode/webp_sink.hpp"

#include <filesystem>
#include <memory>

namespace attnreel {

class FrameChunkSink final : public FrameSink {
public:
    // InputError when the output cannot be written.
    FrameChunkSink(const std::filesystem::path& path, double fps, const ChunkTag& tag);
    ~FrameChunkSink() override;
    void write(const Frame& frame) override;
    void finish() override;  // std::runtime_error unless exactly the tag's frames came

private:
    struct File;
    std::unique_ptr<File> file_;
};

// The tag of a frame chunk file; InputError naming it when it is not one.
ChunkTag read_frame_chunk_tag(const std::filesystem::path& chunk);

// Joins frame chunks into a GIF (options.input_fps is taken from the chunks). InputError
// naming the chunk that does not fit or is corrupt; nothing is written then.
void join_gif(const std::vector<std::filesystem::path>& chunks, const std::filesystem::path& output,
              GifOptions options);

// The same for an animated WebP (options.fps is taken from the chunks).
void join_webp(const std::vector<std::filesystem::path>& chunks, const std::filesystem::path& output,
               WebpOptions options);

}  // namespace attnreel
