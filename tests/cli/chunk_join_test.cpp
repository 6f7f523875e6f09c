// Chunked renders (`render --frames A:B`) and `attnreel join`, as a user runs them: a video
// cut into chunks and joined back decodes to exactly the frames of the same render in one go
// with the encoder started afresh at the chunk boundaries; chunks that do not fit are refused.
#include "../encode/encode_test_support.hpp"
#include "encode/png_sink.hpp"
#include "process_support.hpp"

#include <catch2/catch.hpp>

using namespace attnreel;
using namespace attnreel::test;

namespace {

const std::string kScene = std::string(ATTNREEL_SOURCE_DIR) + "/examples/self_attention_arrows.yaml";
// The arrows example is 5.8 s: 174 frames at 30 fps, cut at 58 and 116. At 30 fps a chunk's
// start (58 / 30 s) is no whole number of milliseconds, which MP4 edit lists round.
const std::string kSmall = "--size 192x108 --fps 30 --quiet";
constexpr int kTotal = 174;

std::vector<std::uint64_t> hashes_of(const DecodedVideo& video) {
    std::vector<std::uint64_t> hashes;
    for (const Frame& frame : video.frames) hashes.push_back(frame_hash(frame));
    return hashes;
}

void render_ok(const std::string& arguments) {
    const Run r = run("render " + kScene + " " + kSmall + " " + arguments);
    INFO(r.output);
    REQUIRE(r.exit_code == 0);
}

// The three chunks of the video, rendered into `dir`.
std::vector<fs::path> render_chunks(const fs::path& dir, const std::string& extra = "") {
    std::vector<fs::path> chunks;
    for (const auto& [a, b] : std::vector<std::pair<int, int>>{{0, 58}, {58, 116}, {116, kTotal}}) {
        chunks.push_back(dir / ("part-" + std::to_string(a) + ".mp4"));
        render_ok("--frames " + std::to_string(a) + ":" + std::to_string(b) + " " + extra + " -o " +
                  quoted(chunks.back()));
    }
    return chunks;
}

Run join(const std::vector<fs::path>& chunks, const fs::path& output) {
    std::string words;
    for (const fs::path& chunk : chunks) words += " " + quoted(chunk);
    return run("join" + words + " -o " + quoted(output));
}

}  // namespace

TEST_CASE("chunks joined by stream copy decode to the frames of one render with keyframes at the boundaries",
          "[cli][chunks]") {
    ScratchDir dir;
    const std::vector<fs::path> chunks = render_chunks(dir.path);
    const fs::path whole = dir.path / "whole.mp4";
    render_ok("--keyframes-at 58,116 -o " + quoted(whole));
    const fs::path joined = dir.path / "joined.mp4";
    // Given out of order: join puts them in frame order.
    const Run r = join({chunks[2], chunks[0], chunks[1]}, joined);
    INFO(r.output);
    REQUIRE(r.exit_code == 0);

    const DecodedVideo one_go = decode_video(whole);
    const DecodedVideo together = decode_video(joined);
    REQUIRE(one_go.frames.size() == kTotal);
    REQUIRE(together.frames.size() == kTotal);
    CHECK(hashes_of(together) == hashes_of(one_go));
    CHECK(together.duration_seconds == Approx(one_go.duration_seconds).margin(1e-9));
    CHECK(together.duration_seconds == Approx(5.8).margin(1e-9));
    CHECK(one_go.duration_seconds == Approx(5.8).margin(1e-9));
    const std::vector<std::string> boxes = top_level_boxes(read_bytes(joined));
    CHECK(std::find(boxes.begin(), boxes.end(), "moov") < std::find(boxes.begin(), boxes.end(), "mdat"));

    // Each chunk alone holds exactly its frames, the same pictures.
    const DecodedVideo middle = decode_video(chunks[1]);
    REQUIRE(middle.frames.size() == 58);
    const std::vector<std::uint64_t> all = hashes_of(one_go);
    CHECK(hashes_of(middle) == std::vector<std::uint64_t>(all.begin() + 58, all.begin() + 116));
}

TEST_CASE("join refuses chunks that do not fit, naming the chunk, and writes nothing", "[cli][chunks]") {
    ScratchDir dir;
    const std::vector<fs::path> chunks = render_chunks(dir.path);
    const fs::path joined = dir.path / "joined.mp4";
    auto refused = [&](const std::vector<fs::path>& given, const std::string& file, const std::string& words) {
        const Run r = join(given, joined);
        INFO(r.output);
        CHECK(r.exit_code == 2);
        CHECK(r.output.find("error: " + file + ": " + words) != std::string::npos);
        CHECK_FALSE(fs::exists(joined));
    };
    SECTION("a gap") { refused({chunks[0], chunks[2]}, chunks[2].string(), "leaves a gap: frames 58:116"); }
    SECTION("a missing end") { refused({chunks[0], chunks[1]}, chunks[1].string(), "is the last chunk given"); }
    SECTION("an overlap") {
        const fs::path other = dir.path / "other.mp4";
        render_ok("--frames 30:116 -o " + quoted(other));
        refused({chunks[0], other, chunks[2]}, other.string(), "overlaps " + chunks[0].string());
    }
    SECTION("other settings") {
        const fs::path other = dir.path / "other.mp4";
        render_ok("--frames 58:116 --crf 30 -o " + quoted(other));
        refused({chunks[0], other, chunks[2]}, other.string(), "was rendered with other settings");
    }
    SECTION("another scene") {
        const fs::path other = dir.path / "other.mp4";
        const Run r = run("render " + std::string(ATTNREEL_SOURCE_DIR) + "/examples/softmax_bars.yaml " + kSmall +
                          " --frames 58:116 -o " + quoted(other));
        REQUIRE(r.exit_code == 0);
        refused({chunks[0], other, chunks[2]}, other.string(), "is a chunk of another scene");
    }
    SECTION("a truncated chunk") {
        const std::string bytes = read_bytes(chunks[1]);
        write_bytes(chunks[1], bytes.substr(0, bytes.size() * 2 / 3));
        refused(chunks, chunks[1].string(), "");
    }
    SECTION("a missing chunk") {
        refused({chunks[0], dir.path / "nothere.mp4", chunks[2]}, (dir.path / "nothere.mp4").string(), "no such chunk");
    }
    SECTION("a whole render, not a chunk") {
        const fs::path plain = dir.path / "plain.mp4";
        render_ok("-o " + quoted(plain));
        refused({plain}, plain.string(), "is not a chunk of an attnreel render");
    }
}

