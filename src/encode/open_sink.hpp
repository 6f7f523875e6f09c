#pragma once
// open_sink: the sink an output path asks for, by its extension: .mp4, .gif, .png (one
// frame), .frames (a chunk of frames for a GIF joined later), or a folder (a path ending in
// '/', or an existing directory) for a PNG sequence.
#include "encode/chunk_tag.hpp"
#include "encode/frame_sink.hpp"
#include "encode/gif_sink.hpp"
#include "encode/mp4_sink.hpp"

#include <filesystem>
#include <memory>
#include <optional>

namespace attnreel {

enum class OutputKind { mp4, gif, png, png_sequence, frame_chunk };

struct OutputSettings {
    int width = 0;
    int height = 0;
    double fps = 30;
    int crf = 20;                   // MP4 only
    std::string preset = "medium";  // MP4 only
    std::shared_ptr<const audio::Soundtrack> audio = nullptr;  // MP4 only; none: no audio stream
    GifOptions gif;                 // GIF only; its input_fps is taken from fps
    // A chunk of a longer render: the video's number of the first frame written (MP4 and
    // PNG sequence) and what it is a part of (MP4's comment tag; a frame chunk's header).
    std::int64_t first_frame = 0;
    std::optional<ChunkTag> chunk;
    std::vector<std::int64_t> restarts;  // MP4: frames where a fresh encoder begins
};

// The kind of output `path` names; InputError for a missing or unknown extension.
OutputKind output_kind(const std::filesystem::path& path);

// Opens the sink for `path`. InputError for an unknown extension, bad settings or an
// output that cannot be written.
std::unique_ptr<FrameSink> open_sink(const std::filesystem::path& path, const OutputSettings& settings);

}  // namespace attnreel
