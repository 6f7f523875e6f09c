// `attnreel preview` in a real browser (Debian's headless Chromium, through the DevTools
// protocol): the page loads, the scrubber shows the frame `attnreel frame --at` draws for
// that time, the time is kept in the address, steps are listed with their lines and jump
// when clicked, play runs at real speed, a save refreshes the page at the same time, and an
// invalid save shows its error and line while keeping the last good frame.
// CTest label `browser` (scripts/test-slow.sh, which installs Chromium when it is missing).
#include "../cli/process_support.hpp"
#include "chromium.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <regex>

using namespace attnreel;
using namespace attnreel::test;
using namespace std::chrono_literals;

namespace {

// `attnreel preview` on a free port; stopped with Ctrl-C at the end.
class PreviewProcess {
public:
    PreviewProcess(const fs::path& scene, const fs::path& log) {
        pid_ = start({"preview", scene.string(), "--port", "0"}, log);
        const std::regex printed("attnreel preview: (http://127\\.0\\.0\\.1:\\d+/)");
        std::smatch found;
        std::string text;
        for (int i = 0; i < 1500 && !std::regex_search(text, found, printed); ++i) {
            std::this_thread::sleep_for(20ms);
            text = read_bytes(log);
        }
        INFO(text);
        REQUIRE(!found.empty());
        url_ = found[1];
    }
    ~PreviewProcess() {
        kill(pid_, SIGINT);
        wait_for(pid_, std::chrono::seconds(10));
    }
    const std::string& url() const { return url_; }

private:
    pid_t pid_ = -1;
    std::string url_;
};

// The picture the page shows, drawn into a canvas and read back as PNG.
Frame shown_frame(Chromium& browser, const std::string& page, const fs::path& dir) {
    const std::string url = browser.evaluate(page, R"((() => {
        const img = document.getElementById("frame");
        const canvas = document.createElement("canvas");
        canvas.width = img.naturalWidth;
        canvas.height = img.naturalHeight;
        canvas.getContext("2d").drawImage(img, 0, 0);
        return canvas.toDataURL("image/png");
    })())");
    const std::string prefix = "data:image/png;base64,";
    REQUIRE(url.rfind(prefix, 0) == 0);
    const fs::path png = dir / "shown.png";
    write_bytes(png, decode_base64(url.substr(prefix.size())));
    return load_png(png);
}

// What `attnreel frame` draws at t, at the preview's size.
Frame frame_at_time(const fs::path& scene, const std::string& at, const fs::path& dir) {
    const fs::path png = dir / "reference.png";
    const Run r = run("frame " + quoted(scene) + " --at " + at + " --size 1280x720 -o " + quoted(png));
    INFO(r.output);
    REQUIRE(r.exit_code == 0);
    return load_png(png);
}

// Pixels whose channels differ by more than 2 (a browser may round when it decodes).
int differing_pixels(const Frame& a, const Frame& b) {
    REQUIRE(a.width == b.width);
    REQUIRE(a.height == b.height);
    int count = 0;
    for (std::size_t i = 0; i < a.pixels.size(); ++i)
        for (int shift : {0, 8, 16}) {
            const int d = static_cast<int>((a.pixels[i] >> shift) & 0xff) - static_cast<int>((b.pixels[i] >> shift) & 0xff);
            if (std::abs(d) > 2) {
                ++count;
                break;
            }
        }
    return count;
}

// The time the page is at, from its clock ("3.00 / 12.30 s · frame 90").
double page_time(Chromium& browser, const std::string& page) {
    return browser.evaluate(page, "parseFloat(document.getElementById('time').textContent)").get<double>();
}

// The line (from 1) where `text` first occurs.
int line_of(const std::string& file, const std::string& text) {
    const auto at = file.find(text);
    REQUIRE(at != std::string::npos);
    return 1 + static_cast<int>(std::count(file.begin(), file.begin() + static_cast<std::ptrdiff_t>(at), '\n'));
}

std::string replaced(std::string text, const std::string& from, const std::string& to) {
    const auto at = text.find(from);
    REQUIRE(at != std::string::npos);
    return text.replace(at, from.size(), to);
}

}  // namespace

