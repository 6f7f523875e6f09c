#pragma once
// One rendered picture: Cairo's ARGB32 layout (premultiplied alpha, native-endian 32-bit
// pixels, rows top to bottom, stride = 4 * width). Renderers fill it; encoders read it.
#include <cstdint>
#include <vector>

namespace attnreel {

struct Frame {
    int width = 0;
    int height = 0;
    std::vector<std::uint32_t> pixels;  // width * height

    Frame() = default;
    Frame(int w, int h) : width(w), height(h), pixels(static_cast<std::size_t>(w) * h, 0) {}
    int stride_bytes() const { return width * 4; }
    std::uint8_t* bytes() { return reinterpret_cast<std::uint8_t*>(pixels.data()); }
    const std::uint8_t* bytes() const { return reinterpret_cast<const std::uint8_t*>(pixels.data()); }
    std::uint32_t at(int x, int y) const { return pixels[static_cast<std::size_t>(y) * width + x]; }
};

}  // namespace attnreel