TEST_CASE("render --frames refuses a range outside the video", "[cli][chunks]") {
    ScratchDir dir;
    const Run r = run("render " + kScene + " " + kSmall + " --frames 100:175 -o " + quoted(dir.path / "x.mp4"));
    CHECK(r.exit_code == 2);
    CHECK(r.output.find("--frames 100:175 is outside the video: at 30 fps it has 174 frames (0:174)") != std::string::npos);
    CHECK(dir.names().empty());
    const Run backwards = run("render " + kScene + " " + kSmall + " --frames 20:10 -o " + quoted(dir.path / "x.mp4"));
    CHECK(backwards.exit_code == 2);
    CHECK(backwards.output.find("B must be greater than A") != std::string::npos);
    const Run gif = run("render " + kScene + " " + kSmall + " --frames 0:10 -o " + quoted(dir.path / "x.gif"));
    CHECK(gif.exit_code == 2);
    CHECK(dir.names().empty());
}

TEST_CASE("PNG sequence chunks fill one folder with the frames of one render, numbered as the video's",
          "[cli][chunks]") {
    ScratchDir dir;
    const fs::path whole = dir.path / "whole/";
    const fs::path parts = dir.path / "parts/";
    render_ok("-o " + quoted(whole));
    render_ok("--frames 90:174 -o " + quoted(parts));
    render_ok("--frames 0:90 -o " + quoted(parts));
    for (int i = 0; i < kTotal; i += 29) {
        const std::string name = sequence_frame_name(i);
        INFO(name);
        CHECK(read_bytes(parts / name) == read_bytes(whole / name));
    }
    std::size_t count = 0;
    for (const auto& entry : fs::directory_iterator(parts)) count += entry.path().extension() == ".png";
    CHECK(count == kTotal);
}

TEST_CASE("frame chunks joined into a GIF give the GIF of one render, one palette for the whole video",
          "[cli][chunks]") {
    ScratchDir dir;
    std::vector<fs::path> chunks;
    for (const auto& [a, b] : std::vector<std::pair<int, int>>{{0, 58}, {58, 116}, {116, kTotal}}) {
        chunks.push_back(dir.path / ("part-" + std::to_string(a) + ".frames"));
        render_ok("--frames " + std::to_string(a) + ":" + std::to_string(b) + " -o " + quoted(chunks.back()));
    }
    const fs::path whole = dir.path / "whole.gif";
    render_ok("--gif-width 96 -o " + quoted(whole));
    const fs::path joined = dir.path / "joined.gif";
    const Run r = run("join " + quoted(chunks[1]) + " " + quoted(chunks[0]) + " " + quoted(chunks[2]) +
                      " --gif-width 96 -o " + quoted(joined));
    INFO(r.output);
    REQUIRE(r.exit_code == 0);
    CHECK(read_bytes(joined) == read_bytes(whole));
    CHECK(read_bytes(joined).size() > 1000);

    // A chunk cut short is refused by name, and no GIF is left.
    const std::string bytes = read_bytes(chunks[1]);
    write_bytes(chunks[1], bytes.substr(0, bytes.size() / 2));
    const fs::path second = dir.path / "second.gif";
    const Run cut = run("join " + quoted(chunks[0]) + " " + quoted(chunks[1]) + " " + quoted(chunks[2]) + " -o " +
                        quoted(second));
    CHECK(cut.exit_code == 2);
    CHECK(cut.output.find("error: " + chunks[1].string() + ": is corrupt") != std::string::npos);
    CHECK_FALSE(fs::exists(second));
}

TEST_CASE("frame chunks joined into an animated WebP give the WebP of one render", "[cli][chunks]") {
    ScratchDir dir;
    std::vector<fs::path> chunks;
    for (const auto& [a, b] : std::vector<std::pair<int, int>>{{0, 87}, {87, kTotal}}) {
        chunks.push_back(dir.path / ("part-" + std::to_string(a) + ".frames"));
        render_ok("--frames " + std::to_string(a) + ":" + std::to_string(b) + " -o " + quoted(chunks.back()));
    }
    const fs::path whole = dir.path / "whole.webp";
    render_ok("--loop 2 -o " + quoted(whole));
    const fs::path joined = dir.path / "joined.webp";
    const Run r = run("join " + quoted(chunks[1]) + " " + quoted(chunks[0]) + " --loop 2 -o " + quoted(joined));
    INFO(r.output);
    REQUIRE(r.exit_code == 0);
    CHECK(read_bytes(joined).substr(0, 4) == "RIFF");
    CHECK(read_bytes(joined) == read_bytes(whole));

    // Options of another format are refused, and nothing is written.
    const fs::path other = dir.path / "other.webp";
    const Run wrong = run("join " + quoted(chunks[0]) + " " + quoted(chunks[1]) + " --gif-width 96 -o " + quoted(other));
    CHECK(wrong.exit_code == 2);
    CHECK_FALSE(fs::exists(other));
}
