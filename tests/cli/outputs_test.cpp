// Every place a lesson goes, as a user asks for it: transparent WebM and MOV checked against
// `frame` of the same time, animated WebP, posters, JPEG and WebP frames, pixel-sized SVG
// with titled text, GIF loop counts, and the notes for options a format does not use.
#include "../encode/encode_test_support.hpp"
#include "../encode/gif_structure.hpp"
#include "process_support.hpp"

#include <catch2/catch.hpp>

#include <webp/demux.h>

using namespace attnreel;
using namespace attnreel::test;

namespace {

// A short scene on a transparent background: a title, a half-transparent disc, a box.
const std::string kTransparentScene = R"(scene:
  size: [320, 180]
  fps: 10
  background: transparent
objects:
  - {id: title, text: "Q &amp; K", font_size: 48, to_edge: up}
  - {id: disc, circle: {radius: 1}, color: blue, fill_opacity: 0.5, shift: [-2, -1]}
  - {id: box, rectangle: {width: 1.5, height: 1.5}, color: red, fill_opacity: 1, shift: [2, -1]}
timeline:
  - play: {write: title, run_time: 0.5}
  - play: {create: disc, run_time: 0.5}
  - play: {fade_in: box, run_time: 0.5}
  - wait: 0.5
)";

fs::path write_scene(const ScratchDir& dir) {
    const fs::path scene = dir.path / "transparent.yaml";
    write_bytes(scene, kTransparentScene);
    return scene;
}

Run must_run(const std::string& arguments) {
    const Run r = run(arguments);
    INFO(arguments << "\n" << r.output);
    REQUIRE(r.exit_code == 0);
    return r;
}

// Frame `index` of a 10 fps render, as `attnreel frame` draws it (premultiplied ARGB32).
Frame frame_of(const fs::path& scene, int index, const ScratchDir& dir) {
    const fs::path png = dir.path / ("frame" + std::to_string(index) + ".png");
    must_run("frame " + quoted(scene) + " --frame " + std::to_string(index) + " -o " + quoted(png));
    return load_png(png, true);
}

// Mean and largest difference of the alpha planes.
std::pair<double, int> alpha_difference(const Frame& a, const Frame& b) {
    double sum = 0;
    int largest = 0;
    for (std::size_t i = 0; i < a.pixels.size(); ++i) {
        const int d = std::abs(static_cast<int>(a.pixels[i] >> 24) - static_cast<int>(b.pixels[i] >> 24));
        sum += d;
        largest = std::max(largest, d);
    }
    return {sum / static_cast<double>(a.pixels.size()), largest};
}

}  // namespace

TEST_CASE("render .webm and .mov keep a transparent background: alpha matches frame of the same time", "[cli]") {
    ScratchDir dir;
    const fs::path scene = write_scene(dir);
    for (const char* name : {"lesson.webm", "lesson.mov"}) {
        INFO(name);
        const fs::path out = dir.path / name;
        const Run r = must_run("render " + quoted(scene) + " -o " + quoted(out));
        CHECK_THAT(r.output, !Catch::Contains("flattened"));
        const DecodedVideo video = decode_video(out, true);
        REQUIRE(video.frames.size() == 20);
        const bool webm = std::string(name).ends_with(".webm");
        CHECK(video.codec == (webm ? "vp9" : "prores"));
        for (int index : {4, 12, 19}) {
            INFO("frame " << index);
            const auto [mean, largest] = alpha_difference(frame_of(scene, index, dir), video.frames[index]);
            // Tolerance: ProRes 4444 keeps 16-bit alpha (a level or two after the 8-bit
            // round trip); VP9's alpha is lossy (mean under 2 levels, shape edges up to 96).
            INFO("mean " << mean << ", largest " << largest);
            CHECK(mean < (webm ? 2.0 : 0.5));
            CHECK(largest <= (webm ? 96 : 2));
        }
        // The corner is transparent, the box opaque.
        CHECK((video.frames[19].at(2, 178) >> 24) <= 2);
        CHECK((video.frames[19].at(205, 112) >> 24) >= 253);
    }
}

