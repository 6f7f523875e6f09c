#include "encode/video_file_writer.hpp"

#include <cstring>
#include <stdexcept>

extern "C" {
#include <libavutil/dict.h>
#include <libavutil/opt.h>
}

namespace attnreel {

namespace {

// An AVDictionary built from a map and freed on scope exit.
struct Dictionary {
    AVDictionary* entries = nullptr;
    explicit Dictionary(const std::map<std::string, std::string>& values) {
        for (const auto& [key, value] : values)
            if (av_dict_set(&entries, key.c_str(), value.c_str(), 0) < 0) throw std::bad_alloc();
    }
    ~Dictionary() { av_dict_free(&entries); }
    Dictionary(const Dictionary&) = delete;
    Dictionary& operator=(const Dictionary&) = delete;
    // Options libav did not recognise are left in the dictionary: that is a bug here.
    void expect_all_used(const std::filesystem::path& file, const std::string& what) const {
        if (const AVDictionaryEntry* left = av_dict_get(entries, "", nullptr, AV_DICT_IGNORE_SUFFIX))
            throw std::runtime_error(file.string() + ": " + what + " does not know option '" + left->key + "'");
    }
};

}  // namespace

VideoFileWriter::VideoFileWriter(const std::filesystem::path& target, const VideoStreamSpec& spec)
    : temp_(target), spec_(spec) {
    const std::string temp_path = temp_.path().string();
    check(avformat_alloc_output_context2(&format_, nullptr, spec.muxer.c_str(), temp_path.c_str()),
          "creating the " + spec.muxer + " muxer");
    stream_ = avformat_new_stream(format_, nullptr);
    if (!stream_) throw std::bad_alloc();
    open_encoder();
    check(avcodec_parameters_from_context(stream_->codecpar, codec_.get()), "copying the encoder parameters");
    stream_->time_base = codec_->time_base;  // a hint; the muxer may choose another in write_header
    stream_->avg_frame_rate = codec_->framerate;
    stream_->sample_aspect_ratio = codec_->sample_aspect_ratio;
    for (const auto& [key, value] : spec.metadata)
        if (av_dict_set(&format_->metadata, key.c_str(), value.c_str(), 0) < 0) throw std::bad_alloc();

    if (spec.audio) {
        audio_stream_ = avformat_new_stream(format_, nullptr);
        if (!audio_stream_) throw std::bad_alloc();
        check(avcodec_parameters_from_context(audio_stream_->codecpar, spec.audio), "copying the audio parameters");
        audio_time_base_ = spec.audio->time_base;
        audio_stream_->time_base = audio_time_base_;
    }

    check_output(avio_open(&format_->pb, temp_path.c_str(), AVIO_FLAG_WRITE), "opening the output file");
    Dictionary muxer_options(spec.muxer_options);
    check_output(avformat_write_header(format_, &muxer_options.entries), "writing the " + spec.muxer + " header");
    muxer_options.expect_all_used(target, spec.muxer + " muxer");
}

void VideoFileWriter::open_encoder() {
    const std::filesystem::path& target = temp_.target();
    const AVCodec* encoder = avcodec_find_encoder_by_name(spec_.encoder.c_str());
    if (!encoder) throw std::runtime_error(target.string() + ": libavcodec has no '" + spec_.encoder + "' encoder");
    codec_.reset(avcodec_alloc_context3(encoder));
    if (!codec_) throw std::bad_alloc();
    codec_->width = spec_.width;
    codec_->height = spec_.height;
    codec_->pix_fmt = spec_.pixel_format;
    codec_->time_base = spec_.time_base;
    codec_->framerate = av_inv_q(spec_.time_base);
    codec_->sample_aspect_ratio = AVRational{1, 1};
    if (format_->oformat->flags & AVFMT_GLOBALHEADER) codec_->flags |= AV_CODEC_FLAG_GLOBAL_HEADER;
    if (spec_.configure) spec_.configure(*codec_);

    Dictionary encoder_options(spec_.encoder_options);
    check(avcodec_open2(codec_.get(), encoder, &encoder_options.entries), "opening the " + spec_.encoder + " encoder");
    encoder_options.expect_all_used(target, spec_.encoder);
}

void VideoFileWriter::restart_encoder() {
    if (finished_) throw std::logic_error("VideoFileWriter::restart_encoder after finish");
    encode(nullptr);
    open_encoder();
    // The stream's header (SPS/PPS) was written once: a fresh encoder must repeat it.
    const AVCodecParameters& written = *stream_->codecpar;
    if (codec_->extradata_size != written.extradata_size ||
        (written.extradata_size > 0 &&
         std::memcmp(codec_->extradata, written.extradata, static_cast<std::size_t>(written.extradata_size)) != 0))
        throw std::runtime_error(temp_.target().string() + ": the restarted encoder has different stream headers");
}

VideoFileWriter::~VideoFileWriter() {
    if (format_) {
        if (format_->pb) avio_closep(&format_->pb);
        avformat_free_context(format_);
    }
    // temp_ is destroyed after this body: the file is closed before an unfinished one is removed.
}

void VideoFileWriter::send(const AVFrame& frame) {
    if (finished_) throw std::logic_error("VideoFileWriter::send after finish");
    encode(&frame);
}

void VideoFileWriter::write_audio(AVPacket& packet) {
    if (finished_ || !audio_stream_)
        throw std::logic_error("VideoFileWriter::write_audio without an open audio stream");
    av_packet_rescale_ts(&packet, audio_time_base_, audio_stream_->time_base);
    packet.stream_index = audio_stream_->index;
    check_output(av_interleaved_write_frame(format_, &packet), "writing an audio packet");  // takes the packet
}

void VideoFileWriter::encode(const AVFrame* frame_or_flush) {
    check(avcodec_send_frame(codec_.get(), frame_or_flush), "sending a frame to the encoder");
    for (;;) {
        const int received = avcodec_receive_packet(codec_.get(), packet_.get());
        if (received == AVERROR(EAGAIN) || received == AVERROR_EOF) return;
        check(received, "encoding a frame");
        // One frame lasts one tick; the muxer derives the last frame's (and so the file's)
        // duration from it.
        if (packet_->duration <= 0) packet_->duration = 1;
        av_packet_rescale_ts(packet_.get(), codec_->time_base, stream_->time_base);
        packet_->stream_index = stream_->index;
        check_output(av_interleaved_write_frame(format_, packet_.get()), "writing a packet");  // takes the packet
    }
}

void VideoFileWriter::finish() {
    if (finished_) throw std::logic_error("VideoFileWriter::finish called twice");
    encode(nullptr);
    check_output(av_write_trailer(format_), "writing the trailer");
    check_output(avio_closep(&format_->pb), "closing the output file");
    temp_.commit();
    finished_ = true;
}

}  // namespace attnreel
