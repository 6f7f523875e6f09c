// `attnreel render` as a user runs it: the real executable renders the arrows example small
// and short, and what it writes is read back with libav, the GIF block parser and Cairo.
#include "../encode/encode_test_support.hpp"
#include "../encode/gif_structure.hpp"
#include "process_support.hpp"

#include <catch2/catch.hpp>

#include <chrono>
#include <cmath>
#include <cstdio>
#include <thread>

using namespace attnreel;
using namespace attnreel::test;

namespace {

const std::string kScene = std::string(ATTNREEL_SOURCE_DIR) + "/examples/self_attention_arrows.yaml";

// A small, short render keeps every test fast: the range covers the token row's creation and
// the arrows growing, so consecutive frames differ.
constexpr int kWidth = 320, kHeight = 180, kFps = 10;
constexpr double kFrom = 2.5, kTo = 4.0;
const std::string kSmall = "--size 320x180 --fps 10 --from 2.5 --to 4.0";
const int kFrames = static_cast<int>(std::ceil((kTo - kFrom) * kFps));

// What `attnreel frame` draws at time t, at the small test size.
Frame reference_frame(double t, const fs::path& dir) {
    char at[64];
    std::snprintf(at, sizeof at, "%.17g", t);  // the exact double the render used
    const fs::path png = dir / ("reference_" + std::string(at) + ".png");
    const Run r = run("frame " + kScene + " --at " + at + " --size 320x180 -o " + quoted(png));
    INFO(r.output);
    REQUIRE(r.exit_code == 0);
    return load_png(png);
}

std::ptrdiff_t position_of(const std::vector<std::string>& list, const std::string& item) {
    return std::find(list.begin(), list.end(), item) - list.begin();
}

std::string sequence_name(int index) {
    char name[32];
    std::snprintf(name, sizeof name, "frame_%05d.png", index);
    return name;
}

// Renders the small clip to `out`; every failure test starts from such a good output.
void render_small(const fs::path& out) {
    const Run r = run("render " + kScene + " " + kSmall + " --quiet -o " + quoted(out));
    INFO(r.output);
    REQUIRE(r.exit_code == 0);
    REQUIRE(fs::exists(out));
}

}  // namespace

TEST_CASE("render -o X.mp4 writes H.264 yuv420p with ceil((to-from)*fps) frames and moov before mdat", "[cli][render]") {
    ScratchDir dir;
    const fs::path out = dir.path / "clip.mp4";
    render_small(out);

    const DecodedVideo video = decode_video(out);
    CHECK(video.codec == "h264");
    CHECK(video.pixel_format == AV_PIX_FMT_YUV420P);
    CHECK(video.width == kWidth);
    CHECK(video.height == kHeight);
    CHECK(static_cast<int>(video.frames.size()) == kFrames);
    CHECK(video.duration_seconds == Approx(static_cast<double>(kFrames) / kFps).margin(1e-3));

    const std::vector<std::string> boxes = top_level_boxes(read_bytes(out));
    REQUIRE(position_of(boxes, "moov") < static_cast<std::ptrdiff_t>(boxes.size()));
    REQUIRE(position_of(boxes, "mdat") < static_cast<std::ptrdiff_t>(boxes.size()));
    CHECK(position_of(boxes, "moov") < position_of(boxes, "mdat"));
}

TEST_CASE("MP4 frame i is the picture 'attnreel frame' draws at from + i/fps", "[cli][render]") {
    ScratchDir dir;
    const fs::path out = dir.path / "clip.mp4";
    render_small(out);
    const DecodedVideo video = decode_video(out);
    REQUIRE(static_cast<int>(video.frames.size()) == kFrames);

    // H.264 at the default crf 20 keeps a 320x180 frame of this scene at about 40 dB PSNR.
    // The 30 dB bound fails what a broken pipeline would give: measured on these frames, a
    // background-only frame, a picture shifted by 2 pixels and red/blue swapped all score
    // about 22 dB.
    constexpr double min_psnr_db = 30;
    auto reference_at_index = [&](int i) { return reference_frame(kFrom + i / static_cast<double>(kFps), dir.path); };
    for (const int i : {0, kFrames / 2, kFrames - 1}) {
        INFO("frame " << i);
        CHECK(psnr(video.frames[static_cast<std::size_t>(i)], reference_at_index(i)) >= min_psnr_db);
    }
    // Most of the picture stays the same from one step to the next, so frames a step apart
    // also pass 30 dB (about 36 dB). The timing shows in which reference fits best: frame i is closer to the picture
    // at from + i/fps than to the pictures one step before and after (mid-animation, where
    // each step moves the arrows).
    const int middle = kFrames / 2;
    const Frame& decoded = video.frames[static_cast<std::size_t>(middle)];
    const double own = psnr(decoded, reference_at_index(middle));
    CHECK(own > psnr(decoded, reference_at_index(middle - 1)));
    CHECK(own > psnr(decoded, reference_at_index(middle + 1)));
}

