#include "encode/straight_alpha.hpp"

#include <algorithm>

namespace attnreel {

void unpremultiply(const Frame& frame, std::vector<std::uint32_t>& out) {
    out.resize(frame.pixels.size());
    for (std::size_t i = 0; i < frame.pixels.size(); ++i) {
        const std::uint32_t p = frame.pixels[i];
        const std::uint32_t a = p >> 24;
        if (a == 255 || a == 0) {
            out[i] = a == 0 ? 0 : p;
            continue;
        }
        auto channel = [&](int shift) {
            const std::uint32_t c = p >> shift & 0xff;
            return std::min<std::uint32_t>(255, (c * 255 + a / 2) / a) << shift;
        };
        out[i] = a << 24 | channel(16) | channel(8) | channel(0);
    }
}

bool has_transparency(const Frame& frame) {
    for (const std::uint32_t p : frame.pixels)
        if ((p >> 24) != 255) return true;
    return false;
}

}  // namespace attnreel
