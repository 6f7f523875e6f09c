// WebM (VP9) and MOV (ProRes 4444) keep the frames' alpha: decoded back, the alpha plane
// matches what was drawn.
#include "encode/alpha_video_sink.hpp"

#include "encode_test_support.hpp"

#include <catch2/catch.hpp>

using namespace attnreel;
using namespace attnreel::test;

namespace {

constexpr int kWidth = 320, kHeight = 180, kFrames = 12;

// A transparent background, an opaque red box, a half-transparent sliding disc.
Frame transparent_frame(int index) {
    Frame out(kWidth, kHeight);
    cairo_surface_t* surface =
        cairo_image_surface_create_for_data(out.bytes(), CAIRO_FORMAT_ARGB32, kWidth, kHeight, out.stride_bytes());
    cairo_t* cr = cairo_create(surface);
    cairo_set_source_rgba(cr, 1, 0, 0, 1);
    cairo_rectangle(cr, 20, 20, 80, 60);
    cairo_fill(cr);
    cairo_set_source_rgba(cr, 0.2, 0.6, 1.0, 0.5);
    cairo_arc(cr, 150 + 8.0 * index, 110, 40, 0, 6.2832);
    cairo_fill(cr);
    cairo_destroy(cr);
    cairo_surface_destroy(surface);
    return out;
}

int alpha_of(std::uint32_t pixel) { return static_cast<int>(pixel >> 24); }

// Largest and mean difference between two frames' alpha planes.
struct AlphaError {
    int largest = 0;
    double mean = 0;
};
AlphaError alpha_error(const Frame& a, const Frame& b) {
    AlphaError e;
    for (std::size_t i = 0; i < a.pixels.size(); ++i) {
        const int d = std::abs(alpha_of(a.pixels[i]) - alpha_of(b.pixels[i]));
        e.largest = std::max(e.largest, d);
        e.mean += d;
    }
    e.mean /= static_cast<double>(a.pixels.size());
    return e;
}

void encode(const fs::path& path, AlphaCodec codec) {
    AlphaVideoSink sink(path, codec, kWidth, kHeight, {24, 30});
    for (int i = 0; i < kFrames; ++i) sink.write(transparent_frame(i));
    sink.finish();
}

}  // namespace

TEST_CASE("a WebM is VP9 with an alpha plane that matches the frames") {
    ScratchDir dir;
    const fs::path path = dir.path / "clip.webm";
    encode(path, AlphaCodec::vp9_webm);
    const DecodedVideo video = decode_video(path, true);
    CHECK(video.codec == "vp9");
    CHECK(video.width == kWidth);
    CHECK(video.height == kHeight);
    REQUIRE(video.frames.size() == kFrames);
    for (int i : {0, kFrames / 2, kFrames - 1}) {
        INFO("frame " << i);
        const Frame drawn = transparent_frame(i);
        // Lossy VP9 alpha: edges of the disc blur a little; flat areas stay exact.
        const AlphaError e = alpha_error(drawn, video.frames[static_cast<std::size_t>(i)]);
        CHECK(e.mean < 1.5);
        CHECK(e.largest <= 96);
        CHECK(alpha_of(video.frames[static_cast<std::size_t>(i)].at(5, 5)) <= 2);       // transparent corner
        CHECK(alpha_of(video.frames[static_cast<std::size_t>(i)].at(60, 50)) >= 253);   // opaque box
        const int half = alpha_of(video.frames[static_cast<std::size_t>(i)].at(150 + 8 * i, 110));
        CHECK(std::abs(half - 128) <= 6);                                                // the half-transparent disc
    }
    // Straight colour in the opaque box: red.
    const Rgb red = rgb_at(video.frames[0], 60, 50);
    CHECK(red.r > 230);
    CHECK(red.g < 30);
    CHECK(red.b < 30);
}

TEST_CASE("a MOV is ProRes 4444 whose alpha plane matches the frames to one level") {
    ScratchDir dir;
    const fs::path path = dir.path / "clip.mov";
    encode(path, AlphaCodec::prores_mov);
    const DecodedVideo video = decode_video(path, true);
    CHECK(video.codec == "prores");
    // ProRes 4444 with alpha: FFmpeg's decoder reports it as 12-bit 4:4:4 with alpha.
    CHECK(video.pixel_format == AV_PIX_FMT_YUVA444P12LE);
    REQUIRE(video.frames.size() == kFrames);
    CHECK(video.duration_seconds == Approx(kFrames / 24.0).margin(1e-3));
    for (int i : {0, kFrames - 1}) {
        INFO("frame " << i);
        const AlphaError e = alpha_error(transparent_frame(i), video.frames[static_cast<std::size_t>(i)]);
        CHECK(e.largest <= 1);
    }
}

TEST_CASE("alpha video refuses odd sizes and a bad crf, naming the file") {
    ScratchDir dir;
    CHECK_THAT(input_error_message([&] { AlphaVideoSink(dir.path / "a.webm", AlphaCodec::vp9_webm, 321, 180); }),
               Catch::Matchers::Contains("a.webm") && Catch::Matchers::Contains("even width and height"));
    CHECK_THAT(input_error_message([&] { AlphaVideoSink(dir.path / "a.webm", AlphaCodec::vp9_webm, 320, 180, {30, 64}); }),
               Catch::Matchers::Contains("between 0 and 63"));
    CHECK(dir.names().empty());
}

TEST_CASE("an unfinished alpha video leaves nothing behind") {
    ScratchDir dir;
    {
        AlphaVideoSink sink(dir.path / "a.mov", AlphaCodec::prores_mov, kWidth, kHeight);
        sink.write(transparent_frame(0));
    }
    CHECK(dir.names().empty());
}
