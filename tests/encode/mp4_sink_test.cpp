#include "encode/mp4_sink.hpp"

#include "core/error.hpp"
#include "encode_test_support.hpp"

#include <catch2/catch.hpp>

using namespace attnreel;
using namespace attnreel::test;

namespace {

constexpr int clip_frames = 24;
constexpr int clip_fps = 24;

void encode_clip(const fs::path& path, const Mp4Options& options = {double(clip_fps), 20, "veryfast"}) {
    Mp4Sink sink(path, 320, 180, options);
    for (int i = 0; i < clip_frames; ++i) sink.write(test_frame(i));
    sink.finish();
}

std::ptrdiff_t position_of(const std::vector<std::string>& list, const std::string& item) {
    return std::find(list.begin(), list.end(), item) - list.begin();
}

}  // namespace

TEST_CASE("an MP4 decodes back as H.264 yuv420p with every frame and the right duration") {
    ScratchDir dir;
    const fs::path path = dir.path / "clip.mp4";
    encode_clip(path);

    const DecodedVideo video = decode_video(path);
    CHECK(video.codec == "h264");
    CHECK(video.pixel_format == AV_PIX_FMT_YUV420P);
    CHECK(video.width == 320);
    CHECK(video.height == 180);
    CHECK(video.frames.size() == clip_frames);
    CHECK(video.duration_seconds == Approx(static_cast<double>(clip_frames) / clip_fps).margin(1e-3));
}

TEST_CASE("a non-integer frame rate is kept exactly, not rounded") {
    ScratchDir dir;
    const fs::path path = dir.path / "ntsc.mp4";
    encode_clip(path, {29.97, 20, "veryfast"});
    const DecodedVideo video = decode_video(path);
    CHECK(video.frames.size() == clip_frames);
    // Rounded to 30 fps, 24 frames would last 0.800 s; at 29.97 they last 0.8008 s.
    CHECK(video.duration_seconds == Approx(clip_frames / 29.97).margin(1e-4));
    CHECK(video.duration_seconds > 0.8005);
}

TEST_CASE("an MP4 is tagged BT.709 limited range so players convert its colours correctly") {
    ScratchDir dir;
    const fs::path path = dir.path / "clip.mp4";
    encode_clip(path);
    const DecodedVideo video = decode_video(path);
    CHECK(video.primaries == AVCOL_PRI_BT709);
    CHECK(video.transfer == AVCOL_TRC_BT709);
    CHECK(video.colorspace == AVCOL_SPC_BT709);
    CHECK(video.range == AVCOL_RANGE_MPEG);
}

TEST_CASE("an MP4 puts the moov atom before mdat (faststart)") {
    ScratchDir dir;
    const fs::path path = dir.path / "clip.mp4";
    encode_clip(path);
    const std::vector<std::string> boxes = top_level_boxes(read_bytes(path));
    REQUIRE(position_of(boxes, "moov") < static_cast<std::ptrdiff_t>(boxes.size()));
    REQUIRE(position_of(boxes, "mdat") < static_cast<std::ptrdiff_t>(boxes.size()));
    CHECK(position_of(boxes, "moov") < position_of(boxes, "mdat"));
}

TEST_CASE("decoded MP4 frames match their source within 35 dB PSNR and pure red stays red") {
    ScratchDir dir;
    const fs::path path = dir.path / "clip.mp4";
    encode_clip(path);
    const DecodedVideo video = decode_video(path);
    REQUIRE(video.frames.size() == clip_frames);
    for (int i : {0, clip_frames / 2, clip_frames - 1}) {
        INFO("frame " << i);
        CHECK(psnr(video.frames[static_cast<std::size_t>(i)], test_frame(i)) >= 35.0);
    }
    // The red box's centre: a BT.601/BT.709 mix-up would show about (255, 0, 0) ± 20 in G/B
    // or a wrong range about ±15 in R; allow 6 levels of coding error.
    const Rgb red = rgb_at(video.frames[clip_frames / 2], static_cast<int>(red_box_x + red_box_w / 2),
                           static_cast<int>(red_box_y + red_box_h / 2));
    CHECK(red.r >= 249);
    CHECK(red.g <= 6);
    CHECK(red.b <= 6);
}

TEST_CASE("a lower crf gives a larger, closer MP4") {
    ScratchDir dir;
    encode_clip(dir.path / "fine.mp4", {clip_fps, 12, "veryfast"});
    encode_clip(dir.path / "coarse.mp4", {clip_fps, 40, "veryfast"});
    CHECK(fs::file_size(dir.path / "fine.mp4") > fs::file_size(dir.path / "coarse.mp4"));
    const Frame source = test_frame(5);
    CHECK(psnr(decode_video(dir.path / "fine.mp4").frames.at(5), source) >
          psnr(decode_video(dir.path / "coarse.mp4").frames.at(5), source));
}

TEST_CASE("MP4 settings that cannot work are input errors naming the file") {
    ScratchDir dir;
    const fs::path path = dir.path / "clip.mp4";
    CHECK_THAT(input_error_message([&] { Mp4Sink(path, 321, 180); }),
               Catch::Matchers::Contains("clip.mp4") && Catch::Matchers::Contains("even"));
    CHECK_THAT(input_error_message([&] {
                   Mp4Sink(path, 320, 180, {30, 20, "mediun"});
               }),
               Catch::Matchers::Contains("did you mean 'medium'"));
    CHECK_THROWS_AS(Mp4Sink(path, 320, 180, {30, 60, "medium"}), InputError);
    CHECK_THROWS_AS(Mp4Sink(path, 320, 180, {0, 20, "medium"}), InputError);
    CHECK(dir.names().empty());
}

TEST_CASE("an MP4 into a missing or unwritable directory is an input error") {
    ScratchDir dir;
    CHECK_THAT(input_error_message([&] { Mp4Sink(dir.path / "missing" / "clip.mp4", 320, 180); }),
               Catch::Matchers::Contains("does not exist"));
    // /sys refuses new files even to root, unlike a chmod-ed folder.
    CHECK_THAT(input_error_message([&] { Mp4Sink("/sys/clip.mp4", 320, 180); }),
               Catch::Matchers::Contains("cannot write"));
}

TEST_CASE("an MP4 sink dropped before finish leaves the earlier file and no temporary file") {
    ScratchDir dir;
    const fs::path path = dir.path / "clip.mp4";
    write_bytes(path, "earlier render");
    {
        Mp4Sink sink(path, 320, 180, {clip_fps, 20, "veryfast"});
        for (int i = 0; i < 5; ++i) sink.write(test_frame(i));
        CHECK(dir.names().size() == 2);  // the earlier file and the temporary one being written
    }
    CHECK(read_bytes(path) == "earlier render");
    CHECK(dir.names() == std::vector<std::string>{"clip.mp4"});
}

TEST_CASE("an MP4 of no frames is an error that leaves no file") {
    ScratchDir dir;
    {
        Mp4Sink sink(dir.path / "empty.mp4", 320, 180);
        CHECK_THROWS_WITH(sink.finish(), Catch::Matchers::Contains("at least one frame"));
    }
    CHECK(dir.names().empty());
}
