// An SVG frame in a real browser: Debian's headless Chromium shows it at its pixel size
// (not scaled as points would be), both opened directly and as an <img>, and what it paints
// matches the PNG frame of the same time. CTest label `browser`.
#include "../encode/encode_test_support.hpp"
#include "chromium.hpp"

#include <catch2/catch.hpp>

#include <sys/wait.h>

#include <cstdio>

using namespace attnreel;
using namespace attnreel::test;

namespace {

int run_attnreel(const std::string& arguments) {
    const int status = std::system((std::string(ATTNREEL_BINARY) + " " + arguments + " >/dev/null 2>&1").c_str());
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

}  // namespace

TEST_CASE("an SVG frame shows in Chromium at its size in pixels, and looks like the PNG frame") {
    ScratchDir dir;
    const std::string scene = std::string(ATTNREEL_SOURCE_DIR) + "/examples/self_attention_arrows.yaml";
    const fs::path svg = dir.path / "frame.svg", png = dir.path / "frame.png";
    REQUIRE(run_attnreel("frame '" + scene + "' --at end --size 1280x720 -o '" + svg.string() + "'") == 0);
    REQUIRE(run_attnreel("frame '" + scene + "' --at end --size 1280x720 -o '" + png.string() + "'") == 0);
    const fs::path page = dir.path / "page.html";
    write_bytes(page, "<!doctype html><html><body style='margin:0'><img id='frame' src='frame.svg'></body></html>");

    fs::create_directories(dir.path / "profile");
    Chromium browser(dir.path / "profile", {"--allow-file-access-from-files", "--force-device-scale-factor=1"});
    const std::string direct = browser.open("file://" + svg.string());
    REQUIRE(browser.wait_until(direct, "document.documentElement.tagName === 'svg'"));
    const auto box = browser.evaluate(direct, "(() => { const r = document.documentElement.getBoundingClientRect(); "
                                              "return [r.width, r.height]; })()");
    CHECK(box == nlohmann::json::array({1280, 720}));
    // Every text object is a group with its words as <title>: the example's heading is one.
    const auto titles = browser.evaluate(direct, "Array.from(document.querySelectorAll('g > title')).map(t => t.textContent)");
    CHECK(std::find(titles.begin(), titles.end(), "Self-Attention Mechanism") != titles.end());

    const std::string session = browser.open("file://" + page.string());
    REQUIRE(browser.wait_until(session, "document.getElementById('frame').complete"));
    const auto natural = browser.evaluate(session, "(() => { const i = document.getElementById('frame'); "
                                                   "return [i.naturalWidth, i.naturalHeight, i.width, i.height]; })()");
    CHECK(natural == nlohmann::json::array({1280, 720, 1280, 720}));

    // The browser's picture of the SVG against the PNG frame: drawn into a canvas at 1280x720.
    const std::string data_url = browser.evaluate(
        session, "(() => { const i = document.getElementById('frame'); const c = document.createElement('canvas'); "
                 "c.width = 1280; c.height = 720; c.getContext('2d').drawImage(i, 0, 0); "
                 "return c.toDataURL('image/png'); })()");
    const std::string prefix = "data:image/png;base64,";
    REQUIRE(data_url.rfind(prefix, 0) == 0);
    write_bytes(dir.path / "browser.png", decode_base64(data_url.substr(prefix.size())));
    const Frame seen = load_png(dir.path / "browser.png"), expected = load_png(png);
    REQUIRE(seen.width == 1280);
    // Two rasterisers differ only in antialiasing at edges.
    CHECK(psnr(seen, expected) > 30);
}
