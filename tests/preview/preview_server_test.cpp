// The preview server over HTTP, as a browser sees it: the page, the state (with a long
// poll that answers on a save), frames identical to a render of the same time, and nothing
// else: no file is served, and pages of other hosts are refused.
#include "io/scene_file.hpp"
#include "preview/frame_png.hpp"
#include "preview/preview_server.hpp"
#include "preview_test_support.hpp"

#include <catch2/catch.hpp>
#include <httplib.h>
#include <nlohmann/json.hpp>

#include <future>
#include <thread>

using namespace attnreel;
using namespace attnreel::preview;
using namespace std::chrono_literals;

namespace {

// A server on a free port of the loopback address, serving in a thread of its own.
class RunningServer {
public:
    explicit RunningServer(const std::string& scene_path) : server_(options(scene_path)) {
        REQUIRE(server_.bind());
        thread_ = std::thread([this] { server_.run(); });
    }
    ~RunningServer() {
        server_.stop();
        thread_.join();
    }
    httplib::Client client() const {
        httplib::Client c("127.0.0.1", server_.port());
        c.set_read_timeout(30, 0);
        return c;
    }
    const PreviewServer& server() const { return server_; }

private:
    static PreviewOptions options(const std::string& scene_path) {
        PreviewOptions o;
        o.scene_path = scene_path;
        o.port = 0;
        return o;
    }
    PreviewServer server_;
    std::thread thread_;
};

}  // namespace

TEST_CASE("the preview answers on the loopback address with its page", "[preview]") {
    TempDir dir;
    RunningServer running(dir.write("scene.yaml", test::small_scene()));
    CHECK_THAT(running.server().url(), Catch::StartsWith("http://127.0.0.1:"));
    const auto page = running.client().Get("/");
    REQUIRE(page);
    CHECK(page->status == 200);
    CHECK(page->get_header_value("Content-Type") == "text/html; charset=utf-8");
    for (const char* part : {"id=\"scrubber\"", "id=\"play\"", "id=\"steps\"", "id=\"error\"", "/api/state"})
        CHECK_THAT(page->body, Catch::Contains(part));
}

TEST_CASE("the state lists the steps with their YAML lines, the length and the preview size", "[preview]") {
    TempDir dir;
    RunningServer running(dir.write("scene.yaml", test::small_scene()));
    const auto response = running.client().Get("/api/state");
    REQUIRE(response);
    const auto state = nlohmann::json::parse(response->body);
    CHECK(state["error"].is_null());
    const auto& scene = state["scene"];
    CHECK(scene["duration"] == 2.0);
    CHECK(scene["fps"] == 10.0);
    CHECK(scene["preview_width"] == 640);
    CHECK(scene["preview_height"] == 360);
    REQUIRE(scene["steps"].size() == 2);
    CHECK(scene["steps"][0]["line"] == 6);
    CHECK(scene["steps"][1]["line"] == 7);
    CHECK(scene["steps"][1]["start"] == 1.0);
    CHECK(scene["steps"][1]["description"] == "play write(title)");
}

TEST_CASE("a frame from the preview is the frame rendered at that time", "[preview]") {
    TempDir dir;
    const std::string path = dir.write("scene.yaml", test::small_scene());
    RunningServer running(path);
    const auto response = running.client().Get("/frame?t=0.5");
    REQUIRE(response);
    CHECK(response->status == 200);
    CHECK(response->get_header_value("Content-Type") == "image/png");
    text::FontLibrary fonts;
    const Scene scene = load_scene(path, fonts).scene;
    CHECK(response->body == render_png(scene, 0.5, 640, 360));
    CHECK(running.client().Get("/frame?t=0.5")->body == response->body);  // the second time from the cache
    CHECK(running.client().Get("/frame?t=7")->body == render_png(scene, 2, 640, 360));  // past the end: the end
}

