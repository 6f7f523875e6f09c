#include "encode/libav_util.hpp"

#include "core/error.hpp"

#include <new>
#include <stdexcept>

namespace attnreel::libav {

std::string error_text(int code) {
    char text[AV_ERROR_MAX_STRING_SIZE] = {};
    av_strerror(code, text, sizeof text);
    return text;
}

int check(int code, const std::filesystem::path& file, const std::string& doing) {
    if (code < 0) throw std::runtime_error(file.string() + ": " + doing + ": " + error_text(code));
    return code;
}

int check_output(int code, const std::filesystem::path& file, const std::string& doing) {
    if (code < 0) throw OutputError(file.string() + ": " + doing + ": " + error_text(code));
    return code;
}

FramePtr make_frame() {
    FramePtr frame(av_frame_alloc());
    if (!frame) throw std::bad_alloc();
    return frame;
}

PacketPtr make_packet() {
    PacketPtr packet(av_packet_alloc());
    if (!packet) throw std::bad_alloc();
    return packet;
}

SwsPtr bt709_converter(int width, int height, AVPixelFormat source, AVPixelFormat target,
                       const std::filesystem::path& file) {
    SwsPtr converter(sws_getContext(width, height, source, width, height, target,
                                    SWS_BICUBIC | SWS_ACCURATE_RND | SWS_FULL_CHR_H_INP, nullptr, nullptr, nullptr));
    if (!converter) throw std::runtime_error(file.string() + ": cannot create the RGB to YUV converter");
    const int full_range = 1, limited_range = 0;
    check(sws_setColorspaceDetails(converter.get(), sws_getCoefficients(SWS_CS_ITU709), full_range,
                                   sws_getCoefficients(SWS_CS_ITU709), limited_range, 0, 1 << 16, 1 << 16),
          file, "setting BT.709 limited-range conversion");
    return converter;
}

FramePtr bt709_frame(int width, int height, AVPixelFormat format, const std::filesystem::path& file) {
    FramePtr frame = make_frame();
    frame->format = format;
    frame->width = width;
    frame->height = height;
    frame->color_primaries = AVCOL_PRI_BT709;
    frame->color_trc = AVCOL_TRC_BT709;
    frame->colorspace = AVCOL_SPC_BT709;
    frame->color_range = AVCOL_RANGE_MPEG;
    check(av_frame_get_buffer(frame.get(), 0), file, "allocating a YUV frame");
    return frame;
}

AVRational frame_duration(double fps) { return av_inv_q(av_d2q(fps, 1000000)); }

}  // namespace attnreel::libav
