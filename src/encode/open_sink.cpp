#include "encode/open_sink.hpp"

#include "core/error.hpp"
#include "encode/frame_chunk.hpp"
#include "encode/png_sink.hpp"

#include <algorithm>
#include <cctype>

namespace attnreel {

namespace fs = std::filesystem;

namespace {

const std::vector<std::pair<std::string, OutputKind>>& extensions() {
    static const std::vector<std::pair<std::string, OutputKind>> all = {
        {".mp4", OutputKind::mp4}, {".webm", OutputKind::webm}, {".mov", OutputKind::mov},
        {".gif", OutputKind::gif}, {".webp", OutputKind::webp}, {".png", OutputKind::png},
        {".frames", OutputKind::frame_chunk}};  // a chunk of a render for a GIF, joined later
    return all;
}

}  // namespace

std::string output_extensions() {
    std::string list;
    for (const auto& [extension, kind] : extensions()) list += (list.empty() ? "" : ", ") + extension;
    return list;
}

OutputKind output_kind(const fs::path& path) {
    std::error_code ec;
    if (!path.empty() && (!path.has_filename() || fs::is_directory(path, ec))) return OutputKind::png_sequence;
    std::string extension = path.extension().string();
    std::transform(extension.begin(), extension.end(), extension.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    std::vector<std::string> known;
    for (const auto& [name, kind] : extensions()) {
        if (extension == name) return kind;
        known.push_back(name);
    }
    const std::string expected = "expected " + output_extensions() + ", or a folder ending in '/' for a PNG sequence";
    if (extension.empty()) throw InputError(SourceMark{path.string()}, "output has no extension; " + expected);
    std::string advice;
    if (extension == ".jpg" || extension == ".jpeg" || extension == ".svg" || extension == ".pdf")
        advice = " ('attnreel frame' writes one " + extension + " picture; render --poster writes a .jpg beside a video)";
    throw InputError(SourceMark{path.string()}, "unknown output extension '" + extension + "'" +
                                                    did_you_mean(extension, known) + "; " + expected + advice);
}

bool keeps_alpha(OutputKind kind) {
    return kind != OutputKind::mp4 && kind != OutputKind::gif && kind != OutputKind::frame_chunk;
}

std::string kind_name(OutputKind kind) {
    switch (kind) {
        case OutputKind::mp4: return "MP4";
        case OutputKind::webm: return "WebM";
        case OutputKind::mov: return "MOV";
        case OutputKind::gif: return "GIF";
        case OutputKind::webp: return "WebP";
        case OutputKind::png: return "PNG";
        case OutputKind::png_sequence: return "PNG sequence";
        case OutputKind::frame_chunk: return "frame chunk";
    }
    return "output";
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
        case OutputKind::webm:
            return std::make_unique<AlphaVideoSink>(path, AlphaCodec::vp9_webm, settings.width, settings.height,
                                                    AlphaVideoOptions{settings.fps, settings.webm_crf});
        case OutputKind::mov:
            return std::make_unique<AlphaVideoSink>(path, AlphaCodec::prores_mov, settings.width, settings.height,
                                                    AlphaVideoOptions{settings.fps, settings.webm_crf});
        case OutputKind::gif: {
            GifOptions gif = settings.gif;
            gif.input_fps = settings.fps;
            return std::make_unique<GifSink>(path, settings.width, settings.height, gif);
        }
        case OutputKind::webp: {
            WebpOptions webp = settings.webp;
            webp.fps = settings.fps;
            return std::make_unique<WebpSink>(path, settings.width, settings.height, webp);
        }
        case OutputKind::png: return std::make_unique<PngFileSink>(path);
        case OutputKind::png_sequence:
            return std::make_unique<PngSequenceSink>(path, static_cast<int>(settings.first_frame),
                                                     settings.chunk.has_value());
    }
    throw std::logic_error("open_sink: unhandled output kind");
}

}  // namespace attnreel
