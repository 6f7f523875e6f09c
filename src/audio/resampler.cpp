#include "audio/resampler.hpp"

#include <stdexcept>

extern "C" {
#include <libavutil/error.h>
#include <libavutil/log.h>
#include <libavutil/opt.h>
#include <libswresample/swresample.h>
}

namespace attnreel::audio {

namespace {

std::string error_text(int code) {
    char text[AV_ERROR_MAX_STRING_SIZE] = {};
    av_strerror(code, text, sizeof text);
    return text;
}

// A layout with its channel order spelt out: an unknown order gets the default layout of
// its channel count (1: mono, 2: stereo, 6: 5.1…), which is how most files mean it.
AVChannelLayout ordered(const AVChannelLayout& layout) {
    AVChannelLayout out{};
    if (layout.order == AV_CHANNEL_ORDER_UNSPEC && layout.nb_channels > 0)
        av_channel_layout_default(&out, layout.nb_channels);
    else if (av_channel_layout_copy(&out, &layout) < 0)
        throw std::bad_alloc();
    return out;
}

}  // namespace

std::string describe_format(const AVChannelLayout& layout, int sample_rate) {
    char name[128] = {};
    if (layout.order == AV_CHANNEL_ORDER_UNSPEC || av_channel_layout_describe(&layout, name, sizeof name) < 0)
        return std::to_string(layout.nb_channels) + " channels at " + std::to_string(sample_rate) + " Hz";
    return std::to_string(layout.nb_channels) + " channels (" + name + ") at " + std::to_string(sample_rate) + " Hz";
}

Resampler::Resampler(const AVChannelLayout& layout, AVSampleFormat format, int sample_rate) : input_rate_(sample_rate) {
    if (layout.nb_channels <= 0) throw std::invalid_argument("the stream has no channels");
    if (sample_rate <= 0) throw std::invalid_argument("the stream has no sample rate");
    AVChannelLayout in = ordered(layout);
    AVChannelLayout out{};
    av_channel_layout_default(&out, kChannels);
    const int made =
        swr_alloc_set_opts2(&context_, &out, AV_SAMPLE_FMT_FLT, kSampleRate, &in, format, sample_rate, 0, nullptr);
    av_channel_layout_uninit(&in);
    av_channel_layout_uninit(&out);
    if (made < 0) throw std::invalid_argument(error_text(made));
    // Its reasons go into the error the caller throws, not onto stderr as well.
    av_opt_set_int(context_, "log_level_offset", AV_LOG_DEBUG, 0);
    if (const int ready = swr_init(context_); ready < 0) {
        swr_free(&context_);
        // libswresample explains the reason (a layout it cannot mix down) on its log.
        throw std::invalid_argument(ready == AVERROR(EINVAL)
                                        ? "libswresample cannot build a conversion to 48000 Hz stereo"
                                        : error_text(ready));
    }
}

Resampler::~Resampler() { swr_free(&context_); }

void Resampler::convert(const std::uint8_t* const* planes, int count, Sound& out) { run(planes, count, out); }

void Resampler::flush(Sound& out) { run(nullptr, 0, out); }

void Resampler::run(const std::uint8_t* const* planes, int count, Sound& out) {
    const int capacity = swr_get_out_samples(context_, count);
    if (capacity < 0) throw std::runtime_error("resampling: " + error_text(capacity));
    if (capacity == 0) return;
    const std::size_t before = out.samples.size();
    out.samples.resize(before + static_cast<std::size_t>(capacity) * kChannels);
    std::uint8_t* destination[1] = {reinterpret_cast<std::uint8_t*>(out.samples.data() + before)};
    const int made = swr_convert(context_, destination, capacity, const_cast<const std::uint8_t**>(planes), count);
    if (made < 0) {
        out.samples.resize(before);
        throw std::runtime_error("resampling: " + error_text(made));
    }
    out.samples.resize(before + static_cast<std::size_t>(made) * kChannels);
}

}  // namespace attnreel::audio