TEST_CASE("MP4 and GIF flatten a transparent background onto a colour the note names", "[cli]") {
    ScratchDir dir;
    const fs::path scene = write_scene(dir);
    const Run mp4 = must_run("render " + quoted(scene) + " -o " + quoted(dir.path / "a.mp4"));
    CHECK_THAT(mp4.output, Catch::Contains("MP4 has no transparency") && Catch::Contains("#000000") &&
                               Catch::Contains(".webm"));
    const Run gif = must_run("render " + quoted(scene) + " --flatten white -o " + quoted(dir.path / "a.gif"));
    CHECK_THAT(gif.output, Catch::Contains("GIF has no transparency") && Catch::Contains("#ffffff"));
    const DecodedVideo decoded = decode_video(dir.path / "a.gif");
    const Rgb corner = rgb_at(decoded.frames.back(), 2, 178);
    CHECK(corner.r > 250);
    CHECK(corner.g > 250);
    CHECK(corner.b > 250);
}

TEST_CASE("render .webp is an animated WebP with the frame count and timing of the render", "[cli]") {
    ScratchDir dir;
    const fs::path scene = write_scene(dir);
    const fs::path out = dir.path / "a.webp";
    const Run r = must_run("render " + quoted(scene) + " --lossless --loop 2 -o " + quoted(out));
    CHECK_THAT(r.output, Catch::Contains("320x180 WebP"));
    const std::string bytes = read_bytes(out);
    WebPData data{reinterpret_cast<const std::uint8_t*>(bytes.data()), bytes.size()};
    WebPDemuxer* demux = WebPDemux(&data);
    REQUIRE(demux);
    CHECK(WebPDemuxGetI(demux, WEBP_FF_CANVAS_WIDTH) == 320);
    CHECK(WebPDemuxGetI(demux, WEBP_FF_LOOP_COUNT) == 2);
    // The last 0.5 s is a wait: its five identical frames are one WebP frame of 500 ms.
    const int frames = static_cast<int>(WebPDemuxGetI(demux, WEBP_FF_FRAME_COUNT));
    int total_ms = 0;
    WebPIterator it;
    REQUIRE(WebPDemuxGetFrame(demux, 1, &it));
    do total_ms += it.duration;
    while (WebPDemuxNextFrame(&it));
    WebPDemuxReleaseIterator(&it);
    WebPDemuxDelete(demux);
    CHECK(total_ms == 2000);
    CHECK(frames >= 12);
    CHECK(frames <= 16);
}

TEST_CASE("render --poster writes a JPEG of the last frame beside the video, or a PNG of a chosen time", "[cli]") {
    ScratchDir dir;
    const fs::path scene = write_scene(dir);
    const Run r = must_run("render " + quoted(scene) + " --poster -o " + quoted(dir.path / "a.mp4"));
    const fs::path poster = dir.path / "a.poster.jpg";
    CHECK_THAT(r.output, Catch::Contains(poster.string()));
    REQUIRE(fs::exists(poster));
    CHECK(read_bytes(poster).substr(0, 2) == "\xff\xd8");
    const DecodedVideo jpeg = decode_video(poster);
    REQUIRE(jpeg.frames.size() == 1);
    CHECK(jpeg.frames[0].width == 320);
    const Rgb box = rgb_at(jpeg.frames[0], 205, 112);  // the red box (#fc6255), there at the end only
    CHECK(std::abs(box.r - 0xfc) < 12);
    CHECK(std::abs(box.g - 0x62) < 12);
    CHECK(std::abs(box.b - 0x55) < 12);

    must_run("render " + quoted(scene) + " --poster 0.2 --poster-path " + quoted(dir.path / "p.png") + " -o " +
             quoted(dir.path / "b.webm"));
    const Frame png = load_png(dir.path / "p.png", true);
    const Frame expected = load_png([&] {
        must_run("frame " + quoted(scene) + " --at 0.2 -o " + quoted(dir.path / "at.png"));
        return dir.path / "at.png";
    }(), true);
    CHECK(png.pixels == expected.pixels);

    const Run bad = run("render " + quoted(scene) + " --poster-path " + quoted(dir.path / "p.gif") + " -o " +
                        quoted(dir.path / "c.mp4"));
    CHECK(bad.exit_code == 2);
    CHECK_THAT(bad.output, Catch::Contains(".jpg"));
}

