// Narration end to end: say: lines become caption files beside the video, audio: tracks and
// draft speech become the MP4's AAC stream in sync with the frames, and bad input names
// its place. Everything is read back with libav and a strict WebVTT parser.
#include "../audio/sound_files.hpp"
#include "../captions/webvtt_parser.hpp"
#include "../encode/encode_test_support.hpp"

#include <catch2/catch.hpp>

#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <array>
#include <chrono>
#include <cstdio>
#include <thread>

extern char** environ;

using namespace attnreel;
using namespace attnreel::test;

namespace {

std::string quoted(const fs::path& path) { return "'" + path.string() + "'"; }

struct Run {
    int exit_code;
    std::string output;  // stdout and stderr together
};

Run run(const std::string& arguments) {
    const std::string command = std::string(ATTNREEL_BINARY) + " " + arguments + " 2>&1";
    FILE* pipe = popen(command.c_str(), "r");
    REQUIRE(pipe);
    std::string out;
    std::array<char, 4096> buf{};
    while (const std::size_t n = fread(buf.data(), 1, buf.size(), pipe)) out.append(buf.data(), n);
    const int status = pclose(pipe);
    return {WIFEXITED(status) ? WEXITSTATUS(status) : -1, out};
}

constexpr double kFps = 10;

// Steps: 0 [0, 1] says a line; 1 [1, 1.5]; 2 [1.5, 2.7] says a line, and the click plays at
// its start; 3 [2.7, 3.5]. 35 frames at 10 fps.
const char* kScene =
    "scene: {size: [320, 180], fps: 10}\n"
    "objects:\n"
    "  - {id: a, circle: {radius: 1}}\n"
    "  - {id: b, rectangle: {width: 2, height: 1}}\n"
    "timeline:\n"
    "  - play: {create: a, run_time: 1}\n"
    "    say: Queries ask.\n"
    "  - wait: 0.5\n"
    "  - play: {create: b, run_time: 1.2}\n"
    "    say: Keys answer, & values carry <what> is passed on.\n"
    "  - wait: 0.8\n"
    "audio:\n"
    "  - {file: click.wav, step: 2}\n";

// A 5 ms click at full level, as a 44.1 kHz mono WAV (so it is resampled on the way).
void write_click(const fs::path& path) {
    std::vector<float> click(220);
    for (std::size_t i = 0; i < click.size(); ++i) click[i] = i % 6 < 3 ? 0.95f : -0.95f;
    write_wav(path, click, 44100, 1);
}

// A folder with the test scene and its click.
struct SceneDir : ScratchDir {
    fs::path scene = path / "lesson.yaml";
    explicit SceneDir(const std::string& yaml = kScene) {
        write_bytes(scene, yaml);
        write_click(path / "click.wav");
    }
};

}  // namespace

TEST_CASE("render writes the MP4 with an AAC stream as long as the video, and .vtt and .srt beside it",
          "[cli][narration]") {
    SceneDir dir;
    const fs::path out = dir.path / "lesson.mp4";
    const Run r = run("render " + quoted(dir.scene) + " --quiet -o " + quoted(out));
    INFO(r.output);
    REQUIRE(r.exit_code == 0);
    const DecodedVideo video = decode_video(out);
    CHECK(video.frames.size() == 35);
    const DecodedAudio sound = decode_audio_stream(out);
    CHECK(sound.codec == "aac");
    CHECK(sound.sample_rate == 48000);
    CHECK(sound.seconds() == Approx(3.5).margin(1.0 / kFps));
    CHECK(sound.stream_seconds == Approx(3.5).margin(1.0 / kFps));

    // The click placed at step 2 lands within one frame of that step's first frame (1.5 s).
    const long click = onset(sound.left);
    REQUIRE(click >= 0);
    CHECK(std::abs(click / 48000.0 - 1.5) < 1.0 / kFps);

    const auto cues = parse_webvtt(read_bytes(dir.path / "lesson.vtt"));
    REQUIRE(cues.size() == 2);
    CHECK(cues[0].start == 0);
    CHECK(cues[0].end == 1);
    CHECK(cues[0].text() == "Queries ask.");
    CHECK(cues[1].start == 1.5);
    CHECK(cues[1].end == Approx(2.7));
    CHECK(cues[1].text() == "Keys answer, & values carry <what> is passed on.");
    CHECK(cues[1].lines.size() == 2);

    const std::string srt = read_bytes(dir.path / "lesson.srt");
    CHECK_THAT(
        srt, Catch::StartsWith("1\n00:00:00,000 --> 00:00:01,000\nQueries ask.\n\n2\n00:00:01,500 --> 00:00:02,700\n"));
}

