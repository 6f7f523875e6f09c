#pragma once
// VideoFileWriter: one encoded video stream muxed into a file, written through a TempFile
// so the output appears only when finish() succeeds. It follows FFmpeg's doc/examples
// encode loop (send_frame / receive_packet until EAGAIN, rescale timestamps,
// av_interleaved_write_frame, flush with a null frame, write the trailer).
#include "encode/libav_util.hpp"
#include "encode/temp_file.hpp"

#include <functional>
#include <map>
#include <string>

namespace attnreel {

struct VideoStreamSpec {
    std::string muxer;    // "mp4", "gif"
    std::string encoder;  // "libx264", "gif"
    int width = 0;
    int height = 0;
    AVPixelFormat pixel_format = AV_PIX_FMT_NONE;  // of the frames given to send()
    AVRational time_base{1, 30};                   // of the frames' pts: one tick per frame
    std::map<std::string, std::string> encoder_options;
    std::map<std::string, std::string> muxer_options;
    std::function<void(AVCodecContext&)> configure;  // extra settings before the encoder opens
    // An open audio encoder: the file gets a second stream with its parameters, and
    // write_audio() takes its packets.
    const AVCodecContext* audio = nullptr;
    // Tags of the whole file ("comment" → the MP4's ©cmt), e.g. what a chunk is a part of.
    std::map<std::string, std::string> metadata;
};

class VideoFileWriter {
public:
    VideoFileWriter(const std::filesystem::path& target, const VideoStreamSpec& spec);
    ~VideoFileWriter();
    VideoFileWriter(const VideoFileWriter&) = delete;
    VideoFileWriter& operator=(const VideoFileWriter&) = delete;

    // Encodes one frame (pts in spec.time_base) and writes whatever packets come out.
    void send(const AVFrame& frame);
    // Writes a packet of the audio encoder given in the spec (timestamps in its time base).
    void write_audio(AVPacket& packet);
    // Flushes the encoder and opens a fresh one with the same settings: the next frame
    // starts a closed group of pictures with rate control started anew, exactly as if the
    // video were cut there and each part encoded alone (what chunked renders do).
    void restart_encoder();
    // Flushes the encoder, writes the trailer, closes the file and moves it into place.
    void finish();

private:
    void open_encoder();
    void encode(const AVFrame* frame_or_flush);
    int check(int code, const std::string& doing) const { return libav::check(code, temp_.target(), doing); }
    int check_output(int code, const std::string& doing) const {
        return libav::check_output(code, temp_.target(), doing);
    }

    TempFile temp_;
    VideoStreamSpec spec_;
    AVFormatContext* format_ = nullptr;
    libav::CodecPtr codec_;
    AVStream* stream_ = nullptr;
    AVStream* audio_stream_ = nullptr;
    AVRational audio_time_base_{1, 1};
    libav::PacketPtr packet_ = libav::make_packet();
    bool finished_ = false;
};

}  // namespace attnreel
