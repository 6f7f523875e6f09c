// `--watch`: the command runs again on every save of the scene; a save that does not load
// prints its error and the watch goes on; Ctrl-C ends it.
#include "authoring_scenes.hpp"
#include "process_support.hpp"

#include <catch2/catch.hpp>

using namespace attnreel;
using namespace attnreel::test;
using namespace std::chrono_literals;

namespace {

// Polls until `ready` holds, at most `limit`.
template <class Ready>
bool eventually(Ready ready, std::chrono::seconds limit = std::chrono::seconds(20)) {
    const auto deadline = std::chrono::steady_clock::now() + limit;
    while (std::chrono::steady_clock::now() < deadline) {
        if (ready()) return true;
        std::this_thread::sleep_for(20ms);
    }
    return ready();
}

// Ends a watching command as Ctrl-C does; it must stop at once.
void interrupt(pid_t pid) {
    kill(pid, SIGINT);
    const int code = exit_code_of(wait_for(pid, std::chrono::seconds(10)));
    CHECK((code == -SIGINT || code == 130));
}

}  // namespace

TEST_CASE("frame --watch renders again on every save and survives a save that does not load", "[cli][watch]") {
    ScratchDir dir;
    const fs::path scene = dir.path / "scene.yaml", png = dir.path / "f.png", log = dir.path / "log.txt";
    write_bytes(scene, two_second_scene("blue"));
    const pid_t pid = start({"frame", scene.string(), "--at", "1", "-o", png.string(), "--watch"}, log);
    REQUIRE(eventually([&] { return fs::exists(png) && read_bytes(log).find("watching") != std::string::npos; }));
    const std::string blue = read_bytes(png);

    write_bytes(scene, two_second_scene("red"));
    CHECK(eventually([&] { return fs::exists(png) && read_bytes(png) != blue; }));
    const std::string red = read_bytes(png);

    write_bytes(scene, "objects:\n  - {id: ring, circle: {radius: 1.5}, colr: blue}\ntimeline: []\n");
    CHECK(eventually([&] { return read_bytes(log).find("scene.yaml:2:39: unknown key 'colr'") != std::string::npos; }));
    CHECK(read_bytes(png) == red);  // the last good output stays

    write_bytes(scene, two_second_scene("green"));
    CHECK(eventually([&] { return read_bytes(png) != red; }));
    interrupt(pid);
}

TEST_CASE("render --watch renders the video again on a save", "[cli][watch]") {
    ScratchDir dir;
    const fs::path scene = dir.path / "scene.yaml", gif = dir.path / "clip.gif", log = dir.path / "log.txt";
    write_bytes(scene, two_second_scene("blue"));
    const pid_t pid =
        start({"render", scene.string(), "--quiet", "--size", "160x90", "--fps", "5", "-o", gif.string(), "--watch"}, log);
    REQUIRE(eventually([&] { return fs::exists(gif) && read_bytes(log).find("watching") != std::string::npos; }));
    const std::string first = read_bytes(gif);
    write_bytes(scene, two_second_scene("red"));
    CHECK(eventually([&] { return fs::exists(gif) && read_bytes(gif) != first; }));
    interrupt(pid);
}
