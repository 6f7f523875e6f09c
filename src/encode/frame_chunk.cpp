#include "encode/frame_chunk.hpp"

#include "core/error.hpp"
#include "encode/temp_file.hpp"

#include <zlib.h>

#include <cerrno>
#include <cstdio>
#include <fstream>
#include <functional>
#include <stdexcept>

namespace attnreel {

namespace fs = std::filesystem;

namespace {

constexpr const char* kMagic = "attnreel frames 1";

// The header of a frame chunk, read and checked.
struct Header {
    ChunkTag tag;
    int width = 0, height = 0;
    double fps = 0;
};

[[noreturn]] void refuse(const fs::path& file, const std::string& message) {
    throw InputError(SourceMark{file.string()}, message);
}

Header read_header(std::ifstream& in, const fs::path& file) {
    std::error_code ec;
    if (!fs::is_regular_file(file, ec)) refuse(file, fs::exists(file, ec) ? "is not a file" : "no such chunk");
    std::string magic, tag_text, sizes;
    if (!std::getline(in, magic) || magic != kMagic)
        refuse(file, "is not a frame chunk of an attnreel render (render them with --frames A:B -o PART.frames)");
    Header header;
    std::getline(in, tag_text);
    std::getline(in, sizes);
    const std::optional<ChunkTag> tag = ChunkTag::parse(tag_text);
    if (!tag || std::sscanf(sizes.c_str(), "%d %d %lf", &header.width, &header.height, &header.fps) != 3 ||
        header.width <= 0 || header.height <= 0 || header.width > 16384 || header.height > 16384 || !(header.fps > 0))
        refuse(file, "is corrupt: its header cannot be read");
    header.tag = *tag;
    return header;
}

// Reads the next frame of a chunk into `frame`; InputError when the file ends early or
// the bytes do not inflate to one frame.
void read_frame(std::ifstream& in, const fs::path& file, Frame& frame) {
    unsigned char length_bytes[4];
    if (!in.read(reinterpret_cast<char*>(length_bytes), 4)) refuse(file, "is corrupt: it ends before its last frame");
    const std::uint32_t length = length_bytes[0] | length_bytes[1] << 8 | length_bytes[2] << 16 |
                                 static_cast<std::uint32_t>(length_bytes[3]) << 24;
    const uLongf expected = static_cast<uLongf>(frame.pixels.size() * 4);
    if (length > compressBound(expected)) refuse(file, "is corrupt: a frame is longer than a frame can be");
    std::string bytes(length, '\0');
    if (!in.read(bytes.data(), length)) refuse(file, "is corrupt: it ends before its last frame");
    uLongf size = expected;
    if (uncompress(reinterpret_cast<Bytef*>(frame.pixels.data()), &size,
                   reinterpret_cast<const Bytef*>(bytes.data()), length) != Z_OK ||
        size != expected)
        refuse(file, "is corrupt: a frame does not inflate to its size");
}

}  // namespace

struct FrameChunkSink::File {
    TempFile temp;
    std::ofstream out;
    ChunkTag tag;
    int width = 0, height = 0;
    std::int64_t count = 0;
    std::string compressed;
    double fps;
    File(const fs::path& path, double f, const ChunkTag& t) : temp(path), tag(t), fps(f) {
        out.open(temp.path(), std::ios::binary | std::ios::trunc);
        if (!out) throw output_error(path.string(), "cannot write", errno);
    }
};

FrameChunkSink::FrameChunkSink(const fs::path& path, double fps, const ChunkTag& tag)
    : file_(std::make_unique<File>(path, fps, tag)) {}

FrameChunkSink::~FrameChunkSink() = default;

void FrameChunkSink::write(const Frame& frame) {
    File& f = *file_;
    if (f.count == 0) {
        f.width = frame.width;
        f.height = frame.height;
        char sizes[96];
        std::snprintf(sizes, sizeof sizes, "%d %d %.17g\n", f.width, f.height, f.fps);
        f.out << kMagic << "\n" << f.tag.text() << "\n" << sizes;
    } else if (frame.width != f.width || frame.height != f.height) {
        throw std::logic_error("FrameChunkSink: frame size changed");
    }
    // Rows are packed (Frame has no padding), so the pixels are one block.
    const uLong raw = static_cast<uLong>(frame.pixels.size() * 4);
    uLongf size = compressBound(raw);
    f.compressed.resize(size);
    if (compress2(reinterpret_cast<Bytef*>(f.compressed.data()), &size,
                  reinterpret_cast<const Bytef*>(frame.pixels.data()), raw, 1) != Z_OK)
        throw std::runtime_error(f.temp.target().string() + ": cannot compress a frame");
    const unsigned char length[4] = {static_cast<unsigned char>(size), static_cast<unsigned char>(size >> 8),
                                     static_cast<unsigned char>(size >> 16), static_cast<unsigned char>(size >> 24)};
    f.out.write(reinterpret_cast<const char*>(length), 4);
    f.out.write(f.compressed.data(), static_cast<std::streamsize>(size));
    if (!f.out) throw output_error(f.temp.target().string(), "cannot write", errno);
    ++f.count;
}

void FrameChunkSink::finish() {
    File& f = *file_;
    if (f.count != f.tag.end - f.tag.first)
        throw std::runtime_error(f.temp.target().string() + ": a frame chunk got " + std::to_string(f.count) +
                                 " frames for " + f.tag.range());
    f.out.close();
    if (!f.out) throw output_error(f.temp.target().string(), "cannot write", errno);
    f.temp.commit();
}

ChunkTag read_frame_chunk_tag(const fs::path& chunk) {
    std::ifstream in(chunk, std::ios::binary);
    return read_header(in, chunk).tag;
}

namespace {

// Checks that the chunks fit, then feeds their frames in order to the sink `open` makes for
// their frame size and rate: one encoder over the whole video, as a render in one go.
void join_frame_chunks(const std::vector<fs::path>& files,
                       const std::function<std::unique_ptr<FrameSink>(int, int, double)>& open) {
    std::vector<TaggedChunk> chunks;
    std::vector<Header> headers;
    for (const fs::path& file : files) {
        std::ifstream in(file, std::ios::binary);
        const Header header = read_header(in, file);
        chunks.push_back({file, header.tag});
        headers.push_back(header);
    }
    check_chunks_fit(chunks);
    const Header& head = headers.front();  // every chunk has the same settings: its size and fps
    const std::unique_ptr<FrameSink> sink = open(head.width, head.height, head.fps);
    Frame frame(head.width, head.height);
    for (const TaggedChunk& chunk : chunks) {
        std::ifstream in(chunk.file, std::ios::binary);
        const Header header = read_header(in, chunk.file);
        if (header.width != head.width || header.height != head.height || header.fps != head.fps)
            refuse(chunk.file, "holds frames of another size or rate than " + chunks.front().file.string());
        for (std::int64_t i = chunk.tag.first; i < chunk.tag.end; ++i) {
            read_frame(in, chunk.file, frame);
            sink->write(frame);
        }
        if (in.peek() != std::char_traits<char>::eof()) refuse(chunk.file, "is corrupt: it holds more frames than its tag says");
    }
    sink->finish();
}

}  // namespace

void join_gif(const std::vector<fs::path>& files, const fs::path& output, GifOptions options) {
    join_frame_chunks(files, [&](int width, int height, double fps) {
        options.input_fps = fps;
        return std::make_unique<GifSink>(output, width, height, options);
    });
}

void join_webp(const std::vector<fs::path>& files, const fs::path& output, WebpOptions options) {
    join_frame_chunks(files, [&](int width, int height, double fps) {
        options.fps = fps;
        return std::make_unique<WebpSink>(output, width, height, options);
    });
}

}  // namespace attnreel
