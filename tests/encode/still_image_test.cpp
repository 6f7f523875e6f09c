// One frame as JPEG or WebP, and flattening a transparent frame onto a colour.
#include "encode/still_image.hpp"

#include "encode/straight_alpha.hpp"
#include "encode_test_support.hpp"

#include <webp/decode.h>

#include <cstring>

#include <catch2/catch.hpp>

using namespace attnreel;
using namespace attnreel::test;

TEST_CASE("still formats follow the extension, case-insensitively") {
    CHECK(still_format("a.png") == StillFormat::png);
    CHECK(still_format("a.JPG") == StillFormat::jpeg);
    CHECK(still_format("a.jpeg") == StillFormat::jpeg);
    CHECK(still_format("a.webp") == StillFormat::webp);
    CHECK_FALSE(still_format("a.gif"));
}

TEST_CASE("a JPEG decodes (libavcodec) to the frame's size and close to its colours") {
    ScratchDir dir;
    const Frame frame = test_frame(3);
    const std::string bytes = jpeg_bytes(frame);
    CHECK(bytes.substr(0, 2) == "\xff\xd8");
    write_bytes(dir.path / "a.jpg", bytes);
    const DecodedVideo decoded = decode_video(dir.path / "a.jpg");
    CHECK(decoded.codec == "mjpeg");
    REQUIRE(decoded.frames.size() == 1);
    CHECK(decoded.frames[0].width == 320);
    CHECK(psnr(decoded.frames[0], frame) > 32);
}

TEST_CASE("a lossless WebP still holds the exact pixels, alpha included") {
    Frame frame = test_frame(2);
    frame.pixels[0] = 0x80400000u;  // half-transparent dark red (premultiplied)
    const std::string bytes = webp_bytes(frame);
    int width = 0, height = 0;
    std::uint8_t* pixels = WebPDecodeBGRA(reinterpret_cast<const std::uint8_t*>(bytes.data()), bytes.size(), &width, &height);
    REQUIRE(pixels);
    CHECK(width == 320);
    CHECK(height == 180);
    std::vector<std::uint32_t> expected, got(frame.pixels.size());
    unpremultiply(frame, expected);
    std::memcpy(got.data(), pixels, got.size() * 4);
    WebPFree(pixels);
    CHECK(got == expected);
}

TEST_CASE("flattening composites a premultiplied frame over an opaque colour") {
    Frame frame(2, 1);
    frame.pixels = {0x00000000u, 0x80800000u};  // transparent; red at half alpha
    flatten_onto(frame, Color{1, 1, 1, 1});
    CHECK(frame.pixels[0] == 0xffffffffu);
    CHECK(frame.pixels[1] == 0xffff7f7fu);  // 0x80 + 127 red; white's half for green and blue
}
