#pragma once
// Shared by the audio tests and the end-to-end narration tests: sound files made on the
// spot (WAV by hand; FLAC, MP3 and Ogg through libavcodec's encoders), and the audio
// stream of a file decoded back as it is, without attnreel's own decoder.
#include <algorithm>
#include <cmath>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <stdexcept>
#include <string>
#include <vector>

extern "C" {
#include <libavcodec/avcodec.h>
#include <libavformat/avformat.h>
#include <libavutil/channel_layout.h>
#include <libavutil/log.h>
#include <libavutil/samplefmt.h>
#include <libswresample/swresample.h>
}

namespace attnreel::test {

// libav's notes on the files the tests make on purpose (odd layouts, codec padding) would
// drown the report.
inline const bool libav_quiet_for_audio_tests = (av_log_set_level(AV_LOG_QUIET), true);

// A 16-bit PCM WAV of `channels` interleaved channels. With `extensible`, the
// WAVE_FORMAT_EXTENSIBLE header with a channel mask of 0 (no known speaker order).
inline void write_wav(const std::filesystem::path& path, const std::vector<float>& interleaved, int rate, int channels,
                      bool extensible = false) {
    std::ofstream out(path, std::ios::binary);
    auto u32 = [&](std::uint32_t v) { out.write(reinterpret_cast<const char*>(&v), 4); };
    auto u16 = [&](std::uint16_t v) { out.write(reinterpret_cast<const char*>(&v), 2); };
    const std::uint32_t data_bytes = static_cast<std::uint32_t>(interleaved.size() * 2);
    const std::uint32_t fmt_bytes = extensible ? 40 : 16;
    out.write("RIFF", 4);
    u32(4 + 8 + fmt_bytes + 8 + data_bytes);
    out.write("WAVEfmt ", 8);
    u32(fmt_bytes);
    u16(extensible ? 0xFFFE : 1);
    u16(static_cast<std::uint16_t>(channels));
    u32(static_cast<std::uint32_t>(rate));
    u32(static_cast<std::uint32_t>(rate * channels * 2));
    u16(static_cast<std::uint16_t>(channels * 2));
    u16(16);
    if (extensible) {
        u16(22);
        u16(16);
        u32(0);  // channel mask: none
        const unsigned char pcm_guid[16] = {1, 0, 0, 0, 0, 0, 0x10, 0, 0x80, 0, 0, 0xAA, 0, 0x38, 0x9B, 0x71};
        out.write(reinterpret_cast<const char*>(pcm_guid), 16);
    }
    out.write("data", 4);
    u32(data_bytes);
    for (float v : interleaved) {
        const auto s = static_cast<std::int16_t>(std::lround(std::clamp(v, -1.0f, 1.0f) * 32767));
        out.write(reinterpret_cast<const char*>(&s), 2);
    }
}

// `seconds` of a mono sine of `hz` at amplitude `level`.
inline std::vector<float> sine(double seconds, int rate, double hz, double level = 0.5) {
    std::vector<float> s(static_cast<std::size_t>(std::lround(seconds * rate)));
    for (std::size_t i = 0; i < s.size(); ++i)
        s[i] = static_cast<float>(level * std::sin(2 * M_PI * hz * static_cast<double>(i) / rate));
    return s;
}

// Encodes mono float samples at `rate` with libavcodec's `encoder` into `muxer`'s format.
inline void write_encoded(const std::filesystem::path& path, const std::vector<float>& mono, int rate,
                          const std::string& muxer, const std::string& encoder_name) {
    auto ok = [&](int code, const char* what) {
        if (code < 0) throw std::runtime_error(path.string() + ": " + what);
        return code;
    };
    AVFormatContext* format = nullptr;
    ok(avformat_alloc_output_context2(&format, nullptr, muxer.c_str(), path.c_str()), "muxer");
    const AVCodec* codec = avcodec_find_encoder_by_name(encoder_name.c_str());
    if (!codec) throw std::runtime_error("no encoder " + encoder_name);
    AVCodecContext* c = avcodec_alloc_context3(codec);
    c->sample_rate = rate;
    av_channel_layout_default(&c->ch_layout, 1);
    c->sample_fmt = codec->sample_fmts ? codec->sample_fmts[0] : AV_SAMPLE_FMT_S16;
    c->time_base = {1, rate};
    c->bit_rate = 96000;
    if (format->oformat->flags & AVFMT_GLOBALHEADER) c->flags |= AV_CODEC_FLAG_GLOBAL_HEADER;
    ok(avcodec_open2(c, codec, nullptr), "open encoder");
    AVStream* stream = avformat_new_stream(format, nullptr);
    avcodec_parameters_from_context(stream->codecpar, c);
    stream->time_base = c->time_base;
    ok(avio_open(&format->pb, path.c_str(), AVIO_FLAG_WRITE), "open file");
    ok(avformat_write_header(format, nullptr), "header");

    SwrContext* swr = nullptr;
    AVChannelLayout mono_layout{};
    av_channel_layout_default(&mono_layout, 1);
    swr_alloc_set_opts2(&swr, &c->ch_layout, c->sample_fmt, rate, &mono_layout, AV_SAMPLE_FMT_FLT, rate, 0, nullptr);
    ok(swr_init(swr), "swr");
    AVFrame* frame = av_frame_alloc();
    AVPacket* packet = av_packet_alloc();
    const int block = c->frame_size > 0 ? c->frame_size : 1024;
    auto drain = [&] {
        while (avcodec_receive_packet(c, packet) == 0) {
            av_packet_rescale_ts(packet, c->time_base, stream->time_base);
            packet->stream_index = stream->index;
            av_interleaved_write_frame(format, packet);
        }
    };
    for (std::size_t at = 0; at < mono.size(); at += static_cast<std::size_t>(block)) {
        const int n = static_cast<int>(std::min<std::size_t>(block, mono.size() - at));
        frame->nb_samples = c->frame_size > 0 && !(codec->capabilities & AV_CODEC_CAP_VARIABLE_FRAME_SIZE) ? block : n;
        frame->format = c->sample_fmt;
        frame->sample_rate = rate;
        av_channel_layout_copy(&frame->ch_layout, &c->ch_layout);
        ok(av_frame_get_buffer(frame, 0), "frame");
        av_samples_set_silence(frame->data, 0, frame->nb_samples, 1, c->sample_fmt);
        const auto* in = reinterpret_cast<const std::uint8_t*>(mono.data() + at);
        swr_convert(swr, frame->data, n, &in, n);
        frame->pts = static_cast<std::int64_t>(at);
        ok(avcodec_send_frame(c, frame), "send");
        av_frame_unref(frame);
        drain();
    }
    avcodec_send_frame(c, nullptr);
    drain();
    av_write_trailer(format);
    avio_closep(&format->pb);
    av_frame_free(&frame);
    av_packet_free(&packet);
    swr_free(&swr);
    avcodec_free_context(&c);
    avformat_free_context(format);
}

// The first audio stream of a file as libav decodes it: float samples per channel.
struct DecodedAudio {
    std::string codec;
    int sample_rate = 0;
    int channels = 0;
    double stream_seconds = 0;       // the stream's duration in the container
    std::vector<float> left, right;  // decoded samples (mono files: left only)
    double seconds() const { return sample_rate ? static_cast<double>(left.size()) / sample_rate : 0; }
};

inline DecodedAudio decode_audio_stream(const std::filesystem::path& path) {
    DecodedAudio out;
    AVFormatContext* format = nullptr;
    if (avformat_open_input(&format, path.c_str(), nullptr, nullptr) < 0)
        throw std::runtime_error("open " + path.string());
    avformat_find_stream_info(format, nullptr);
    const int index = av_find_best_stream(format, AVMEDIA_TYPE_AUDIO, -1, -1, nullptr, 0);
    if (index < 0) {
        avformat_close_input(&format);
        return out;  // no audio stream
    }
    const AVStream* stream = format->streams[index];
    out.codec = avcodec_get_name(stream->codecpar->codec_id);
    if (stream->duration != AV_NOPTS_VALUE) out.stream_seconds = stream->duration * av_q2d(stream->time_base);
    const AVCodec* decoder = avcodec_find_decoder(stream->codecpar->codec_id);
    AVCodecContext* c = avcodec_alloc_context3(decoder);
    avcodec_parameters_to_context(c, stream->codecpar);
    avcodec_open2(c, decoder, nullptr);
    out.sample_rate = c->sample_rate;
    out.channels = c->ch_layout.nb_channels;
    AVPacket* packet = av_packet_alloc();
    AVFrame* frame = av_frame_alloc();
    auto take = [&] {
        while (avcodec_receive_frame(c, frame) == 0) {
            for (int i = 0; i < frame->nb_samples; ++i)
                for (int ch = 0; ch < std::min(2, out.channels); ++ch) {
                    float v = 0;
                    if (frame->format == AV_SAMPLE_FMT_FLTP)
                        v = reinterpret_cast<const float*>(frame->extended_data[ch])[i];
                    else if (frame->format == AV_SAMPLE_FMT_FLT)
                        v = reinterpret_cast<const float*>(frame->data[0])[i * out.channels + ch];
                    else if (frame->format == AV_SAMPLE_FMT_S16)
                        v = reinterpret_cast<const std::int16_t*>(frame->data[0])[i * out.channels + ch] / 32768.0f;
                    else if (frame->format == AV_SAMPLE_FMT_S16P)
                        v = reinterpret_cast<const std::int16_t*>(frame->extended_data[ch])[i] / 32768.0f;
                    else
                        throw std::runtime_error("unexpected sample format in test decoder");
                    (ch == 0 ? out.left : out.right).push_back(v);
                }
            av_frame_unref(frame);
        }
    };
    while (av_read_frame(format, packet) >= 0) {
        if (packet->stream_index == index) {
            avcodec_send_packet(c, packet);
            take();
        }
        av_packet_unref(packet);
    }
    avcodec_send_packet(c, nullptr);
    take();
    av_frame_free(&frame);
    av_packet_free(&packet);
    avcodec_free_context(&c);
    avformat_close_input(&format);
    return out;
}

// The first sample index where |signal| reaches `fraction` of its peak; -1 for silence.
inline long onset(const std::vector<float>& signal, double fraction = 0.3) {
    float peak = 0;
    for (float v : signal) peak = std::max(peak, std::abs(v));
    if (peak <= 1e-4f) return -1;
    for (std::size_t i = 0; i < signal.size(); ++i)
        if (std::abs(signal[i]) >= fraction * peak) return static_cast<long>(i);
    return -1;
}

// Root mean square of samples [from, to).
inline double rms(const std::vector<float>& signal, std::size_t from, std::size_t to) {
    to = std::min(to, signal.size());
    if (to <= from) return 0;
    double sum = 0;
    for (std::size_t i = from; i < to; ++i) sum += static_cast<double>(signal[i]) * signal[i];
    return std::sqrt(sum / static_cast<double>(to - from));
}

}  // namespace attnreel::test
