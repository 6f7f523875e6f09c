#pragma once
// open_sink: the sink an output path asks for, by its extension: .mp4, .webm, .mov, .gif,
// .webp (animated), .png (one frame), .frames (a chunk of frames for a GIF joined later), or
// a folder (a path ending in '/', or an existing directory) for a PNG sequence.
#include "encode/alpha_video_sink.hpp"
#include "encode/chunk_tag.hpp"
#include "encode/frame_sink.hpp"
#include "encode/gif_sink.hpp"
#include "encode/mp4_sink.hpp"
#include "encode/webp_sink.hpp"

#include <filesystem>
#include <memory>
#include <optional>
#include <string>

namespace attnreel {

enum class OutputKind { mp4, gif, png, png_sequence, webm, mov, webp, frame_chunk };

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
    int webm_crf = 30;              // WebM (VP9) only, 0 … 63
    WebpOptions webp;               // animated WebP only; its fps is taken from fps
};

// The kind of output `path` names; InputError for a missing or unknown extension, which
// lists the supported ones.
OutputKind output_kind(const std::filesystem::path& path);

// The supported extensions, as messages list them: ".mp4, .webm, .mov, .gif, .webp, .png".
std::string output_extensions();

// Whether the kind keeps a transparent background (WebM, MOV, WebP, PNG).
bool keeps_alpha(OutputKind kind);
// "MP4", "WebM", "MOV", "GIF", "WebP", "PNG", "PNG sequence".
std::string kind_name(OutputKind kind);

// Opens the sink for `path`. InputError for an unknown extension, bad settings or an
// output that cannot be written.
std::unique_ptr<FrameSink> open_sink(const std::filesystem::path& path, const OutputSettings& settings);

}  // namespace attnreel
