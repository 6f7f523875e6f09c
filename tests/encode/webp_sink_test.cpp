// Animated WebP through libwebp, read back with libwebp's own demuxer and decoder.
#include "encode/webp_sink.hpp"

#include "encode/gif_sink.hpp"
#include "encode/straight_alpha.hpp"
#include "encode_test_support.hpp"

#include <webp/demux.h>

#include <cstring>
#include <set>

#include <catch2/catch.hpp>

using namespace attnreel;
using namespace attnreel::test;

namespace {

struct DecodedWebp {
    int width = 0, height = 0, loop_count = -1, frame_count = 0;
    std::vector<int> timestamps_ms;  // the end of each frame, as WebPAnimDecoder gives it
    std::vector<std::vector<std::uint32_t>> frames;  // straight-alpha ARGB words
};

DecodedWebp decode_webp(const fs::path& path) {
    const std::string bytes = read_bytes(path);
    WebPData data{reinterpret_cast<const std::uint8_t*>(bytes.data()), bytes.size()};
    WebPAnimDecoderOptions options;
    REQUIRE(WebPAnimDecoderOptionsInit(&options));
    options.color_mode = MODE_BGRA;  // bytes of native-endian ARGB words on little endian
    WebPAnimDecoder* decoder = WebPAnimDecoderNew(&data, &options);
    REQUIRE(decoder);
    WebPAnimInfo info;
    REQUIRE(WebPAnimDecoderGetInfo(decoder, &info));
    DecodedWebp out;
    out.width = static_cast<int>(info.canvas_width);
    out.height = static_cast<int>(info.canvas_height);
    out.loop_count = static_cast<int>(info.loop_count);
    out.frame_count = static_cast<int>(info.frame_count);
    while (WebPAnimDecoderHasMoreFrames(decoder)) {
        std::uint8_t* pixels = nullptr;
        int timestamp = 0;
        REQUIRE(WebPAnimDecoderGetNext(decoder, &pixels, &timestamp));
        out.timestamps_ms.push_back(timestamp);
        std::vector<std::uint32_t> frame(static_cast<std::size_t>(out.width) * out.height);
        std::memcpy(frame.data(), pixels, frame.size() * 4);
        out.frames.push_back(std::move(frame));
    }
    WebPAnimDecoderDelete(decoder);
    return out;
}

}  // namespace

TEST_CASE("a lossless WebP has every frame, exact pixels, their timing and the loop count") {
    ScratchDir dir;
    const fs::path path = dir.path / "clip.webp";
    constexpr int frames = 10;
    {
        WebpSink sink(path, 320, 180, {20, true, 50, 3});
        for (int i = 0; i < frames; ++i) sink.write(test_frame(i));
        sink.finish();
    }
    const DecodedWebp webp = decode_webp(path);
    CHECK(webp.width == 320);
    CHECK(webp.height == 180);
    CHECK(webp.loop_count == 3);
    REQUIRE(webp.frame_count == frames);
    REQUIRE(webp.timestamps_ms.size() == frames);
    for (int i = 0; i < frames; ++i) CHECK(webp.timestamps_ms[static_cast<std::size_t>(i)] == 50 * (i + 1));  // 20 fps
    for (int i : {0, frames - 1}) {
        std::vector<std::uint32_t> expected;
        unpremultiply(test_frame(i), expected);
        CHECK(webp.frames[static_cast<std::size_t>(i)] == expected);
    }
}

TEST_CASE("a lossy WebP loops forever by default and stays close to the frames") {
    ScratchDir dir;
    const fs::path path = dir.path / "clip.webp";
    {
        WebpSink sink(path, 320, 180, {30});
        for (int i = 0; i < 6; ++i) sink.write(test_frame(i));
        sink.finish();
    }
    const DecodedWebp webp = decode_webp(path);
    CHECK(webp.loop_count == 0);
    REQUIRE(webp.frame_count == 6);
    CHECK(webp.timestamps_ms.back() == 200);  // 6 frames at 30 fps
    Frame decoded(320, 180);
    decoded.pixels = webp.frames[2];
    CHECK(psnr(decoded, test_frame(2)) > 30);
}

