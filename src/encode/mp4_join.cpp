#include "encode/mp4_join.hpp"

#include "core/error.hpp"
#include "encode/libav_util.hpp"
#include "encode/temp_file.hpp"

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <memory>
#include <optional>

extern "C" {
#include <libavutil/dict.h>
}

namespace attnreel {

namespace fs = std::filesystem;

namespace {

struct InputDeleter {
    void operator()(AVFormatContext* f) const { avformat_close_input(&f); }
};
using InputPtr = std::unique_ptr<AVFormatContext, InputDeleter>;

[[noreturn]] void refuse(const fs::path& file, const std::string& message) {
    throw InputError(SourceMark{file.string()}, message);
}

InputPtr open_mp4(const fs::path& file) {
    std::error_code ec;
    if (!fs::is_regular_file(file, ec)) refuse(file, fs::exists(file, ec) ? "is not a file" : "no such chunk");
    AVFormatContext* raw = nullptr;
    const int opened = avformat_open_input(&raw, file.c_str(), nullptr, nullptr);
    if (opened < 0) refuse(file, "cannot be read as an MP4: " + libav::error_text(opened));
    InputPtr input(raw);
    const int found = avformat_find_stream_info(input.get(), nullptr);
    if (found < 0) refuse(file, "is corrupt: " + libav::error_text(found));
    return input;
}

int stream_of(const AVFormatContext& input, AVMediaType type) {
    for (unsigned i = 0; i < input.nb_streams; ++i)
        if (input.streams[i]->codecpar->codec_type == type) return static_cast<int>(i);
    return -1;
}

ChunkTag tag_of(const AVFormatContext& input, const fs::path& file) {
    const AVDictionaryEntry* comment = av_dict_get(input.metadata, "comment", nullptr, 0);
    const std::optional<ChunkTag> tag = comment ? ChunkTag::parse(comment->value) : std::nullopt;
    if (!tag) refuse(file, "is not a chunk of an attnreel render (render chunks with 'attnreel render --frames A:B')");
    return *tag;
}

struct Chunk {
    fs::path file;
    ChunkTag tag;
    InputPtr input;
    int video = -1;
    int audio = -1;
    // Added to the chunk's video timestamps so its first frame plays at exactly first /
    // fps: MP4 keeps a chunk's start in an edit list in milliseconds, which rounds (frame
    // 58 at 30 fps, 1.9333 s, comes back 5 ticks of 1/15360 s early).
    std::int64_t shift = 0;
};

bool same_bytes(const AVCodecParameters& a, const AVCodecParameters& b) {
    return a.extradata_size == b.extradata_size &&
           (a.extradata_size == 0 || std::memcmp(a.extradata, b.extradata, static_cast<std::size_t>(a.extradata_size)) == 0);
}

// Every refusal happens here, before the output is opened.
void check_fit(std::vector<Chunk>& chunks) {
    std::vector<TaggedChunk> tagged;
    for (const Chunk& c : chunks) tagged.push_back({c.file, c.tag});
    check_chunks_fit(tagged);  // in frame order now
    std::vector<Chunk> ordered;
    for (const TaggedChunk& t : tagged)
        for (Chunk& c : chunks)
            if (c.input && c.file == t.file && c.tag.first == t.tag.first) {
                ordered.push_back(std::move(c));
                break;
            }
    chunks = std::move(ordered);
    const Chunk& head = chunks.front();
    const AVCodecParameters& video = *head.input->streams[head.video]->codecpar;
    for (const Chunk& c : chunks) {
        const AVCodecParameters& own = *c.input->streams[c.video]->codecpar;
        if (own.codec_id != video.codec_id || own.width != video.width || own.height != video.height ||
            !same_bytes(own, video))
            refuse(c.file, "was encoded with other stream headers than " + head.file.string() +
                               " (another encoder build or options), so it cannot be joined by stream copy");
    }
}

// Counts the video packets of a chunk, so a truncated file is refused before anything is
// written; leaves the chunk read from its start again.
void check_complete(Chunk& c) {
    libav::PacketPtr packet = libav::make_packet();
    std::int64_t count = 0;
    std::int64_t first_pts = INT64_MAX, frame_ticks = 0;
    for (;;) {
        const int read = av_read_frame(c.input.get(), packet.get());
        if (read == AVERROR_EOF) break;
        if (read < 0) refuse(c.file, "is corrupt: " + libav::error_text(read));
        if (packet->stream_index == c.video) {
            ++count;
            if (packet->pts != AV_NOPTS_VALUE) first_pts = std::min(first_pts, packet->pts);
            if (frame_ticks == 0) frame_ticks = packet->duration;
        }
        av_packet_unref(packet.get());
    }
    if (count != c.tag.end - c.tag.first)
        refuse(c.file, "is corrupt: it holds " + std::to_string(count) + " frames, but its tag says " + c.tag.range());
    if (first_pts == INT64_MAX || frame_ticks <= 0) refuse(c.file, "is corrupt: its frames have no timestamps");
    c.shift = c.tag.first * frame_ticks - first_pts;
    c.input = open_mp4(c.file);
}

struct Output {
    TempFile temp;
    AVFormatContext* format = nullptr;
    explicit Output(const fs::path& target) : temp(target) {}
    ~Output() {
        if (format) {
            if (format->pb) avio_closep(&format->pb);
            avformat_free_context(format);
        }
    }
};

AVStream* copy_stream(AVFormatContext& out, const AVStream& in, const fs::path& target) {
    AVStream* stream = avformat_new_stream(&out, nullptr);
    if (!stream) throw std::bad_alloc();
    libav::check(avcodec_parameters_copy(stream->codecpar, in.codecpar), target, "copying stream parameters");
    stream->codecpar->codec_tag = 0;
    stream->time_base = in.time_base;
    stream->avg_frame_rate = in.avg_frame_rate;
    stream->sample_aspect_ratio = in.sample_aspect_ratio;
    return stream;
}

}  // namespace

ChunkTag read_mp4_chunk_tag(const fs::path& chunk) { return tag_of(*open_mp4(chunk), chunk); }

void join_mp4(const std::vector<fs::path>& files, const fs::path& output) {
    if (files.empty()) throw InputError("join needs at least one chunk");
    std::vector<Chunk> chunks;
    for (const fs::path& file : files) {
        Chunk c;
        c.file = file;
        c.input = open_mp4(file);
        c.tag = tag_of(*c.input, file);
        c.video = stream_of(*c.input, AVMEDIA_TYPE_VIDEO);
        c.audio = stream_of(*c.input, AVMEDIA_TYPE_AUDIO);
        if (c.video < 0) refuse(file, "has no video stream");
        chunks.push_back(std::move(c));
    }
    check_fit(chunks);
    for (Chunk& c : chunks) check_complete(c);

    Output out(output);
    libav::check(avformat_alloc_output_context2(&out.format, nullptr, "mp4", out.temp.path().c_str()), output,
                 "creating the mp4 muxer");
    const Chunk& head = chunks.front();
    AVStream* video = copy_stream(*out.format, *head.input->streams[head.video], output);
    // The chunk that starts the video carries the whole soundtrack, read beside the video.
    InputPtr sound;
    AVStream* audio = nullptr;
    if (head.audio >= 0) {
        sound = open_mp4(head.file);
        audio = copy_stream(*out.format, *sound->streams[head.audio], output);
    }
    ChunkTag whole = head.tag;
    whole.first = 0;
    whole.end = whole.total;
    av_dict_set(&out.format->metadata, "comment", whole.text().c_str(), 0);
    libav::check_output(avio_open(&out.format->pb, out.temp.path().c_str(), AVIO_FLAG_WRITE), output,
                        "opening the output file");
    AVDictionary* options = nullptr;
    av_dict_set(&options, "movflags", "+faststart", 0);
    const int header = avformat_write_header(out.format, &options);
    av_dict_free(&options);
    libav::check_output(header, output, "writing the mp4 header");

    libav::PacketPtr packet = libav::make_packet();
    libav::PacketPtr sound_packet = libav::make_packet();
    bool sound_pending = false, sound_done = audio == nullptr;
    const AVRational sound_base = audio ? sound->streams[head.audio]->time_base : AVRational{1, 1};
    // Writes the sound's packets up to `until` (seconds), so the two streams interleave.
    auto write_sound_until = [&](double until) {
        while (!sound_done) {
            if (!sound_pending) {
                const int read = av_read_frame(sound.get(), sound_packet.get());
                if (read == AVERROR_EOF) {
                    sound_done = true;
                    return;
                }
                if (read < 0) refuse(head.file, "is corrupt: " + libav::error_text(read));
                if (sound_packet->stream_index != head.audio) {
                    av_packet_unref(sound_packet.get());
                    continue;
                }
                sound_pending = true;
            }
            if (sound_packet->dts != AV_NOPTS_VALUE && sound_packet->dts * av_q2d(sound_base) > until) return;
            av_packet_rescale_ts(sound_packet.get(), sound_base, audio->time_base);
            sound_packet->stream_index = audio->index;
            sound_packet->pos = -1;
            libav::check_output(av_interleaved_write_frame(out.format, sound_packet.get()), output,
                                "writing an audio packet");
            sound_pending = false;
        }
    };
    for (Chunk& c : chunks) {
        const AVRational base = c.input->streams[c.video]->time_base;
        for (;;) {
            const int read = av_read_frame(c.input.get(), packet.get());
            if (read == AVERROR_EOF) break;
            if (read < 0) refuse(c.file, "is corrupt: " + libav::error_text(read));
            if (packet->stream_index != c.video) {
                av_packet_unref(packet.get());
                continue;
            }
            packet->pts += c.shift;
            packet->dts += c.shift;
            write_sound_until(packet->dts * av_q2d(base));
            av_packet_rescale_ts(packet.get(), base, video->time_base);
            packet->stream_index = video->index;
            packet->pos = -1;
            libav::check_output(av_interleaved_write_frame(out.format, packet.get()), output, "writing a packet");
        }
    }
    write_sound_until(1e300);
    libav::check_output(av_write_trailer(out.format), output, "writing the trailer");
    libav::check_output(avio_closep(&out.format->pb), output, "closing the output file");
    out.temp.commit();
}

}  // namespace attnreel