TEST_CASE("check prints each step's number, its say: line, and the audio tracks", "[cli][narration]") {
    SceneDir dir;
    const Run r = run("check " + quoted(dir.scene));
    INFO(r.output);
    REQUIRE(r.exit_code == 0);
    CHECK_THAT(r.output, Catch::Contains("(step 2, line 9)"));
    CHECK_THAT(r.output, Catch::Contains("say \"Queries ask.\""));
    CHECK_THAT(r.output, Catch::Contains("1.50 –    1.5"));
    CHECK_THAT(r.output, Catch::Contains(" s  audio " + (dir.path / "click.wav").string()));
    CHECK_THAT(r.output, Catch::Contains("duration 3.50 s"));
}

TEST_CASE("a render over a range shifts the captions and the sound with it", "[cli][narration]") {
    SceneDir dir;
    const fs::path out = dir.path / "part.mp4";
    const Run r = run("render " + quoted(dir.scene) + " --from 1 --to 3 --quiet -o " + quoted(out));
    INFO(r.output);
    REQUIRE(r.exit_code == 0);
    const auto cues = parse_webvtt(read_bytes(dir.path / "part.vtt"));
    REQUIRE(cues.size() == 1);
    CHECK(cues[0].start == 0.5);
    CHECK(cues[0].end == Approx(1.7));
    const DecodedAudio sound = decode_audio_stream(out);
    CHECK(sound.seconds() == Approx(2).margin(1.0 / kFps));
    CHECK(std::abs(onset(sound.left) / 48000.0 - 0.5) < 1.0 / kFps);
}

TEST_CASE("a failed render leaves the previous MP4, .vtt and .srt as they were", "[cli][narration]") {
    SceneDir dir;
    const fs::path out = dir.path / "lesson.mp4";
    REQUIRE(run("render " + quoted(dir.scene) + " --quiet -o " + quoted(out)).exit_code == 0);
    const std::string mp4 = read_bytes(out), vtt = read_bytes(dir.path / "lesson.vtt"),
                      srt = read_bytes(dir.path / "lesson.srt");
    const auto names = dir.names();

    SECTION("an encoder setting rejected after the outputs were opened") {
        write_bytes(dir.scene, std::string(kScene) + "narration: {voice: en}\n");  // different captions timing
        const Run r = run("render " + quoted(dir.scene) + " --preset fastt --quiet -o " + quoted(out));
        CHECK(r.exit_code == 2);
    }
    SECTION("a sound file that has gone missing") {
        fs::remove(dir.path / "click.wav");
        const Run r = run("render " + quoted(dir.scene) + " --quiet -o " + quoted(out));
        CHECK(r.exit_code == 2);
        CHECK_THAT(r.output, Catch::Contains(dir.scene.string() + ":13:12: audio file not found: "));
        write_click(dir.path / "click.wav");
    }
    CHECK(read_bytes(out) == mp4);
    CHECK(read_bytes(dir.path / "lesson.vtt") == vtt);
    CHECK(read_bytes(dir.path / "lesson.srt") == srt);
    CHECK(dir.names() == names);
}

TEST_CASE("Ctrl-C during a narrated render leaves the previous MP4, .vtt and .srt as they were", "[cli][narration]") {
    // Long enough at 1280x720 to be interrupted while it renders.
    SceneDir dir;
    const fs::path out = dir.path / "lesson.mp4";
    REQUIRE(run("render " + quoted(dir.scene) + " --to 1 --quiet -o " + quoted(out)).exit_code == 0);
    const std::string mp4 = read_bytes(out), vtt = read_bytes(dir.path / "lesson.vtt");
    const auto names = dir.names();

    std::string long_scene = read_bytes(dir.scene);
    long_scene.replace(long_scene.find("  - wait: 0.8"), 13, "  - wait: 30");
    long_scene.replace(long_scene.find("[320, 180]"), 10, "[1280, 720]");
    write_bytes(dir.scene, long_scene);
    const ScratchDir logs;
    const fs::path log = logs.path / "render.log";
    std::vector<std::string> words = {ATTNREEL_BINARY, "render", dir.scene.string(), "--quiet", "-o", out.string()};
    std::vector<char*> argv;
    for (auto& w : words) argv.push_back(w.data());
    argv.push_back(nullptr);
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, 1, log.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    posix_spawn_file_actions_adddup2(&actions, 1, 2);
    pid_t pid = -1;
    REQUIRE(posix_spawn(&pid, argv[0], &actions, nullptr, argv.data(), environ) == 0);
    posix_spawn_file_actions_destroy(&actions);
    // Interrupt once the temporary files exist (the captions' and the video's).
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(60);
    while (dir.names().size() < names.size() + 3 && std::chrono::steady_clock::now() < deadline)
        std::this_thread::sleep_for(std::chrono::milliseconds(5));
    std::this_thread::sleep_for(std::chrono::milliseconds(300));
    kill(pid, SIGINT);
    int status = 0;
    waitpid(pid, &status, 0);
    INFO(read_bytes(log));
    CHECK(WIFEXITED(status));
    CHECK(WEXITSTATUS(status) == 130);
    CHECK(read_bytes(out) == mp4);
    CHECK(read_bytes(dir.path / "lesson.vtt") == vtt);
    CHECK(dir.names() == names);
}

