#include "encode/fast_png.hpp"

#include <zlib.h>

#include <algorithm>
#include <cstdint>
#include <cstdlib>
#include <new>

namespace attnreel {

namespace {

constexpr std::size_t kStoredBlock = 65535;  // the most one stored deflate block holds

// Writes into a buffer sized in advance: the PNG is made in one allocation, as touching
// fresh memory costs more than anything else done here.
class Writer {
public:
    explicit Writer(std::string& out) : out_(out) {}
    void u8(std::uint8_t v) { out_[at_++] = static_cast<char>(v); }
    void u32(std::uint32_t v) {
        for (int shift : {24, 16, 8, 0}) u8(static_cast<std::uint8_t>(v >> shift));
    }
    void bytes(const char* data, std::size_t n) {
        std::copy_n(data, n, out_.data() + at_);
        at_ += n;
    }
    char* here() { return out_.data() + at_; }
    std::size_t position() const { return at_; }
    void skip(std::size_t n) { at_ += n; }

private:
    std::string& out_;
    std::size_t at_ = 0;
};

// The CRC of a chunk's type and data, which end at the writer's position.
void end_chunk(Writer& w, std::size_t type_at, const std::string& png) {
    const auto* bytes = reinterpret_cast<const Bytef*>(png.data() + type_at);
    w.u32(static_cast<std::uint32_t>(crc32(0, bytes, static_cast<uInt>(w.position() - type_at))));
}

// One channel of premultiplied colour back to straight colour, rounding as Cairo does.
std::uint8_t unpremultiply(std::uint32_t channel, std::uint32_t alpha) {
    return static_cast<std::uint8_t>(alpha == 0 ? 0 : (channel * 255 + alpha / 2) / alpha);
}

// Scanline `y` (after its filter byte) from the frame's pixels.
void write_row(const Frame& frame, int y, bool opaque, char* out) {
    const std::uint32_t* pixel = frame.pixels.data() + static_cast<std::size_t>(y) * frame.width;
    for (int x = 0; x < frame.width; ++x) {
        const std::uint32_t p = pixel[x], a = p >> 24;
        if (opaque) {
            *out++ = static_cast<char>(p >> 16);
            *out++ = static_cast<char>(p >> 8);
            *out++ = static_cast<char>(p);
        } else {
            *out++ = static_cast<char>(unpremultiply((p >> 16) & 0xff, a));
            *out++ = static_cast<char>(unpremultiply((p >> 8) & 0xff, a));
            *out++ = static_cast<char>(unpremultiply(p & 0xff, a));
            *out++ = static_cast<char>(a);
        }
    }
}

}  // namespace

std::string fast_png_bytes(const Frame& frame) {
    const bool opaque = std::all_of(frame.pixels.begin(), frame.pixels.end(),
                                    [](std::uint32_t p) { return (p >> 24) == 0xff; });
    const std::size_t row_bytes = 1 + static_cast<std::size_t>(frame.width) * (opaque ? 3 : 4);
    const std::size_t raw = row_bytes * frame.height;  // the scanlines, each led by its filter byte
    const std::size_t blocks = std::max<std::size_t>(1, (raw + kStoredBlock - 1) / kStoredBlock);
    const std::size_t zlib = 2 + raw + 5 * blocks + 4;
    std::string png(8 + (12 + 13) + (12 + zlib) + 12, '\0');
    Writer w(png);
    w.bytes("\x89PNG\r\n\x1a\n", 8);

    w.u32(13);
    std::size_t type_at = w.position();
    w.bytes("IHDR", 4);
    w.u32(static_cast<std::uint32_t>(frame.width));
    w.u32(static_cast<std::uint32_t>(frame.height));
    for (std::uint8_t v : {8, opaque ? 2 : 6, 0, 0, 0}) w.u8(v);  // 8 bits, RGB or RGBA, deflate, no filter, no interlace
    end_chunk(w, type_at, png);

    // The image data: a zlib stream of stored blocks, the scanlines written straight into them.
    w.u32(static_cast<std::uint32_t>(zlib));
    type_at = w.position();
    w.bytes("IDAT", 4);
    w.u8(0x78);
    w.u8(0x01);
    std::uint32_t adler = static_cast<std::uint32_t>(adler32(0, nullptr, 0));
    std::size_t written = 0;  // scanline bytes so far
    std::string row(row_bytes, '\0');
    for (std::size_t b = 0; b < blocks; ++b) {
        const std::size_t n = std::min(kStoredBlock, raw - written);
        w.u8(b + 1 == blocks ? 1 : 0);
        w.u8(static_cast<std::uint8_t>(n & 0xff));
        w.u8(static_cast<std::uint8_t>(n >> 8));
        w.u8(static_cast<std::uint8_t>(~n & 0xff));
        w.u8(static_cast<std::uint8_t>((~n >> 8) & 0xff));
        // Fill the block with the bytes of the scanlines it covers.
        for (std::size_t left = n; left > 0;) {
            const std::size_t y = written / row_bytes, in_row = written % row_bytes;
            if (in_row == 0) write_row(frame, static_cast<int>(y), opaque, row.data() + 1);  // row[0]: filter none
            const std::size_t take = std::min(left, row_bytes - in_row);
            adler = static_cast<std::uint32_t>(adler32(adler, reinterpret_cast<const Bytef*>(row.data() + in_row),
                                                       static_cast<uInt>(take)));
            w.bytes(row.data() + in_row, take);
            written += take;
            left -= take;
        }
    }
    w.u32(adler);
    end_chunk(w, type_at, png);

    w.u32(0);
    type_at = w.position();
    w.bytes("IEND", 4);
    end_chunk(w, type_at, png);
    return png;
}

std::string compact_png_bytes(const Frame& frame) {
    const bool opaque = std::all_of(frame.pixels.begin(), frame.pixels.end(),
                                    [](std::uint32_t p) { return (p >> 24) == 0xff; });
    const std::size_t pixel_bytes = opaque ? 3 : 4;
    const std::size_t row_bytes = 1 + static_cast<std::size_t>(frame.width) * pixel_bytes;

    std::string png(8 + (12 + 13) + 12, '\0');
    Writer w(png);
    w.bytes("\x89PNG\r\n\x1a\n", 8);
    w.u32(13);
    std::size_t type_at = w.position();
    w.bytes("IHDR", 4);
    w.u32(static_cast<std::uint32_t>(frame.width));
    w.u32(static_cast<std::uint32_t>(frame.height));
    for (std::uint8_t v : {8, opaque ? 2 : 6, 0, 0, 0}) w.u8(v);
    end_chunk(w, type_at, png);

    // One IDAT chunk: its length is patched in when the stream's size is known.
    const std::size_t length_at = w.position();
    w.u32(0);
    type_at = w.position();
    w.bytes("IDAT", 4);

    // Each scanline is filtered with Sub (minus the pixel to its left) or Up (minus the pixel
    // above), whichever leaves the smaller bytes (the PNG book's heuristic): a run of one
    // colour becomes zero bytes, which deflate's run-length strategy packs about as well as
    // its full search does, many times faster.
    z_stream z{};
    if (deflateInit2(&z, 1, Z_DEFLATED, 15, 8, Z_RLE) != Z_OK) throw std::bad_alloc();
    std::string row(row_bytes, '\0'), above(row_bytes, '\0'), sub(row_bytes, '\0'), up(row_bytes, '\0');
    sub[0] = 1;
    up[0] = 2;
    std::size_t out_at = w.position();
    auto pump = [&](int flush) {
        do {
            if (png.size() - out_at < 65536) png.resize(png.size() + std::max<std::size_t>(65536, png.size() / 2));
            z.next_out = reinterpret_cast<Bytef*>(png.data() + out_at);
            z.avail_out = static_cast<uInt>(png.size() - out_at);
            const int status = deflate(&z, flush);
            out_at = png.size() - z.avail_out;
            if (status == Z_STREAM_END) return;
        } while (z.avail_out == 0 || z.avail_in > 0 || flush == Z_FINISH);
    };
    const auto magnitude = [](char c) { return std::abs(static_cast<int>(static_cast<signed char>(c))); };
    for (int y = 0; y < frame.height; ++y) {
        write_row(frame, y, opaque, row.data() + 1);
        long sub_sum = 0, up_sum = 0;
        for (std::size_t i = 1; i < row_bytes; ++i) {
            sub[i] = static_cast<char>(row[i] - (i > pixel_bytes ? row[i - pixel_bytes] : 0));
            up[i] = static_cast<char>(row[i] - above[i]);
            sub_sum += magnitude(sub[i]);
            up_sum += magnitude(up[i]);
        }
        std::string& filtered = sub_sum <= up_sum ? sub : up;
        z.next_in = reinterpret_cast<Bytef*>(filtered.data());
        z.avail_in = static_cast<uInt>(row_bytes);
        pump(Z_NO_FLUSH);
        std::swap(row, above);
    }
    pump(Z_FINISH);
    deflateEnd(&z);
    png.resize(out_at);

    Writer patch(png);
    patch.skip(length_at);
    patch.u32(static_cast<std::uint32_t>(out_at - type_at - 4));
    png.resize(out_at + 4 + 12);
    Writer tail(png);
    tail.skip(out_at);
    end_chunk(tail, type_at, png);
    tail.u32(0);
    const std::size_t end_at = tail.position();
    tail.bytes("IEND", 4);
    end_chunk(tail, end_at, png);
    return png;
}

}  // namespace attnreel
