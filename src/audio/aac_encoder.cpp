#include "audio/aac_encoder.hpp"

#include <algorithm>
#include <stdexcept>
#include <string>

namespace attnreel::audio {

namespace {

void check(int code, const std::filesystem::path& file, const std::string& doing) {
    if (code >= 0) return;
    char text[AV_ERROR_MAX_STRING_SIZE] = {};
    av_strerror(code, text, sizeof text);
    throw std::runtime_error(file.string() + ": " + doing + ": " + text);
}

}  // namespace

AacEncoder::AacEncoder(std::shared_ptr<const Soundtrack> soundtrack, const std::filesystem::path& file, int bit_rate)
    : soundtrack_(std::move(soundtrack)), file_(file) {
    const AVCodec* aac = avcodec_find_encoder_by_name("aac");
    if (!aac) throw std::runtime_error(file.string() + ": libavcodec has no 'aac' encoder");
    codec_ = avcodec_alloc_context3(aac);
    frame_ = av_frame_alloc();
    packet_ = av_packet_alloc();
    if (!codec_ || !frame_ || !packet_) throw std::bad_alloc();
    codec_->sample_fmt = AV_SAMPLE_FMT_FLTP;
    codec_->sample_rate = kSampleRate;
    av_channel_layout_default(&codec_->ch_layout, kChannels);
    codec_->bit_rate = bit_rate;
    codec_->time_base = AVRational{1, kSampleRate};
    codec_->flags |= AV_CODEC_FLAG_GLOBAL_HEADER;  // MP4 keeps the AAC configuration in its header
    check(avcodec_open2(codec_, aac, nullptr), file_, "opening the aac encoder");
    block_.resize(static_cast<std::size_t>(codec_->frame_size) * kChannels);
}

AacEncoder::~AacEncoder() {
    av_packet_free(&packet_);
    av_frame_free(&frame_);
    avcodec_free_context(&codec_);
}

void AacEncoder::encode_until(double seconds, const PacketSink& out) {
    const std::int64_t until = std::min(sample_frame_at(seconds), soundtrack_->frames());
    while (until - next_ >= codec_->frame_size) encode_block(codec_->frame_size, out);
}

void AacEncoder::finish(const PacketSink& out) {
    while (next_ < soundtrack_->frames())
        encode_block(static_cast<int>(std::min<std::int64_t>(codec_->frame_size, soundtrack_->frames() - next_)), out);
    check(avcodec_send_frame(codec_, nullptr), file_, "flushing the aac encoder");
    drain(out);
}

// One encoder frame of `count` samples (only the last may be short: the encoder allows it).
void AacEncoder::encode_block(int count, const PacketSink& out) {
    soundtrack_->read(next_, count, block_.data());
    frame_->nb_samples = count;
    frame_->format = codec_->sample_fmt;
    frame_->sample_rate = kSampleRate;
    check(av_channel_layout_copy(&frame_->ch_layout, &codec_->ch_layout), file_, "preparing an audio frame");
    check(av_frame_get_buffer(frame_, 0), file_, "allocating an audio frame");
    auto* left = reinterpret_cast<float*>(frame_->data[0]);
    auto* right = reinterpret_cast<float*>(frame_->data[1]);
    for (int i = 0; i < count; ++i) {
        left[i] = block_[static_cast<std::size_t>(i) * 2];
        right[i] = block_[static_cast<std::size_t>(i) * 2 + 1];
    }
    frame_->pts = next_;
    next_ += count;
    check(avcodec_send_frame(codec_, frame_), file_, "sending samples to the aac encoder");
    av_frame_unref(frame_);
    drain(out);
}

void AacEncoder::drain(const PacketSink& out) {
    for (;;) {
        const int got = avcodec_receive_packet(codec_, packet_);
        if (got == AVERROR(EAGAIN) || got == AVERROR_EOF) return;
        check(got, file_, "encoding audio");
        out(*packet_);
        av_packet_unref(packet_);
    }
}

}  // namespace attnreel::audio
