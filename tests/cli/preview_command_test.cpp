// `attnreel preview` as a user starts it: it prints the address (the loopback address),
// answers there, and Ctrl-C stops it.
#include "authoring_scenes.hpp"
#include "process_support.hpp"

#include <catch2/catch.hpp>
#include <httplib.h>

#include <regex>

using namespace attnreel;
using namespace attnreel::test;
using namespace std::chrono_literals;

TEST_CASE("preview prints its loopback address, serves the page there and stops on Ctrl-C", "[cli][preview]") {
    ScratchDir dir;
    const fs::path scene = dir.path / "scene.yaml", log = dir.path / "log.txt";
    write_bytes(scene, two_second_scene());
    const pid_t pid = start({"preview", scene.string(), "--port", "0"}, log);
    std::smatch address;
    const std::regex printed("attnreel preview: http://127\\.0\\.0\\.1:(\\d+)/");
    std::string text;
    for (int i = 0; i < 1000 && !std::regex_search(text, address, printed); ++i) {
        std::this_thread::sleep_for(20ms);
        text = read_bytes(log);
    }
    INFO(text);
    REQUIRE(!address.empty());
    httplib::Client client("127.0.0.1", std::stoi(address[1]));
    const auto page = client.Get("/");
    REQUIRE(page);
    CHECK(page->status == 200);
    const auto frame = client.Get("/frame?t=1");
    REQUIRE(frame);
    CHECK(frame->body.substr(1, 3) == "PNG");
    kill(pid, SIGINT);
    CHECK(exit_code_of(wait_for(pid, std::chrono::seconds(10))) == 0);
}

TEST_CASE("preview refuses a port it cannot have", "[cli][preview]") {
    ScratchDir dir;
    write_bytes(dir.path / "scene.yaml", two_second_scene());
    const Run r = run("preview scene.yaml --host 192.0.2.1 --port 7341", dir.path);  // not an address of this machine
    CHECK(r.exit_code == 2);
    CHECK_THAT(r.output, Catch::Contains("cannot listen on 192.0.2.1 port 7341"));
}
