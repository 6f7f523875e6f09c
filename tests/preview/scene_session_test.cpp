// The scene a preview keeps in memory: loaded again on every save; a save that does not
// load keeps the last good scene and says where the mistake is.
#include "preview/scene_session.hpp"
#include "preview_test_support.hpp"

#include <catch2/catch.hpp>

#include <future>
#include <thread>

using namespace attnreel;
using namespace attnreel::preview;
using namespace std::chrono_literals;

TEST_CASE("a session loads its scene once, with its timeline", "[preview]") {
    TempDir dir;
    SceneSession session(dir.write("scene.yaml", test::small_scene()));
    const auto state = session.state();
    REQUIRE(state->scene);
    CHECK(state->generation == 1);
    CHECK(state->scene_serial == 1);
    CHECK_FALSE(state->failure);
    CHECK(state->scene->duration == Approx(2));
    CHECK(state->scene->steps.size() == 2);
}

TEST_CASE("a save that does not load keeps the last good scene and records the error's place", "[preview]") {
    TempDir dir;
    const std::string path = dir.write("scene.yaml", test::small_scene());
    SceneSession session(path);
    const auto good = session.state()->scene;

    dir.write("scene.yaml", test::broken_scene());
    session.reload();
    auto state = session.state();
    CHECK(state->generation == 2);
    CHECK(state->scene == good);  // the very scene that loaded before
    CHECK(state->scene_serial == 1);
    REQUIRE(state->failure);
    CHECK(state->failure->mark.line == 3);
    CHECK(state->failure->mark.column == 39);
    CHECK_THAT(state->failure->message, Catch::Contains("scene.yaml:3:39: unknown key 'colr'"));

    dir.write("scene.yaml", test::small_scene("red"));
    session.reload();
    state = session.state();
    CHECK(state->generation == 3);
    CHECK(state->scene_serial == 2);
    CHECK_FALSE(state->failure);
    CHECK(state->scene != good);
}

TEST_CASE("a scene that never loaded is a state with a failure, not an exception", "[preview]") {
    TempDir dir;
    SceneSession session(dir.write("scene.yaml", test::broken_scene()));
    const auto state = session.state();
    CHECK_FALSE(state->scene);
    REQUIRE(state->failure);
    CHECK(state->failure->mark.line == 3);
}

TEST_CASE("a watching session reloads on a save and wakes those waiting for a change", "[preview]") {
    TempDir dir;
    const std::string path = dir.write("scene.yaml", test::small_scene());
    SceneSession session(path);
    session.start_watching();
    auto waiting = std::async(std::launch::async, [&] { return session.wait_for_change(1, 10s); });
    std::this_thread::sleep_for(100ms);
    dir.write("scene.yaml", test::small_scene("green"));
    REQUIRE(waiting.wait_for(5s) == std::future_status::ready);
    const auto state = waiting.get();
    CHECK(state->generation == 2);
    CHECK(state->scene_serial == 2);
    session.stop();
}

TEST_CASE("waiting for a change gives the current state after the timeout", "[preview]") {
    TempDir dir;
    SceneSession session(dir.write("scene.yaml", test::small_scene()));
    const auto start = std::chrono::steady_clock::now();
    const auto state = session.wait_for_change(1, 200ms);
    CHECK(std::chrono::steady_clock::now() - start >= 190ms);
    CHECK(state->generation == 1);
}