TEST_CASE("render -o X.gif writes a GIF of every frame that loops forever", "[cli][render]") {
    ScratchDir dir;
    const fs::path out = dir.path / "clip.gif";
    render_small(out);

    const GifStructure gif = parse_gif(read_bytes(out));
    CHECK(gif.width == kWidth);
    CHECK(gif.height == kHeight);
    CHECK(gif.loop_count == 0);  // NETSCAPE2.0 loop count 0: forever
    CHECK(static_cast<int>(gif.images.size()) == kFrames);
    for (const GifImage& image : gif.images) CHECK(image.delay_centiseconds == 100 / kFps);

    const DecodedVideo decoded = decode_video(out);
    CHECK(decoded.codec == "gif");
    CHECK(static_cast<int>(decoded.frames.size()) == kFrames);
}

TEST_CASE("render --jobs 1 and --jobs 4 write byte-identical PNG sequences", "[cli][render]") {
    ScratchDir dir;
    for (const char* jobs : {"1", "4"}) {
        const fs::path folder = dir.path / ("jobs" + std::string(jobs) + "/");
        const Run r = run("render " + kScene + " " + kSmall + " --quiet --jobs " + jobs + " -o " + quoted(folder));
        INFO(r.output);
        REQUIRE(r.exit_code == 0);
    }
    std::vector<std::string> expected_names;
    for (int i = 0; i < kFrames; ++i) expected_names.push_back(sequence_name(i));
    std::vector<std::string> one, four;
    for (const auto& entry : fs::directory_iterator(dir.path / "jobs1")) one.push_back(entry.path().filename());
    for (const auto& entry : fs::directory_iterator(dir.path / "jobs4")) four.push_back(entry.path().filename());
    std::sort(one.begin(), one.end());
    std::sort(four.begin(), four.end());
    REQUIRE(one == expected_names);
    REQUIRE(four == expected_names);

    for (const std::string& name : expected_names) {
        INFO(name);
        CHECK(read_bytes(dir.path / "jobs1" / name) == read_bytes(dir.path / "jobs4" / name));
    }
    // Not trivially equal: the sequence moves.
    CHECK(read_bytes(dir.path / "jobs1" / expected_names.front()) !=
          read_bytes(dir.path / "jobs1" / expected_names.back()));
    CHECK(load_png(dir.path / "jobs1" / expected_names.front()).width == kWidth);
}

TEST_CASE("a failed render exits 2 and leaves the previous output byte-identical, with no temporary file",
          "[cli][render]") {
    ScratchDir dir, scenes;
    const fs::path out = dir.path / "keep.mp4";
    render_small(out);
    const std::string before = read_bytes(out);
    const std::vector<std::string> only_output = {"keep.mp4"};

    SECTION("a scene that loads but does not compile") {
        // Valid YAML and a valid schema; the arrows' row is an object that does not exist.
        const fs::path bad = scenes.path / "bad_reference.yaml";
        write_bytes(bad,
                    "objects:\n"
                    "  - id: row\n"
                    "    token_row: {tokens: [a, b]}\n"
                    "  - id: arrows\n"
                    "    attention_arrows: {row: rwo, source: 0, weights: [0.5, 0.5]}\n"
                    "timeline:\n"
                    "  - play: {grow_arrow: arrows}\n");
        const Run r = run("render " + quoted(bad) + " --quiet -o " + quoted(out));
        CHECK(r.exit_code == 2);
        CHECK_THAT(r.output, Catch::Contains(bad.string() + ":5:29: unknown object 'rwo'; did you mean 'row'?"));
    }
    SECTION("--to beyond the end of the scene") {
        const Run r = run("render " + kScene + " --to 99 --quiet -o " + quoted(out));
        CHECK(r.exit_code == 2);
        CHECK_THAT(r.output, Catch::Contains("--to must be after --from and within the scene"));
    }
    SECTION("an encoder setting rejected after the output was opened") {
        const Run r = run("render " + kScene + " " + kSmall + " --preset fastt --quiet -o " + quoted(out));
        CHECK(r.exit_code == 2);
        CHECK_THAT(r.output, Catch::Contains("unknown x264 preset 'fastt'; did you mean 'fast'?"));
    }
    CHECK(read_bytes(out) == before);
    CHECK(dir.names() == only_output);
}

TEST_CASE("an output whose folder cannot be made or with an unknown extension exits 2 and creates nothing",
          "[cli][render]") {
    ScratchDir dir;
    write_bytes(dir.path / "file", "not a folder");
    const Run blocked = run("render " + kScene + " " + kSmall + " --quiet -o " + quoted(dir.path / "file" / "x.mp4"));
    CHECK(blocked.exit_code == 2);
    CHECK_THAT(blocked.output, Catch::Contains((dir.path / "file").string() + ": cannot create the output folder"));

    const Run unknown = run("render " + kScene + " " + kSmall + " --quiet -o " + quoted(dir.path / "x.avi"));
    CHECK(unknown.exit_code == 2);
    CHECK_THAT(unknown.output, Catch::Contains("unknown output extension '.avi'"));
    CHECK_THAT(unknown.output, Catch::Contains("expected .mp4, .webm, .mov, .gif, .webp, .png"));

    CHECK(dir.names() == std::vector<std::string>{"file"});
}

