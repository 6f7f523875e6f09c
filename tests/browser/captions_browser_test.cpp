// The narrated example lesson in a real browser: Debian's headless Chromium plays the MP4
// (H.264 and AAC) with its WebVTT file as a <track>; at the middle of every step that has
// a say:, the active cue's text is that line. CTest label `browser` (scripts/test-slow.sh,
// which installs Chromium when it is missing).
#include "../captions/webvtt_parser.hpp"
#include "../encode/encode_test_support.hpp"
#include "chromium.hpp"

#include <catch2/catch.hpp>

#include <sys/wait.h>

#include <array>
#include <cstdio>
#include <fstream>
#include <map>
#include <regex>
#include <sstream>
#include <thread>

using namespace attnreel;
using namespace attnreel::test;

namespace {

std::string quoted(const fs::path& path) { return "'" + path.string() + "'"; }

std::string run(const std::string& command, int& exit_code) {
    FILE* pipe = popen((command + " 2>&1").c_str(), "r");
    REQUIRE(pipe);
    std::string out;
    std::array<char, 4096> buf{};
    while (const std::size_t n = fread(buf.data(), 1, buf.size(), pipe)) out.append(buf.data(), n);
    const int status = pclose(pipe);
    exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    return out;
}

// Opens `page` in headless Chromium (a fresh profile in `profile`) and returns the page's
// title once its script has set it to "DONE …" or "ERROR …" (at most a minute).
std::string page_title(const fs::path& page, const fs::path& profile) {
    Chromium browser(profile, {"--allow-file-access-from-files",  // the page reads the .vtt beside it
                               "--autoplay-policy=no-user-gesture-required"});
    const std::string session = browser.open("file://" + page.string());
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(60);
    while (std::chrono::steady_clock::now() < deadline) {
        const std::string title = browser.evaluate(session, "document.title");
        if (title.rfind("DONE", 0) == 0 || title.rfind("ERROR", 0) == 0) return title;
        std::this_thread::sleep_for(std::chrono::milliseconds(200));
    }
    FAIL("the page did not finish within a minute");
    return "";
}

// What the page reports: "key=value" pairs separated by ';' after "DONE ".
std::map<std::string, std::string> report(const std::string& title) {
    INFO(title);
    REQUIRE(title.rfind("DONE ", 0) == 0);
    std::map<std::string, std::string> values;
    std::stringstream in(title.substr(5));
    std::string pair;
    while (std::getline(in, pair, ';'))
        if (const auto eq = pair.find('='); eq != std::string::npos) values[pair.substr(0, eq)] = pair.substr(eq + 1);
    return values;
}

}  // namespace

TEST_CASE("the narrated example plays in headless Chromium with sound and the step's caption at each time",
          "[browser]") {
    REQUIRE_FALSE(chromium_path().empty());
    ScratchDir dir;
    const std::string example = std::string(ATTNREEL_SOURCE_DIR) + "/examples/narration.yaml";
    int code = 0;
    const std::string rendered = run(std::string(ATTNREEL_BINARY) + " render " + quoted(fs::path(example)) +
                                         " --size 640x360 --fps 15 --quiet -o " + quoted(dir.path / "lesson.mp4"),
                                     code);
    INFO(rendered);
    REQUIRE(code == 0);

    // The steps that speak, from `check`: their middles and their lines.
    const std::string check = run(std::string(ATTNREEL_BINARY) + " check " + quoted(fs::path(example)), code);
    REQUIRE(code == 0);
    std::vector<std::pair<double, std::string>> expected;  // (time, the step's say: text)
    {
        std::ifstream yaml(example);
        std::vector<std::string> said;
        for (std::string line; std::getline(yaml, line);)
            if (line.rfind("    say: ", 0) == 0) said.push_back(line.substr(9));
        const std::regex step(
            R"(\s*([0-9.]+) – \s*([0-9.]+) s  .*\(step \d+, line \d+\)\n\s+[0-9.]+ – \s*[0-9.]+ s    say)");
        std::size_t k = 0;
        for (auto it = std::sregex_iterator(check.begin(), check.end(), step); it != std::sregex_iterator(); ++it, ++k)
            if (k < said.size()) expected.push_back({(std::stod((*it)[1]) + std::stod((*it)[2])) / 2, said[k]});
        REQUIRE(expected.size() == said.size());
        REQUIRE(expected.size() >= 4);
    }

    std::string times = "[";
    for (const auto& [t, text] : expected) times += (times.size() > 1 ? "," : "") + std::to_string(t);
    times += "]";
    const fs::path page = dir.path / "page.html";
    std::ofstream(page) << R"(<!doctype html><html><head><title>LOADING</title></head><body>
<video id="v" src="lesson.mp4" preload="auto">
  <track id="t" kind="captions" srclang="en" src="lesson.vtt" default>
</video>
<script>
const times = )" << times
                        << R"(;
const v = document.getElementById('v'), t = document.getElementById('t');
const once = (el, name) => new Promise((ok, fail) => {
  el.addEventListener(name, ok, {once: true});
  el.addEventListener('error', () => fail(name + ' failed'), {once: true});
});
async function main() {
  const out = [];
  out.push('canplay=' + v.canPlayType('video/mp4; codecs="avc1.640028, mp4a.40.2"'));
  t.track.mode = 'hidden';
  if (v.readyState < 1) await once(v, 'loadedmetadata');
  if (t.readyState !== 2) await once(t, 'load');
  out.push('duration=' + v.duration.toFixed(3));
  out.push('width=' + v.videoWidth);
  // Play half a second for real: both streams must decode.
  v.muted = false;
  await v.play();
  await new Promise(ok => setTimeout(ok, 700));
  v.pause();
  out.push('played=' + v.currentTime.toFixed(3));
  out.push('audiobytes=' + v.webkitAudioDecodedByteCount);
  out.push('videobytes=' + v.webkitVideoDecodedByteCount);
  out.push('cues=' + t.track.cues.length);
  for (let i = 0; i < times.length; ++i) {
    v.currentTime = times[i];
    await once(v, 'seeked');
    const active = Array.from(t.track.activeCues || []).map(c => c.text.replace(/\n/g, ' ')).join('|');
    out.push('cue' + i + '=' + active);
  }
  document.title = 'DONE ' + out.join(';');
}
main().catch(e => { document.title = 'ERROR ' + e; });
</script></body></html>)";

    fs::create_directories(dir.path / "profile");
    const auto values = report(page_title(page, dir.path / "profile"));
    INFO(rendered);
    CHECK(values.at("canplay") == "probably");
    CHECK(std::stod(values.at("duration")) > 5);
    CHECK(values.at("width") == "640");
    CHECK(std::stod(values.at("played")) > 0.1);    // the clock ran: the video decoded and played
    CHECK(std::stol(values.at("audiobytes")) > 0);  // AAC was decoded
    CHECK(std::stol(values.at("videobytes")) > 0);
    CHECK(std::stoul(values.at("cues")) == parse_webvtt(read_bytes(dir.path / "lesson.vtt")).size());
    for (std::size_t i = 0; i < expected.size(); ++i) {
        INFO("at " << expected[i].first << " s");
        CHECK(values.at("cue" + std::to_string(i)) == expected[i].second);
    }
}