TEST_CASE("frame writes JPEG and WebP", "[cli]") {
    ScratchDir dir;
    const fs::path scene = write_scene(dir);
    must_run("frame " + quoted(scene) + " --at end -o " + quoted(dir.path / "f.jpg"));
    must_run("frame " + quoted(scene) + " --at end -o " + quoted(dir.path / "f.webp"));
    CHECK(read_bytes(dir.path / "f.jpg").substr(0, 2) == "\xff\xd8");
    const std::string webp = read_bytes(dir.path / "f.webp");
    CHECK(webp.substr(0, 4) == "RIFF");
    CHECK(webp.substr(8, 4) == "WEBP");
}

TEST_CASE("an SVG frame is sized in pixels and titles each text", "[cli]") {
    ScratchDir dir;
    const fs::path scene = write_scene(dir);
    must_run("frame " + quoted(scene) + " --at end -o " + quoted(dir.path / "f.svg"));
    const std::string svg = read_bytes(dir.path / "f.svg");
    CHECK_THAT(svg, Catch::Contains("width=\"320px\" height=\"180px\" viewBox=\"0 0 320 180\""));
    CHECK_THAT(svg, Catch::Contains("<g><title>Q &amp; K</title><path"));
}

TEST_CASE("GIF --loop and --gif-width, with the size written in the report", "[cli]") {
    ScratchDir dir;
    const fs::path scene = write_scene(dir);
    const fs::path out = dir.path / "a.gif";
    const Run r = must_run("render " + quoted(scene) + " --loop 2 --gif-width 160 -o " + quoted(out));
    CHECK_THAT(r.output, Catch::Contains("160x90 GIF at 10 fps") && Catch::Contains("KiB"));
    const GifStructure gif = parse_gif(read_bytes(out));
    CHECK(gif.width == 160);
    CHECK(gif.loop_count == 1);  // plays twice: one repeat
}

TEST_CASE("an unsupported extension lists the supported ones, and options a format does not use get a note", "[cli]") {
    ScratchDir dir;
    const fs::path scene = write_scene(dir);
    const Run avi = run("render " + quoted(scene) + " -o " + quoted(dir.path / "a.avi"));
    CHECK(avi.exit_code == 2);
    CHECK_THAT(avi.output, Catch::Contains(".mp4, .webm, .mov, .gif, .webp, .png"));
    const Run gif = must_run("render " + quoted(scene) + " --crf 10 -o " + quoted(dir.path / "a.gif"));
    CHECK_THAT(gif.output, Catch::Contains("note: --crf does not apply to a GIF"));
    const Run mp4 = must_run("render " + quoted(scene) + " --loop 3 --lossless -o " + quoted(dir.path / "a.mp4"));
    CHECK_THAT(mp4.output, Catch::Contains("note: --loop does not apply to an MP4") &&
                               Catch::Contains("note: --lossless does not apply to an MP4"));
    const Run frame = run("frame " + quoted(scene) + " --at 0 -o " + quoted(dir.path / "f.bmp"));
    CHECK(frame.exit_code == 2);
    CHECK_THAT(frame.output, Catch::Contains(".png, .jpg (or .jpeg), .webp, .svg and .pdf"));
}
