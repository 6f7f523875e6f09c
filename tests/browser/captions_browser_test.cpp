// The narrated example lesson in a real browser: Debian's headless Chromium plays the MP4
// (H.264 and AAC) with its WebVTT file as a <track>; at the middle of every step that has
// a say:, the active cue's text is that line. CTest label `browser` (scripts/test-slow.sh,
// which installs Chromium when it is missing).
#include "../captions/webvtt_parser.hpp"
#include "../encode/encode_test_support.hpp"

#include <catch2/catch.hpp>

#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <array>
#include <cstdio>
#include <fstream>
#include <map>
#include <regex>
#include <sstream>
#include <thread>

extern char** environ;

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

std::string chromium() {
    for (const char* path : {"/usr/bin/chromium", "/usr/bin/chromium-browser"})
        if (fs::exists(path)) return path;
    return "";
}

// Headless Chromium driven through the DevTools protocol on a pipe (--remote-debugging-pipe:
// JSON messages ended by NUL, the browser reads fd 3 and writes fd 4).
class Chromium {
public:
    explicit Chromium(const fs::path& profile) {
        int to_browser[2], from_browser[2];
        REQUIRE(pipe(to_browser) == 0);
        REQUIRE(pipe(from_browser) == 0);
        std::vector<std::string> words = {chromium(),
                                          "--headless",
                                          "--no-sandbox",
                                          "--disable-gpu",
                                          "--no-first-run",
                                          "--disable-background-networking",
                                          "--disable-component-update",
                                          "--disable-sync",
                                          "--user-data-dir=" + profile.string(),
                                          "--allow-file-access-from-files",  // the page reads the .vtt beside it
                                          "--autoplay-policy=no-user-gesture-required",
                                          "--remote-debugging-pipe",
                                          "about:blank"};
        std::vector<char*> argv;
        for (auto& w : words) argv.push_back(w.data());
        argv.push_back(nullptr);
        posix_spawn_file_actions_t actions;
        posix_spawn_file_actions_init(&actions);
        posix_spawn_file_actions_adddup2(&actions, to_browser[0], 3);
        posix_spawn_file_actions_adddup2(&actions, from_browser[1], 4);
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0);
        REQUIRE(posix_spawn(&pid_, argv[0], &actions, nullptr, argv.data(), environ) == 0);
        posix_spawn_file_actions_destroy(&actions);
        close(to_browser[0]);
        close(from_browser[1]);
        out_ = to_browser[1];
        in_ = from_browser[0];
    }
    ~Chromium() {
        send(R"("method":"Browser.close")");
        close(out_);
        close(in_);
        const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(10);
        int status = 0;
        while (waitpid(pid_, &status, WNOHANG) == 0) {
            if (std::chrono::steady_clock::now() > deadline) {
                kill(pid_, SIGKILL);
                waitpid(pid_, &status, 0);
                break;
            }
            std::this_thread::sleep_for(std::chrono::milliseconds(20));
        }
    }

    // Sends a command ("method":…,"params":…) and returns the browser's answer to it.
    std::string call(const std::string& body, const std::string& session = "") {
        const int id = send(body, session);
        const std::string tag = "\"id\":" + std::to_string(id) + ",";
        for (;;) {
            for (std::size_t end; (end = buffer_.find('\0')) != std::string::npos;) {
                std::string message = buffer_.substr(0, end);
                buffer_.erase(0, end + 1);
                if (message.find(tag) != std::string::npos) return message;
            }
            char chunk[65536];
            const ssize_t n = read(in_, chunk, sizeof chunk);
            REQUIRE(n > 0);
            buffer_.append(chunk, static_cast<std::size_t>(n));
        }
    }

private:
    int send(const std::string& body, const std::string& session = "") {
        const int id = ++last_id_;
        std::string message = "{\"id\":" + std::to_string(id) + "," +
                              (session.empty() ? "" : "\"sessionId\":\"" + session + "\",") + body + "}";
        message.push_back('\0');
        if (write(out_, message.data(), message.size()) != static_cast<ssize_t>(message.size())) return id;
        return id;
    }

    pid_t pid_ = -1;
    int out_ = -1, in_ = -1;
    int last_id_ = 0;
    std::string buffer_;
};

std::string field(const std::string& json, const std::string& name) {
    std::smatch m;
    REQUIRE(std::regex_search(json, m, std::regex("\"" + name + "\":\"((?:[^\"\\\\]|\\\\.)*)\"")));
    return m[1];
}

// Opens `page` in headless Chromium (a fresh profile in `profile`) and returns the page's
// title once its script has set it to "DONE …" or "ERROR …" (at most a minute).
std::string page_title(const fs::path& page, const fs::path& profile) {
    Chromium browser(profile);
    const std::string target =
        field(browser.call(R"("method":"Target.createTarget","params":{"url":"file://)" + page.string() + R"("})"),
              "targetId");
    const std::string session = field(
        browser.call(R"("method":"Target.attachToTarget","params":{"targetId":")" + target + R"(","flatten":true})"),
        "sessionId");
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(60);
    while (std::chrono::steady_clock::now() < deadline) {
        const std::string answer = browser.call(
            R"("method":"Runtime.evaluate","params":{"expression":"document.title","returnByValue":true})", session);
        std::smatch m;
        if (std::regex_search(answer, m, std::regex(R"re("value":"((DONE|ERROR)(?:[^"\\]|\\.)*)")re"))) return m[1];
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

// A JSON string's content with its escapes (\" \\ \n \u00e9…) undone; ASCII is enough here.
std::string unescape_json(const std::string& s) {
    std::string out;
    for (std::size_t i = 0; i < s.size(); ++i) {
        if (s[i] != '\\' || i + 1 >= s.size()) {
            out += s[i];
            continue;
        }
        const char c = s[++i];
        if (c == 'n')
            out += '\n';
        else if (c == 't')
            out += '\t';
        else if (c == 'u' && i + 4 < s.size()) {
            out += static_cast<char>(std::stoi(s.substr(i + 1, 4), nullptr, 16));
            i += 4;
        } else
            out += c;
    }
    return out;
}

}  // namespace

TEST_CASE("the narrated example plays in headless Chromium with sound and the step's caption at each time",
          "[browser]") {
    REQUIRE_FALSE(chromium().empty());
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

    const auto values = report(unescape_json(page_title(page, dir.path / "profile")));
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
