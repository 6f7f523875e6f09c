#include "encode/gif_sink.hpp"

#include "encode/render_pipeline.hpp"

#include "encode_test_support.hpp"
#include "gif_structure.hpp"

#include <catch2/catch.hpp>
#include <set>

using namespace attnreel;
using namespace attnreel::test;

namespace {

void encode_gif(const fs::path& path, int frames, const GifOptions& options) {
    GifSink sink(path, 320, 180, options);
    for (int i = 0; i < frames; ++i) sink.write(test_frame(i));
    sink.finish();
}

GifOptions at_fps(int input_fps) {
    GifOptions options;
    options.input_fps = input_fps;
    return options;
}

}  // namespace

TEST_CASE("a GIF has one image per frame, the frame delay, and loops forever") {
    ScratchDir dir;
    const fs::path path = dir.path / "clip.gif";
    encode_gif(path, 12, at_fps(10));

    const GifStructure gif = parse_gif(read_bytes(path));
    CHECK(gif.width == 320);
    CHECK(gif.height == 180);
    CHECK(gif.loop_count == 0);
    REQUIRE(gif.images.size() == 12);
    for (const GifImage& image : gif.images) CHECK(image.delay_centiseconds == 10);

    const DecodedVideo video = decode_video(path);
    CHECK(video.codec == "gif");
    CHECK(video.frames.size() == 12);
}

TEST_CASE("a GIF uses one global palette and stores only the changed rectangle of later frames") {
    ScratchDir dir;
    const fs::path path = dir.path / "clip.gif";
    encode_gif(path, 6, at_fps(10));
    const GifStructure gif = parse_gif(read_bytes(path));
    CHECK(gif.global_palette);
    REQUIRE(gif.images.size() == 6);
    CHECK(gif.images[0].width * gif.images[0].height == 320 * 180);
    for (std::size_t i = 1; i < gif.images.size(); ++i) {
        INFO("image " << i);
        CHECK_FALSE(gif.images[i].local_palette);
        // Only the sliding square changes: well under a quarter of the picture.
        CHECK(gif.images[i].width * gif.images[i].height < 320 * 180 / 4);
    }
}

TEST_CASE("GIF frames of a clip with fewer colours than the palette decode almost exactly, flat areas flat") {
    ScratchDir dir;
    const fs::path path = dir.path / "clip.gif";
    encode_gif(path, 8, at_fps(10));
    const DecodedVideo video = decode_video(path);
    REQUIRE(video.frames.size() == 8);
    for (int i : {0, 4, 7}) {
        INFO("frame " << i);
        CHECK(psnr(video.frames[static_cast<std::size_t>(i)], test_frame(i)) >= 45.0);
    }
    // No dithering: every pixel inside the red box, and of the background, is one colour.
    std::set<std::uint32_t> box_colours, background_colours;
    const Frame& frame = video.frames[4];
    for (int y = 25; y < 75; ++y)
        for (int x = 25; x < 95; ++x) box_colours.insert(frame.at(x, y));
    for (int y = 0; y < 15; ++y)
        for (int x = 0; x < 320; ++x) background_colours.insert(frame.at(x, y));
    CHECK(box_colours.size() == 1);
    CHECK(background_colours.size() == 1);
    const Rgb red = rgb_at(frame, 50, 50);
    CHECK(red.r >= 250);
    CHECK(red.g <= 5);
    CHECK(red.b <= 5);
}

TEST_CASE("GIF width and fps options scale the picture and drop frames") {
    ScratchDir dir;
    const fs::path path = dir.path / "small.gif";
    GifOptions options = at_fps(30);
    options.width = 160;
    options.fps = 10;
    encode_gif(path, 30, options);  // one second

    const GifStructure gif = parse_gif(read_bytes(path));
    CHECK(gif.width == 160);
    CHECK(gif.height == 90);
    REQUIRE(gif.images.size() == 10);
    for (const GifImage& image : gif.images) CHECK(image.delay_centiseconds == 10);
    CHECK(GifSink::output_height(320, 180, options) == 90);
}

TEST_CASE("a GIF of a video faster than 50 fps plays at 50 fps") {
    ScratchDir dir;
    const fs::path path = dir.path / "fast.gif";
    encode_gif(path, 12, at_fps(60));  // 0.2 s
    const GifStructure gif = parse_gif(read_bytes(path));
    REQUIRE(gif.images.size() == 10);
    for (const GifImage& image : gif.images) CHECK(image.delay_centiseconds == 2);
}

TEST_CASE("GIF options that cannot work are input errors") {
    ScratchDir dir;
    const fs::path path = dir.path / "clip.gif";
    GifOptions fast = at_fps(30);
    fast.fps = 60;  // browsers would play it at 10 fps
    CHECK_THAT(input_error_message([&] { GifSink(path, 320, 180, fast); }), Catch::Matchers::Contains("fps"));
    GifOptions negative = at_fps(30);
    negative.width = -5;
    CHECK_THAT(input_error_message([&] { GifSink(path, 320, 180, negative); }), Catch::Matchers::Contains("width"));
    CHECK_THAT(input_error_message([&] { GifSink("/sys/clip.gif", 320, 180); }),
               Catch::Matchers::Contains("cannot write"));
    CHECK(dir.names().empty());
}

TEST_CASE("a GIF sink dropped before finish leaves the earlier file and nothing else") {
    ScratchDir dir;
    const fs::path path = dir.path / "clip.gif";
    write_bytes(path, "earlier render");
    {
        GifSink sink(path, 320, 180, at_fps(10));
        for (int i = 0; i < 4; ++i) sink.write(test_frame(i));
    }
    CHECK(read_bytes(path) == "earlier render");
    CHECK(dir.names() == std::vector<std::string>{"clip.gif"});
}

TEST_CASE("a GIF's second pass stops when the cancel flag is set, and leaves the earlier file") {
    ScratchDir dir;
    const fs::path path = dir.path / "clip.gif";
    write_bytes(path, "earlier render");
    std::atomic<bool> cancel{false};
    GifOptions options = at_fps(10);
    options.cancel = &cancel;
    {
        GifSink sink(path, 320, 180, options);
        for (int i = 0; i < 4; ++i) sink.write(test_frame(i));
        cancel.store(true);  // after the frames: only finish()'s second pass can notice it
        CHECK_THROWS_AS(sink.finish(), RenderCancelled);
    }
    CHECK(read_bytes(path) == "earlier render");
    CHECK(dir.names() == std::vector<std::string>{"clip.gif"});
}

TEST_CASE("a GIF of no frames is an error that leaves no file") {
    ScratchDir dir;
    {
        GifSink sink(dir.path / "empty.gif", 320, 180);
        CHECK_THROWS_WITH(sink.finish(), Catch::Matchers::Contains("at least one frame"));
    }
    CHECK(dir.names().empty());
}

TEST_CASE("a GIF made with --loop N plays N times, stored as N - 1 repeats, and once has no NETSCAPE2.0 extension") {
    ScratchDir dir;
    const fs::path path = dir.path / "clip.gif";
    GifOptions options = at_fps(10);
    options.loop = 3;
    encode_gif(path, 4, options);
    CHECK(parse_gif(read_bytes(path)).loop_count == 2);
    options.loop = 1;
    encode_gif(path, 4, options);
    CHECK(parse_gif(read_bytes(path)).loop_count == -1);
    options.loop = -1;
    CHECK_THAT(input_error_message([&] { GifSink(dir.path / "bad.gif", 320, 180, options); }),
               Catch::Matchers::Contains("loop count"));
}