TEST_CASE("bad sound input names its file:line:col and exits 2", "[cli][narration]") {
    SceneDir dir;
    const auto check_error = [&](const std::string& yaml, const std::string& expected) {
        write_bytes(dir.scene, yaml);
        const Run r = run("check " + quoted(dir.scene));
        INFO(r.output);
        CHECK(r.exit_code == 2);
        CHECK_THAT(r.output, Catch::Contains(dir.scene.string() + ":" + expected));
    };
    const std::string head = "objects: [{id: a, circle: {}}]\ntimeline:\n  - play: {create: a}\n";
    write_bytes(dir.path / "words.wav", "not a sound at all");
    check_error(head + "audio:\n  - {file: words.wav}\n",
                "5:12: audio file '" + (dir.path / "words.wav").string() + "': cannot open it as audio");
    write_wav(dir.path / "nine.wav", std::vector<float>(4800 * 9, 0.1f), 48000, 9, true);
    check_error(head + "audio:\n  - {file: nine.wav}\n", "5:12: audio file '" + (dir.path / "nine.wav").string() +
                                                             "': its 9 channels at 48000 Hz cannot be converted");
    check_error(head + "audio:\n  - {file: click.wav, step: 4}\n",
                "5:29: there is no step 4: the timeline's steps are numbered 0 to 0");
    check_error(head + "audio:\n  - {file: click.wav, volme: 1}\n",
                "5:23: unknown key 'volme' in an audio entry; did you mean 'volume'?");
    check_error(head + "  - wait: narration\n    say: Hello.\n",
                "5:10: this step lasts as long as its speech, but the line has no voice");
    check_error(head + "  - wait: narration\n", "4:11: 'wait: narration' lasts as long as the step's speech");
    check_error(head + "narration: {voice: enn}\n", "4:20: unknown eSpeak NG voice 'enn'; did you mean 'en'?");
    check_error(head + "    say: {text: Hi, audio: gone.wav}\n", "4:28: audio file not found: ");
    check_error(head + "    say: {txt: Hi}\n", "4:11: unknown key 'txt' in say; did you mean 'text'?");
}

TEST_CASE("a GIF leaves the sound out with a note, and a say: without --burn-captions gets a note at its line",
          "[cli][narration]") {
    SceneDir dir;
    const fs::path out = dir.path / "lesson.gif";
    const Run r = run("render " + quoted(dir.scene) + " --quiet -o " + quoted(out));
    INFO(r.output);
    CHECK(r.exit_code == 0);
    CHECK_THAT(r.output, Catch::Contains("note: GIF output has no sound; the scene's audio is left out"));
    CHECK_THAT(r.output, Catch::Contains(dir.scene.string() + ":7:10: note: GIF output has no captions track"));
    CHECK_FALSE(fs::exists(dir.path / "lesson.vtt"));

    const Run burnt = run("render " + quoted(dir.scene) + " --burn-captions --quiet -o " + quoted(out));
    CHECK(burnt.exit_code == 0);
    CHECK_THAT(burnt.output, !Catch::Contains("captions track"));
}

