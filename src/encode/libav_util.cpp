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

AVRational frame_duration(double fps) { return av_inv_q(av_d2q(fps, 1000000)); }

}  // namespace attnreel::libav