TEST_CASE("a palette WebP has the GIF's colours, coded losslessly: the GIF's fidelity in fewer bytes") {
    ScratchDir dir;
    constexpr int frames = 8;
    WebpOptions options;
    options.fps = 15;
    options.palette = true;
    {
        WebpSink sink(dir.path / "clip.webp", 320, 180, options);
        GifSink gif(dir.path / "clip.gif", 320, 180, GifOptions{15});
        for (int i = 0; i < frames; ++i) {
            sink.write(test_frame(i));
            gif.write(test_frame(i));
        }
        sink.finish();
        gif.finish();
    }
    const DecodedWebp webp = decode_webp(dir.path / "clip.webp");
    REQUIRE(webp.frame_count == frames);
    CHECK(webp.timestamps_ms.back() == 533);  // 8 frames at 15 fps
    std::set<std::uint32_t> colours;
    for (const auto& frame : webp.frames) colours.insert(frame.begin(), frame.end());
    CHECK(colours.size() <= 256);  // one palette for the clip
    // The GIF's own frames, decoded by FFmpeg, are the WebP's exactly.
    const std::vector<Frame> gif_frames = decode_video(dir.path / "clip.gif").frames;
    REQUIRE(gif_frames.size() == frames);
    for (int i : {0, frames - 1}) {
        Frame decoded(320, 180);
        decoded.pixels = webp.frames[static_cast<std::size_t>(i)];
        CHECK(psnr(decoded, test_frame(i)) > 30);
        CHECK(psnr(decoded, gif_frames[static_cast<std::size_t>(i)]) > 60);
    }
    CHECK(fs::file_size(dir.path / "clip.webp") < fs::file_size(dir.path / "clip.gif"));
}

TEST_CASE("identical consecutive frames become one WebP frame lasting as long as they did") {
    ScratchDir dir;
    const fs::path path = dir.path / "still.webp";
    {
        WebpSink sink(path, 320, 180, {10, true});
        sink.write(test_frame(0));
        for (int i = 0; i < 4; ++i) sink.write(test_frame(1));
        sink.finish();
    }
    const DecodedWebp webp = decode_webp(path);
    REQUIRE(webp.frame_count == 2);
    CHECK(webp.timestamps_ms == std::vector<int>{100, 500});
}

TEST_CASE("a transparent frame keeps its alpha in the WebP") {
    ScratchDir dir;
    const fs::path path = dir.path / "alpha.webp";
    Frame frame(64, 64);
    for (std::size_t i = 0; i < frame.pixels.size(); ++i) frame.pixels[i] = i < frame.pixels.size() / 2 ? 0x80400000u : 0u;
    {
        WebpSink sink(path, 64, 64, {10, true});
        sink.write(frame);
        sink.write(frame);
        sink.finish();
    }
    const DecodedWebp webp = decode_webp(path);
    REQUIRE(!webp.frames.empty());
    CHECK(webp.frames[0][0] == 0x80800000u);  // premultiplied 0x40 red at half alpha is straight 0x80
    CHECK(webp.frames[0].back() >> 24 == 0);
}

TEST_CASE("WebP settings out of range are input errors and leave no file") {
    ScratchDir dir;
    CHECK_THAT(input_error_message([&] { WebpSink(dir.path / "a.webp", 320, 180, {30, false, 101}); }),
               Catch::Matchers::Contains("a.webp") && Catch::Matchers::Contains("quality"));
    CHECK_THAT(input_error_message([&] { WebpSink(dir.path / "a.webp", 20000, 180); }),
               Catch::Matchers::Contains("16383"));
    {
        WebpSink unfinished(dir.path / "b.webp", 32, 32);
        unfinished.write(Frame(32, 32));
    }
    CHECK(dir.names().empty());
}
