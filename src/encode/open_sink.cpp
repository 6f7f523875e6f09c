#include "encode/open_sink.hpp"

#include "core/error.hpp"
#include "encode/frame_chunk.hpp"
#include "encode/png_sink.hpp"

#include <algorithm>
#include <cctype>

namespace attnreel {

namespace fs = std::filesystem;

OutputKind output_kind(const fs::path& path) {
    std::error_code ec;
    if (!path.empty() && (!path.has_filename() || fs::is_directory(path, ec))) return OutputKind::png_sequence;
    std::string extension = path.extension().string();
    std::transform(extension.begin(), extension.end(), extension.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    if (extension == ".mp4") return OutputKind::mp4;
    if (extension == ".gif") return OutputKind::gif;
    if (extension == ".png") return OutputKind::png;
    if (extension == ".frames") return OutputKind::frame_chunk;
    const std::vector<std::string> known = {".mp4", ".gif", ".png", ".frames"};
    const std::string expected =
        "expected .mp4, .gif, .png, .frames (a chunk for a GIF), or a folder ending in '/' for a PNG sequence";
    if (extension.empty()) throw InputError(SourceMark{path.string()}, "output has no extension; " + expected);
    throw InputError(SourceMark{path.string()},
                     "unknown output extension '" + extension + "'" + did_you_mean(extension, known) + "; " + expected);
}

std::unique_ptr<FrameSink> open_sink(const fs::path& path, const OutputSettings& settings) {
    switch (output_kind(path)) {
        case OutputKind::mp4: {
            std::map<std::string, std::string> metadata;
            if (settings.chunk) metadata["comment"] = settings.chunk->text();
            return std::make_unique<Mp4Sink>(path, settings.width, settings.height,
                                             Mp4Options{settings.fps, settings.crf, settings.preset, settings.audio,
                                                        settings.first_frame, settings.restarts, metadata});
        }
        case OutputKind::frame_chunk:
            if (!settings.chunk)
                throw InputError(SourceMark{path.string()},
                                 ".frames holds a chunk of a render for a GIF: render it with --frames A:B");
            return std::make_unique<FrameChunkSink>(path, settings.fps, *settings.chunk);
        case OutputKind::gif: {
            GifOptions gif = settings.gif;
            gif.input_fps = settings.fps;
            return std::make_unique<GifSink>(path, settings.width, settings.height, gif);
        }
        case OutputKind::png: return std::make_unique<PngFileSink>(path);
        case OutputKind::png_sequence:
            return std::make_unique<PngSequenceSink>(path, static_cast<int>(settings.first_frame),
                                                     settings.chunk.has_value());
    }
    throw std::logic_error("open_sink: unhandled output kind");
}

}  // namespace attnreel