TEST_CASE("the preview serves no files, whatever the path", "[preview]") {
    TempDir dir;
    const std::string path = dir.write("scene.yaml", test::small_scene());
    dir.write("secret.txt", "not for the browser");
    RunningServer running(path);
    auto client = running.client();
    for (const char* target : {"/scene.yaml", "/secret.txt", "/../secret.txt", "/%2e%2e/secret.txt", "/etc/passwd",
                               "/frame/../scene.yaml", "/api/../scene.yaml", "/index.html"}) {
        INFO(target);
        const auto response = client.Get(target);
        REQUIRE(response);
        CHECK(response->status == 404);
        CHECK(response->body.find("not for the browser") == std::string::npos);
    }
}

TEST_CASE("bad requests are answered with a status, not a crash", "[preview]") {
    TempDir dir;
    RunningServer running(dir.write("scene.yaml", test::small_scene()));
    auto client = running.client();
    CHECK(client.Get("/frame")->status == 400);
    CHECK(client.Get("/frame?t=soon")->status == 400);
    CHECK(client.Get("/frame?t=nan")->status == 400);
    CHECK(client.Get("/api/state?since=x")->status == 400);
    CHECK(client.Post("/frame?t=1", "", "text/plain")->status == 404);
}

TEST_CASE("a page of another host name is refused (DNS rebinding)", "[preview]") {
    TempDir dir;
    RunningServer running(dir.write("scene.yaml", test::small_scene()));
    auto client = running.client();
    CHECK(client.Get("/frame?t=1", {{"Host", "attacker.example"}})->status == 403);
    CHECK(client.Get("/", {{"Host", "localhost:8000"}})->status == 200);
}

TEST_CASE("a save answers a waiting state request, an invalid save keeps the frames of the last good scene",
          "[preview]") {
    TempDir dir;
    const std::string path = dir.write("scene.yaml", test::small_scene());
    RunningServer running(path);
    const auto before = running.client().Get("/frame?t=1")->body;

    auto waiting = std::async(std::launch::async, [&] { return running.client().Get("/api/state?since=1"); });
    std::this_thread::sleep_for(200ms);
    dir.write("scene.yaml", test::broken_scene());
    REQUIRE(waiting.wait_for(10s) == std::future_status::ready);
    const auto state = nlohmann::json::parse(waiting.get()->body);
    CHECK(state["generation"] == 2);
    CHECK(state["error"]["mark"]["line"] == 3);
    CHECK(state["scene"]["steps"].size() == 2);  // the last good scene's timeline
    CHECK(running.client().Get("/frame?t=1")->body == before);

    waiting = std::async(std::launch::async, [&] { return running.client().Get("/api/state?since=2"); });
    std::this_thread::sleep_for(200ms);
    dir.write("scene.yaml", test::small_scene("red"));
    REQUIRE(waiting.wait_for(10s) == std::future_status::ready);
    CHECK(nlohmann::json::parse(waiting.get()->body)["error"].is_null());
    CHECK(running.client().Get("/frame?t=1")->body != before);  // the red ring
}

TEST_CASE("a frame comes with the caption of its time when the scene speaks", "[preview]") {
    TempDir dir;
    RunningServer running(dir.write("scene.yaml", "scene: {size: [640, 360], fps: 10}\n"
                                                  "objects:\n"
                                                  "  - {id: ring, circle: {radius: 1.5}}\n"
                                                  "timeline:\n"
                                                  "  - play: {create: ring, run_time: 2}\n"
                                                  "    say: Attention, süß & sour\n"
                                                  "  - wait: 2\n"));
    const auto spoken = running.client().Get("/frame?t=1");
    REQUIRE(spoken);
    // Sent percent-encoded (a header is ASCII); cpp-httplib's client decodes it, as the page does.
    CHECK(spoken->get_header_value("X-Attnreel-Caption") == "Attention, süß & sour");
    const auto silent = running.client().Get("/frame?t=3.5");
    REQUIRE(silent);
    CHECK_FALSE(silent->has_header("X-Attnreel-Caption"));
}