TEST_CASE("draft speech: wait: narration and run_time: narration last as long as the speech", "[cli][narration]") {
    SceneDir dir(
        "scene: {size: [320, 180], fps: 10}\n"
        "narration: {voice: en}\n"
        "objects: [{id: a, circle: {}}]\n"
        "timeline:\n"
        "  - play: {create: a}\n"
        "    run_time: narration\n"
        "    say: Attention is a weighted average.\n"
        "  - wait: narration\n"
        "    say: The weights add up to one.\n"
        "  - say: A step that only speaks.\n");
    const Run check = run("check " + quoted(dir.scene));
    INFO(check.output);
    REQUIRE(check.exit_code == 0);
    // Each step ends where its speech does, as check prints them.
    const auto times_of_line = [&](const std::string& needle) {
        const std::size_t at = check.output.find(needle);
        REQUIRE(at != std::string::npos);
        double start = 0, end = 0;
        REQUIRE(std::sscanf(check.output.c_str() + check.output.rfind('\n', at) + 1, " %lf – %lf s", &start, &end) ==
                2);
        return end;
    };
    const double v0 = times_of_line("say \"Attention");
    const double e0 = times_of_line("play create(a)");
    CHECK(e0 == Approx(v0).margin(0.011));
    CHECK(e0 > 1.0);
    CHECK_THAT(check.output, Catch::Contains("wait narration ("));

    const fs::path out = dir.path / "speech.mp4";
    const Run r = run("render " + quoted(dir.scene) + " --quiet -o " + quoted(out));
    REQUIRE(r.exit_code == 0);
    const DecodedAudio sound = decode_audio_stream(out);
    // Speech is heard during the first step.
    CHECK(rms(sound.left, 4800, static_cast<std::size_t>(e0 * 48000) - 4800) > 0.01);
    const auto cues = parse_webvtt(read_bytes(dir.path / "speech.vtt"));
    REQUIRE(cues.size() == 3);
    CHECK(cues[0].end == Approx(e0).margin(0.006));  // check prints hundredths
    CHECK(cues[2].text() == "A step that only speaks.");
}

TEST_CASE("extend_to_audio makes the video last until the sound ends", "[cli][narration]") {
    SceneDir dir(
        "scene: {size: [320, 180], fps: 10}\n"
        "objects: [{id: a, circle: {}}]\n"
        "timeline:\n"
        "  - play: {create: a}\n"
        "audio:\n"
        "  - {file: tone.wav, at: 0.5, extend_to_audio: true, fade_out: 0.5}\n");
    write_wav(dir.path / "tone.wav", sine(2.0, 48000, 440), 48000, 1);
    const Run check = run("check " + quoted(dir.scene));
    CHECK_THAT(check.output, Catch::Contains("duration 2.50 s"));
    const fs::path out = dir.path / "long.mp4";
    REQUIRE(run("render " + quoted(dir.scene) + " --quiet -o " + quoted(out)).exit_code == 0);
    CHECK(decode_video(out).frames.size() == 25);
    CHECK(decode_audio_stream(out).seconds() == Approx(2.5).margin(0.1));

    // Without it, the sound is cut where the video ends, with a short fade.
    std::string cut = read_bytes(dir.scene);
    cut.replace(cut.find("extend_to_audio: true"), 21, "volume: 1");
    write_bytes(dir.scene, cut);
    REQUIRE(run("render " + quoted(dir.scene) + " --quiet -o " + quoted(out)).exit_code == 0);
    const DecodedAudio sound = decode_audio_stream(out);
    CHECK(sound.seconds() == Approx(1.0).margin(0.1));
    CHECK(rms(sound.left, 46000, 47900) < 0.5 * rms(sound.left, 30000, 40000));
}

TEST_CASE("frame --burn-captions draws the caption of time t at the bottom, or the top", "[cli][narration]") {
    SceneDir dir;
    const auto frame_png = [&](const std::string& name, const std::string& options) {
        const fs::path png = dir.path / name;
        const Run r = run("frame " + quoted(dir.scene) + " --at 2 " + options + " -o " + quoted(png));
        INFO(r.output);
        REQUIRE(r.exit_code == 0);
        return read_bytes(png);
    };
    CHECK(frame_png("plain.png", "") != frame_png("burnt.png", "--burn-captions"));
    // Between captions (1.2 s) nothing is drawn over the frame.
    const fs::path a = dir.path / "a.png", b = dir.path / "b.png";
    REQUIRE(run("frame " + quoted(dir.scene) + " --at 1.2 -o " + quoted(a)).exit_code == 0);
    REQUIRE(run("frame " + quoted(dir.scene) + " --at 1.2 --burn-captions -o " + quoted(b)).exit_code == 0);
    CHECK(read_bytes(a) == read_bytes(b));
}
