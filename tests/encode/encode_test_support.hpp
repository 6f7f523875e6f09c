#pragma once
// Shared by the encode tests: synthetic Cairo frames, frame hashes and comparisons, scratch
// folders, and a small libav decoder to read back what the sinks wrote.
#include "core/error.hpp"
#include "core/frame.hpp"
#include "encode/libav_messages.hpp"
#include "encode/libav_util.hpp"

#include <cairo.h>
#include <algorithm>
#include <cmath>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <random>
#include <stdexcept>
#include <string>
#include <vector>

extern "C" {
#include <libavutil/imgutils.h>
#include <libavutil/pixdesc.h>
}

namespace attnreel::test {

namespace fs = std::filesystem;

// libav's info chatter (x264 statistics…) would drown the test report.
inline const bool libav_errors_only = (show_libav_messages(false), true);

constexpr double red_box_x = 20, red_box_y = 20, red_box_w = 80, red_box_h = 60;

// Frame `index` of a test clip: dark background, a pure red box that stays put, and a
// square sliding right whose colour depends on the index.
inline void draw_test_frame(int index, Frame& out, int width = 320, int height = 180) {
    if (out.width != width || out.height != height) out = Frame(width, height);
    cairo_surface_t* surface =
        cairo_image_surface_create_for_data(out.bytes(), CAIRO_FORMAT_ARGB32, width, height, out.stride_bytes());
    cairo_t* cr = cairo_create(surface);
    cairo_set_source_rgb(cr, 0.06, 0.09, 0.16);
    cairo_paint(cr);
    cairo_set_source_rgb(cr, 1, 0, 0);
    cairo_rectangle(cr, red_box_x, red_box_y, red_box_w, red_box_h);
    cairo_fill(cr);
    const double t = index / 30.0;
    cairo_set_source_rgb(cr, 0.2 + 0.6 * std::fmod(t, 1.0), 0.8, 0.4);
    cairo_rectangle(cr, 120 + 4.0 * index, 100, 40, 40);
    cairo_fill(cr);
    cairo_set_source_rgb(cr, 0.9, 0.9, 0.95);  // a thin line, like text strokes
    cairo_set_line_width(cr, 2);
    cairo_move_to(cr, 20, 150);
    cairo_line_to(cr, 300, 150);
    cairo_stroke(cr);
    cairo_destroy(cr);
    cairo_surface_destroy(surface);
}

inline Frame test_frame(int index, int width = 320, int height = 180) {
    Frame frame;
    draw_test_frame(index, frame, width, height);
    return frame;
}

// FNV-1a over the pixels and size.
inline std::uint64_t frame_hash(const Frame& frame) {
    std::uint64_t h = 1469598103934665603ull;
    auto mix = [&](std::uint8_t byte) { h = (h ^ byte) * 1099511628211ull; };
    for (int v : {frame.width, frame.height})
        for (int i = 0; i < 4; ++i) mix(static_cast<std::uint8_t>(v >> (8 * i)));
    const std::uint8_t* bytes = frame.bytes();
    for (std::size_t i = 0; i < frame.pixels.size() * 4; ++i) mix(bytes[i]);
    return h;
}

struct Rgb {
    int r, g, b;
};

inline Rgb rgb_at(const Frame& frame, int x, int y) {
    const std::uint32_t p = frame.at(x, y);
    return {static_cast<int>(p >> 16 & 0xff), static_cast<int>(p >> 8 & 0xff), static_cast<int>(p & 0xff)};
}

// Peak signal-to-noise ratio over R, G and B of two opaque frames of the same size.
inline double psnr(const Frame& a, const Frame& b) {
    if (a.width != b.width || a.height != b.height) throw std::logic_error("psnr: sizes differ");
    double squared = 0;
    for (std::size_t i = 0; i < a.pixels.size(); ++i)
        for (int shift : {0, 8, 16}) {
            const double d =
                static_cast<double>(a.pixels[i] >> shift & 0xff) - static_cast<double>(b.pixels[i] >> shift & 0xff);
            squared += d * d;
        }
    const double mse = squared / (a.pixels.size() * 3.0);
    return mse == 0 ? 99.0 : 10 * std::log10(255.0 * 255.0 / mse);
}

// A fresh empty folder under the system temp dir, removed with everything in it on scope exit.
struct ScratchDir {
    fs::path path;
    ScratchDir() {
        std::random_device entropy;
        path = fs::temp_directory_path() / ("attnreel-encode-test-" + std::to_string(entropy()));
        fs::create_directories(path);
    }
    ~ScratchDir() {
        std::error_code ec;
        fs::remove_all(path, ec);
    }
    std::vector<std::string> names() const {
        std::vector<std::string> all;
        for (const auto& entry : fs::directory_iterator(path)) all.push_back(entry.path().filename().string());
        std::sort(all.begin(), all.end());
        return all;
    }
};

// A PNG file read with Cairo as an opaque ARGB32 frame (with `keep_alpha`, premultiplied
// as Cairo keeps it).
inline Frame load_png(const fs::path& path, bool keep_alpha = false) {
    cairo_surface_t* surface = cairo_image_surface_create_from_png(path.c_str());
    if (cairo_surface_status(surface) != CAIRO_STATUS_SUCCESS) {
        cairo_surface_destroy(surface);
        throw std::runtime_error(path.string() + ": not a PNG Cairo can read");
    }
    const int width = cairo_image_surface_get_width(surface), height = cairo_image_surface_get_height(surface);
    const int stride = cairo_image_surface_get_stride(surface);
    const unsigned char* data = cairo_image_surface_get_data(surface);
    Frame frame(width, height);
    for (int y = 0; y < height; ++y)
        std::copy_n(data + static_cast<std::ptrdiff_t>(y) * stride, frame.stride_bytes(),
                    frame.bytes() + static_cast<std::ptrdiff_t>(y) * frame.stride_bytes());
    cairo_surface_destroy(surface);
    if (!keep_alpha)
        for (std::uint32_t& p : frame.pixels) p |= 0xff000000u;
    return frame;
}

inline std::string read_bytes(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

inline void write_bytes(const fs::path& path, const std::string& bytes) {
    std::ofstream(path, std::ios::binary) << bytes;
}

// The message of the InputError `action` throws; "<no InputError>" when it returns normally
// (any other exception passes through and fails the test).
template <class Action>
std::string input_error_message(Action&& action) {
    try {
        action();
    } catch (const InputError& error) {
        return error.what();
    }
    return "<no InputError>";
}

// What libav reads back from a video file.
struct DecodedVideo {
    std::string codec;
    AVPixelFormat pixel_format = AV_PIX_FMT_NONE;
    int width = 0;
    int height = 0;
    double duration_seconds = 0;  // of the video stream
    AVColorPrimaries primaries = AVCOL_PRI_UNSPECIFIED;
    AVColorTransferCharacteristic transfer = AVCOL_TRC_UNSPECIFIED;
    AVColorSpace colorspace = AVCOL_SPC_UNSPECIFIED;
    AVColorRange range = AVCOL_RANGE_UNSPECIFIED;
    std::vector<Frame> frames;  // decoded pictures as opaque ARGB32
};

// Decodes every frame of the first video stream, converting YUV with the file's own
// colour tags (BT.709 limited range for our MP4s). With `keep_alpha`, frames keep the
// file's alpha plane (straight alpha in the ARGB32 words; VP9 is decoded by libvpx, as
// FFmpeg's own VP9 decoder drops alpha).
inline DecodedVideo decode_video(const fs::path& path, bool keep_alpha = false) {
    DecodedVideo out;
    AVFormatContext* format = nullptr;
    libav::check(avformat_open_input(&format, path.c_str(), nullptr, nullptr), path, "opening");
    struct CloseInput {
        AVFormatContext*& f;
        ~CloseInput() { avformat_close_input(&f); }
    } close_input{format};
    libav::check(avformat_find_stream_info(format, nullptr), path, "reading stream info");
    const int index =
        libav::check(av_find_best_stream(format, AVMEDIA_TYPE_VIDEO, -1, -1, nullptr, 0), path, "finding video");
    AVStream* stream = format->streams[index];
    const AVCodecParameters* par = stream->codecpar;
    out.codec = avcodec_get_name(par->codec_id);
    out.pixel_format = static_cast<AVPixelFormat>(par->format);
    out.width = par->width;
    out.height = par->height;
    out.primaries = par->color_primaries;
    out.transfer = par->color_trc;
    out.colorspace = par->color_space;
    out.range = par->color_range;
    if (stream->duration != AV_NOPTS_VALUE) out.duration_seconds = stream->duration * av_q2d(stream->time_base);

    const AVCodec* decoder = keep_alpha && par->codec_id == AV_CODEC_ID_VP9 ? avcodec_find_decoder_by_name("libvpx-vp9")
                                                                            : avcodec_find_decoder(par->codec_id);
    libav::CodecPtr codec(avcodec_alloc_context3(decoder));
    libav::check(avcodec_parameters_to_context(codec.get(), par), path, "decoder parameters");
    libav::check(avcodec_open2(codec.get(), decoder, nullptr), path, "opening decoder");
    libav::PacketPtr packet = libav::make_packet();
    libav::FramePtr picture = libav::make_frame();
    libav::SwsPtr to_rgb;

    auto take_frames = [&] {
        for (;;) {
            const int got = avcodec_receive_frame(codec.get(), picture.get());
            if (got == AVERROR(EAGAIN) || got == AVERROR_EOF) return;
            libav::check(got, path, "decoding");
            if (!to_rgb) {
                to_rgb.reset(
                    sws_getContext(picture->width, picture->height, static_cast<AVPixelFormat>(picture->format),
                                   picture->width, picture->height, keep_alpha ? AV_PIX_FMT_RGB32 : AV_PIX_FMT_0RGB32,
                                   SWS_BICUBIC | SWS_ACCURATE_RND | SWS_FULL_CHR_H_INT, nullptr, nullptr, nullptr));
                const AVPixFmtDescriptor* desc = av_pix_fmt_desc_get(static_cast<AVPixelFormat>(picture->format));
                if (!(desc->flags & AV_PIX_FMT_FLAG_RGB) && !(desc->flags & AV_PIX_FMT_FLAG_PAL)) {
                    const bool limited = picture->color_range != AVCOL_RANGE_JPEG;
                    const int* coefficients =
                        sws_getCoefficients(picture->colorspace == AVCOL_SPC_BT709 ? SWS_CS_ITU709 : SWS_CS_DEFAULT);
                    sws_setColorspaceDetails(to_rgb.get(), coefficients, limited ? 0 : 1, coefficients, 1, 0, 1 << 16,
                                             1 << 16);
                }
            }
            Frame rgb(picture->width, picture->height);
            std::uint8_t* dst[1] = {rgb.bytes()};
            const int dst_stride[1] = {rgb.stride_bytes()};
            sws_scale(to_rgb.get(), picture->data, picture->linesize, 0, picture->height, dst, dst_stride);
            if (!keep_alpha)
                for (std::uint32_t& p : rgb.pixels) p |= 0xff000000u;
            out.frames.push_back(std::move(rgb));
        }
    };
    while (av_read_frame(format, packet.get()) >= 0) {
        if (packet->stream_index == index) {
            libav::check(avcodec_send_packet(codec.get(), packet.get()), path, "sending packet");
            take_frames();
        }
        av_packet_unref(packet.get());
    }
    libav::check(avcodec_send_packet(codec.get(), nullptr), path, "flushing decoder");
    take_frames();
    return out;
}

inline // Types of the top-level ISO-BMFF boxes of a file, in order.
std::vector<std::string> top_level_boxes(const std::string& bytes) {
    std::vector<std::string> types;
    std::size_t at = 0;
    auto be = [&](std::size_t from, int count) {
        std::uint64_t v = 0;
        for (int i = 0; i < count; ++i) v = v << 8 | static_cast<unsigned char>(bytes.at(from + i));
        return v;
    };
    while (at + 8 <= bytes.size()) {
        std::uint64_t size = be(at, 4);
        types.push_back(bytes.substr(at + 4, 4));
        if (size == 1) size = be(at + 8, 8);
        if (size == 0) size = bytes.size() - at;
        if (size < 8) throw std::runtime_error("corrupt box size");
        at += size;
    }
    return types;
}

}  // namespace attnreel::test
