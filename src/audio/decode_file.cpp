#include "audio/decode_file.hpp"

#include "audio/resampler.hpp"
#include "core/limits.hpp"

#include <memory>
#include <optional>
#include <stdexcept>

extern "C" {
#include <libavcodec/avcodec.h>
#include <libavformat/avformat.h>
}

namespace attnreel::audio {

namespace {


std::string error_text(int code) {
    char text[AV_ERROR_MAX_STRING_SIZE] = {};
    av_strerror(code, text, sizeof text);
    return text;
}

struct InputCloser {
    void operator()(AVFormatContext* f) const { avformat_close_input(&f); }
};
struct CodecCloser {
    void operator()(AVCodecContext* c) const { avcodec_free_context(&c); }
};
struct FrameFree {
    void operator()(AVFrame* f) const { av_frame_free(&f); }
};
struct PacketFree {
    void operator()(AVPacket* p) const { av_packet_free(&p); }
};

class Decoder {
public:
    Decoder(const std::filesystem::path& path, const SourceMark& mark) : path_(path), mark_(mark) {}

    Sound run() {
        AVFormatContext* opened = nullptr;
        if (const int code = avformat_open_input(&opened, path_.c_str(), nullptr, nullptr); code < 0)
            fail("cannot open it as audio (" + error_text(code) + ")");
        format_.reset(opened);
        if (const int code = avformat_find_stream_info(format_.get(), nullptr); code < 0)
            fail("cannot read its streams (" + error_text(code) + ")");
        const int index = av_find_best_stream(format_.get(), AVMEDIA_TYPE_AUDIO, -1, -1, nullptr, 0);
        if (index < 0) fail("it holds no audio stream");
        const AVCodecParameters* parameters = format_->streams[index]->codecpar;
        const AVCodec* decoder = avcodec_find_decoder(parameters->codec_id);
        if (!decoder)
            fail(std::string("libavcodec has no decoder for its ") + avcodec_get_name(parameters->codec_id) + " audio");
        codec_.reset(avcodec_alloc_context3(decoder));
        if (!codec_) throw std::bad_alloc();
        if (avcodec_parameters_to_context(codec_.get(), parameters) < 0 ||
            avcodec_open2(codec_.get(), decoder, nullptr) < 0)
            fail(std::string("cannot open the ") + decoder->name + " decoder");

        std::unique_ptr<AVPacket, PacketFree> packet(av_packet_alloc());
        std::unique_ptr<AVFrame, FrameFree> frame(av_frame_alloc());
        if (!packet || !frame) throw std::bad_alloc();
        for (;;) {
            const int read = av_read_frame(format_.get(), packet.get());
            if (read == AVERROR_EOF) break;
            if (read < 0) fail("reading it failed (" + error_text(read) + ")");
            if (packet->stream_index == index) {
                const int sent = avcodec_send_packet(codec_.get(), packet.get());
                av_packet_unref(packet.get());
                if (sent < 0 && sent != AVERROR(EAGAIN)) fail("its audio cannot be decoded (" + error_text(sent) + ")");
                receive(*frame);
            } else {
                av_packet_unref(packet.get());
            }
        }
        avcodec_send_packet(codec_.get(), nullptr);
        receive(*frame);
        if (!resampler_) fail("it holds no audio samples");
        resampler_->flush(sound_);
        return std::move(sound_);
    }

private:
    void receive(AVFrame& frame) {
        for (;;) {
            const int got = avcodec_receive_frame(codec_.get(), &frame);
            if (got == AVERROR(EAGAIN) || got == AVERROR_EOF) return;
            if (got < 0) fail("its audio cannot be decoded (" + error_text(got) + ")");
            if (!resampler_) {
                try {
                    resampler_.emplace(frame.ch_layout, static_cast<AVSampleFormat>(frame.format), frame.sample_rate);
                } catch (const std::invalid_argument& e) {
                    fail("its " + describe_format(frame.ch_layout, frame.sample_rate) +
                         " cannot be converted to 48000 Hz stereo (" + e.what() + ")");
                }
                rate_ = frame.sample_rate;
                channels_ = frame.ch_layout.nb_channels;
            } else if (frame.sample_rate != rate_ || frame.ch_layout.nb_channels != channels_) {
                fail("its sample rate or channel count changes in the middle of the stream");
            }
            resampler_->convert(frame.extended_data, frame.nb_samples, sound_);
            av_frame_unref(&frame);
            if (sound_.seconds() > limits::audio_seconds) fail("it is longer than the limit of 30 minutes");
        }
    }

    [[noreturn]] void fail(const std::string& why) const {
        throw InputError(mark_, "audio file '" + path_.string() + "': " + why);
    }

    std::filesystem::path path_;
    SourceMark mark_;
    std::unique_ptr<AVFormatContext, InputCloser> format_;
    std::unique_ptr<AVCodecContext, CodecCloser> codec_;
    std::optional<Resampler> resampler_;
    int rate_ = 0, channels_ = 0;
    Sound sound_;
};

}  // namespace

Sound decode_audio_file(const std::filesystem::path& path, const SourceMark& mark) {
    std::error_code ec;
    const auto status = std::filesystem::status(path, ec);
    if (!std::filesystem::exists(status)) throw InputError(mark, "audio file not found: " + path.string());
    if (!std::filesystem::is_regular_file(status))
        throw InputError(mark, "audio file '" + path.string() + "' is not a regular file");
    if (std::filesystem::file_size(path, ec) > limits::audio_file_bytes)
        throw InputError(mark, "audio file '" + path.string() + "' is larger than the limit of 1 GiB");
    return Decoder(path, mark).run();
}

}  // namespace attnreel::audio
