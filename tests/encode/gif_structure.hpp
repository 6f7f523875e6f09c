#pragma once
// Reads the block structure of a GIF file (what the encode tests check: images and their
// rectangles, delays, the NETSCAPE2.0 loop count) without decoding any pixels.
#include <cstdint>
#include <stdexcept>
#include <string>
#include <vector>

namespace attnreel::test {

struct GifImage {
    int left = 0, top = 0, width = 0, height = 0;
    int delay_centiseconds = -1;  // from the graphic control extension before it, -1 if none
    bool local_palette = false;
};

struct GifStructure {
    int width = 0, height = 0;
    bool global_palette = false;
    int loop_count = -1;  // NETSCAPE2.0 loop count; 0 means forever, -1 means no extension
    std::vector<GifImage> images;
};

inline GifStructure parse_gif(const std::string& bytes) {
    std::size_t at = 0;
    auto byte = [&]() -> int {
        if (at >= bytes.size()) throw std::runtime_error("GIF ends early");
        return static_cast<unsigned char>(bytes[at++]);
    };
    auto word = [&] {
        const int lo = byte();
        return lo | byte() << 8;
    };
    auto skip_sub_blocks = [&] {
        for (int size = byte(); size != 0; size = byte()) at += static_cast<std::size_t>(size);
    };
    auto palette_bytes = [](int packed) { return 3 * (1 << ((packed & 7) + 1)); };

    if (bytes.substr(0, 6) != "GIF89a" && bytes.substr(0, 6) != "GIF87a") throw std::runtime_error("not a GIF");
    at = 6;
    GifStructure gif;
    gif.width = word();
    gif.height = word();
    const int packed = byte();
    at += 2;  // background colour, aspect
    gif.global_palette = packed & 0x80;
    if (gif.global_palette) at += static_cast<std::size_t>(palette_bytes(packed));

    int pending_delay = -1;
    for (;;) {
        const int introducer = byte();
        if (introducer == 0x3B) return gif;  // trailer
        if (introducer == 0x21) {
            const int label = byte();
            if (label == 0xF9) {  // graphic control: size 4, flags, delay, transparent index
                byte();
                byte();
                pending_delay = word();
                byte();
                skip_sub_blocks();
            } else if (label == 0xFF) {  // application extension
                const int size = byte();
                const std::string name = bytes.substr(at, static_cast<std::size_t>(size));
                at += static_cast<std::size_t>(size);
                if (name == "NETSCAPE2.0") {
                    const int sub_size = byte();
                    if (sub_size == 3 && byte() == 1)
                        gif.loop_count = word();
                    else
                        at += static_cast<std::size_t>(sub_size - 1);
                }
                skip_sub_blocks();
            } else {
                skip_sub_blocks();
            }
        } else if (introducer == 0x2C) {
            GifImage image;
            image.left = word();
            image.top = word();
            image.width = word();
            image.height = word();
            const int image_packed = byte();
            image.local_palette = image_packed & 0x80;
            if (image.local_palette) at += static_cast<std::size_t>(palette_bytes(image_packed));
            byte();  // LZW minimum code size
            skip_sub_blocks();
            image.delay_centiseconds = pending_delay;
            pending_delay = -1;
            gif.images.push_back(image);
        } else {
            throw std::runtime_error("unexpected GIF block " + std::to_string(introducer));
        }
    }
}

}  // namespace attnreel::test
