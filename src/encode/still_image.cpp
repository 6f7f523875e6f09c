#include "encode/still_image.hpp"

#include "encode/png_sink.hpp"
#include "encode/straight_alpha.hpp"

#include <jpeglib.h>
#include <webp/encode.h>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <stdexcept>

namespace attnreel {

std::optional<StillFormat> still_format(const std::filesystem::path& path) {
    std::string extension = path.extension().string();
    std::transform(extension.begin(), extension.end(), extension.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    if (extension == ".png") return StillFormat::png;
    if (extension == ".jpg" || extension == ".jpeg") return StillFormat::jpeg;
    if (extension == ".webp") return StillFormat::webp;
    return std::nullopt;
}

std::string still_extensions() { return ".png, .jpg (or .jpeg), .webp"; }

std::string jpeg_bytes(const Frame& frame, int quality) {
    jpeg_compress_struct info;
    jpeg_error_mgr errors;
    info.err = jpeg_std_error(&errors);
    // libjpeg's default error handler exits the process; only a bug here (bad parameters)
    // can reach it, since the output is memory.
    jpeg_create_compress(&info);
    unsigned char* buffer = nullptr;
    unsigned long size = 0;
    jpeg_mem_dest(&info, &buffer, &size);
    info.image_width = static_cast<JDIMENSION>(frame.width);
    info.image_height = static_cast<JDIMENSION>(frame.height);
    info.input_components = 3;
    info.in_color_space = JCS_RGB;
    jpeg_set_defaults(&info);
    jpeg_set_quality(&info, quality, TRUE);
    if (quality >= 90)  // no chroma subsampling: coloured text and thin lines stay sharp
        for (int c = 0; c < info.num_components; ++c) info.comp_info[c].h_samp_factor = info.comp_info[c].v_samp_factor = 1;
    jpeg_start_compress(&info, TRUE);
    std::vector<unsigned char> row(static_cast<std::size_t>(frame.width) * 3);
    while (info.next_scanline < info.image_height) {
        const int y = static_cast<int>(info.next_scanline);
        for (int x = 0; x < frame.width; ++x) {
            const std::uint32_t p = frame.at(x, y);
            row[3 * x] = static_cast<unsigned char>(p >> 16);
            row[3 * x + 1] = static_cast<unsigned char>(p >> 8);
            row[3 * x + 2] = static_cast<unsigned char>(p);
        }
        JSAMPROW rows[1] = {row.data()};
        jpeg_write_scanlines(&info, rows, 1);
    }
    jpeg_finish_compress(&info);
    jpeg_destroy_compress(&info);
    std::string bytes(reinterpret_cast<const char*>(buffer), size);
    std::free(buffer);
    return bytes;
}

std::string webp_bytes(const Frame& frame, bool lossless, int quality) {
    WebPConfig config;
    WebPPicture picture;
    if (!WebPConfigInit(&config) || !WebPPictureInit(&picture)) throw std::runtime_error("libwebp: version mismatch");
    config.lossless = lossless ? 1 : 0;
    config.quality = static_cast<float>(quality);
    config.method = 4;
    picture.use_argb = 1;
    picture.width = frame.width;
    picture.height = frame.height;
    if (!WebPPictureAlloc(&picture)) throw std::bad_alloc();
    std::vector<std::uint32_t> straight;
    unpremultiply(frame, straight);
    for (int y = 0; y < frame.height; ++y)
        std::copy_n(straight.data() + static_cast<std::ptrdiff_t>(y) * frame.width, frame.width,
                    picture.argb + static_cast<std::ptrdiff_t>(y) * picture.argb_stride);
    WebPMemoryWriter writer;
    WebPMemoryWriterInit(&writer);
    picture.writer = WebPMemoryWrite;
    picture.custom_ptr = &writer;
    const bool ok = WebPEncode(&config, &picture);
    const int error = picture.error_code;
    WebPPictureFree(&picture);
    std::string bytes(reinterpret_cast<const char*>(writer.mem), writer.size);
    WebPMemoryWriterClear(&writer);
    if (!ok) throw std::runtime_error("libwebp could not encode the frame (error " + std::to_string(error) + ")");
    return bytes;
}

std::string still_bytes(const Frame& frame, StillFormat format) {
    switch (format) {
        case StillFormat::png: return png_bytes(frame);
        case StillFormat::jpeg: return jpeg_bytes(frame);
        case StillFormat::webp: return webp_bytes(frame);
    }
    throw std::logic_error("still_bytes: unhandled format");
}

void flatten_onto(Frame& frame, const Color& background) {
    auto channel = [](double v) { return static_cast<std::uint32_t>(std::lround(std::clamp(v, 0.0, 1.0) * 255)); };
    const std::uint32_t br = channel(background.r), bg = channel(background.g), bb = channel(background.b);
    for (std::uint32_t& p : frame.pixels) {
        const std::uint32_t a = p >> 24;
        if (a == 255) continue;
        // Premultiplied source over an opaque colour: c + (1 − a) · b.
        auto over = [&](int shift, std::uint32_t b) {
            return std::min<std::uint32_t>(255, (p >> shift & 0xff) + ((255 - a) * b + 127) / 255) << shift;
        };
        p = 0xff000000u | over(16, br) | over(8, bg) | over(0, bb);
    }
}

}  // namespace attnreel