TEST_CASE("the preview page scrubs, plays, follows saves and shows errors in a real browser", "[browser][preview]") {
    ScratchDir dir;
    const fs::path scene = dir.path / "formulas.yaml";
    const std::string original = read_bytes(fs::path(ATTNREEL_SOURCE_DIR) / "examples" / "formulas.yaml");
    write_bytes(scene, original);
    PreviewProcess preview(scene, dir.path / "preview.log");
    fs::create_directories(dir.path / "profile");
    Chromium browser(dir.path / "profile");
    const std::string page = browser.open(preview.url());
    REQUIRE(browser.wait_until(page, "document.getElementById('frame').dataset.serial === '1'"));

    SECTION("the timeline's steps are listed with their YAML lines; a click jumps to a step") {
        // The steps as `attnreel check` prints them: "0.00 – 1.00 s  play …  (step 0, line 69)".
        const Run check = run("check " + quoted(scene));
        REQUIRE(check.exit_code == 0);
        const std::regex step_line(R"(([0-9.]+) – +([0-9.]+) s .*\(step \d+, line (\d+)\))");
        std::vector<std::smatch> steps;
        for (auto it = std::sregex_iterator(check.output.begin(), check.output.end(), step_line);
             it != std::sregex_iterator(); ++it)
            steps.push_back(*it);
        REQUIRE(steps.size() >= 3);
        CHECK(browser.evaluate(page, "document.querySelectorAll('#steps li').length").get<std::size_t>() == steps.size());
        CHECK_THAT(browser.evaluate(page, "document.querySelector('#steps li').textContent").get<std::string>(),
                   Catch::Contains("line " + steps[0][3].str()));
        browser.evaluate(page, "document.querySelectorAll('#steps li')[1].click()");
        const double start = std::stod(steps[1][1].str());
        CHECK(page_time(browser, page) == Approx(start).margin(0.005));
        browser.evaluate(page, "document.getElementById('next-frame').click()");
        CHECK(page_time(browser, page) == Approx(start + 1.0 / 30).margin(0.005));  // the clock shows hundredths
        browser.evaluate(page, "document.getElementById('next-step').click()");
        CHECK(page_time(browser, page) == Approx(std::stod(steps[2][1].str())).margin(0.005));
    }

    SECTION("play runs at the scene's own speed") {
        browser.evaluate(page, "document.getElementById('play').click()");
        std::this_thread::sleep_for(1500ms);
        browser.evaluate(page, "document.getElementById('play').click()");
        const double t = page_time(browser, page);
        CHECK(t > 1.0);  // 1.5 s of wall time went by (a busy machine shows fewer frames, not slower time)
        CHECK(t < 2.5);
    }

    SECTION("scrubbing shows the frame `frame --at` draws, keeps the time in the address, and a save keeps it") {
        browser.evaluate(page, "{ const s = document.getElementById('scrubber'); s.value = 90;"
                               "s.dispatchEvent(new Event('input')); }");
        REQUIRE(browser.wait_until(page, "document.getElementById('frame').dataset.time === '3'"));
        CHECK(browser.evaluate(page, "new URL(location.href).searchParams.get('t')") == "3");
        CHECK(differing_pixels(shown_frame(browser, page, dir.path), frame_at_time(scene, "3", dir.path)) == 0);

        // A save: the page reloads the scene and shows the new frame at the same time.
        write_bytes(scene, replaced(original, "background: \"#0f172a\"", "background: \"#3b0764\""));
        REQUIRE(browser.wait_until(page, "document.getElementById('frame').dataset.serial === '2'"));
        CHECK(browser.evaluate(page, "document.getElementById('frame').dataset.time") == "3");
        const Frame edited = shown_frame(browser, page, dir.path);
        CHECK(differing_pixels(edited, frame_at_time(scene, "3", dir.path)) == 0);

        // An invalid save: the error and its line appear; the last good frame stays.
        const std::string bad_line = std::to_string(line_of(original, "    font_size: 60\n"));
        write_bytes(scene, replaced(original, "    font_size: 60\n", "    font_sise: 60\n"));
        REQUIRE(browser.wait_until(page, "!document.getElementById('error').hidden"));
        const std::string error = browser.evaluate(page, "document.getElementById('error').textContent");
        CHECK_THAT(error, Catch::Contains("Line " + bad_line + ", column 5"));
        CHECK_THAT(error, Catch::Contains("formulas.yaml:" + bad_line + ":5: unknown key 'font_sise'"));
        CHECK(browser.evaluate(page, "document.getElementById('frame').dataset.serial") == "2");
        CHECK(differing_pixels(shown_frame(browser, page, dir.path), edited) == 0);

        // Fixed again: the error goes.
        write_bytes(scene, original);
        REQUIRE(browser.wait_until(page, "document.getElementById('frame').dataset.serial === '3'"));
        CHECK(browser.evaluate(page, "document.getElementById('error').hidden") == true);
    }
}