TEST_CASE("a bad option without -o exits 2 and leaves no empty out/ folder behind", "[cli][render]") {
    ScratchDir dir;
    const Run r = run("render " + kScene + " " + kSmall + " --crf 99", dir.path);
    CHECK(r.exit_code == 2);
    CHECK_THAT(r.output, Catch::Contains("--crf must be between 0 and 51"));
    CHECK(dir.names().empty());
}

TEST_CASE("render --dry-run renders every frame and writes nothing", "[cli][render]") {
    ScratchDir dir;
    const Run default_output = run("render " + kScene + " " + kSmall + " --dry-run", dir.path);
    INFO(default_output.output);
    CHECK(default_output.exit_code == 0);
    CHECK_THAT(default_output.output, Catch::Contains("rendered " + std::to_string(kFrames) + " frames (320x180)"));

    const Run named = run("render " + kScene + " " + kSmall + " --dry-run -o " + quoted(dir.path / "x.mp4"));
    CHECK(named.exit_code == 0);
    CHECK(dir.names().empty());  // neither out/ nor x.mp4
}

TEST_CASE("render --quality low renders 854x480 at 15 fps", "[cli][render]") {
    ScratchDir dir;
    const fs::path out = dir.path / "low.mp4";
    constexpr double from = 5.5, to = 5.8;
    const Run r = run("render " + kScene + " --quality low --from 5.5 --to 5.8 --quiet -o " + quoted(out));
    INFO(r.output);
    REQUIRE(r.exit_code == 0);
    const DecodedVideo video = decode_video(out);
    CHECK(video.width == 854);
    CHECK(video.height == 480);
    const int frames = static_cast<int>(std::ceil((to - from) * 15));
    CHECK(static_cast<int>(video.frames.size()) == frames);
    CHECK(video.duration_seconds == Approx(frames / 15.0).margin(1e-3));
}

TEST_CASE("without -o the video goes to out/<scene name>-<height>p<fps>.mp4 under the working directory",
          "[cli][render]") {
    ScratchDir dir;
    const Run r = run("render " + kScene + " " + kSmall, dir.path);
    INFO(r.output);
    REQUIRE(r.exit_code == 0);
    const fs::path out = dir.path / "out" / "self_attention_arrows-180p10.mp4";
    REQUIRE(fs::exists(out));
    CHECK_THAT(r.output, Catch::Contains("out/self_attention_arrows-180p10.mp4"));
    CHECK(static_cast<int>(decode_video(out).frames.size()) == kFrames);
}

TEST_CASE("Ctrl-C during a render exits 130 and leaves the previous output as it was", "[cli][render]") {
    ScratchDir dir;
    const fs::path out = dir.path / "keep.mp4";
    render_small(out);
    const std::string before = read_bytes(out);

    // The whole scene at its own 1920x1080 and 30 fps takes many seconds: long enough to
    // interrupt. Signal only once the render has opened its temporary file, plus a moment
    // so frames are being rendered, whatever the load on the machine.
    const ScratchDir logs;  // not in dir, whose listing is checked
    const fs::path log = logs.path / "render.log";
    const pid_t pid = start({"render", kScene, "-o", out.string()}, log);
    const bool started = wait_for_temporary_file(dir, "keep.mp4", std::chrono::seconds(60));
    if (started) std::this_thread::sleep_for(std::chrono::milliseconds(300));
    kill(pid, SIGINT);
    const int status = wait_for(pid, std::chrono::seconds(60));
    const std::string output = read_bytes(log);
    INFO(output);
    REQUIRE(started);
    CHECK(exit_code_of(status) == 130);
    CHECK_THAT(output, Catch::Contains("render interrupted by SIGINT; " + out.string() + " was left as it was"));
    CHECK(read_bytes(out) == before);
    CHECK(dir.names() == std::vector<std::string>{"keep.mp4"});
}

TEST_CASE("Ctrl-C the moment the render opens its output still exits 130 and removes the temporary file",
          "[cli][render]") {
    ScratchDir dir;
    const fs::path out = dir.path / "keep.mp4";
    render_small(out);
    const std::string before = read_bytes(out);

    // Opening an MP4 creates the temporary file, then starts the encoder: a Ctrl-C in
    // between must be handled like any other.
    const ScratchDir logs;  // not in dir, whose listing is checked
    const fs::path log = logs.path / "render.log";
    const pid_t pid = start({"render", kScene, "-o", out.string()}, log);
    const bool started = wait_for_temporary_file(dir, "keep.mp4", std::chrono::seconds(60));
    kill(pid, SIGINT);
    const int status = wait_for(pid, std::chrono::seconds(60));
    const std::string output = read_bytes(log);
    INFO(output);
    REQUIRE(started);
    CHECK(exit_code_of(status) == 130);
    CHECK(read_bytes(out) == before);
    CHECK(dir.names() == std::vector<std::string>{"keep.mp4"});
}
