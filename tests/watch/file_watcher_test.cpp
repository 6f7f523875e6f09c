// The file watcher behind --watch and the preview: it sees the ways editors save (write in
// place, write a new file and rename it over the old one, delete and re-create), ignores
// other files in the folder, and can be woken from another thread.
#include "../temp_dir.hpp"
#include "watch/file_watcher.hpp"

#include <catch2/catch.hpp>

#include <cstdio>
#include <filesystem>
#include <future>
#include <thread>

using namespace attnreel;
using namespace std::chrono_literals;

namespace {

// `save` runs in another thread a little after wait() began; the result of that wait.
bool change_seen(watch::FileWatcher& watcher, const std::function<void()>& save) {
    std::thread saver([&] {
        std::this_thread::sleep_for(50ms);
        save();
    });
    const bool changed = watcher.wait(3s, 20ms);
    saver.join();
    return changed;
}

}  // namespace

TEST_CASE("writing a watched file in place is a change", "[watch]") {
    TempDir dir;
    const std::string scene = dir.write("scene.yaml", "a: 1\n");
    watch::FileWatcher watcher;
    watcher.watch({scene});
    CHECK(change_seen(watcher, [&] { dir.write("scene.yaml", "a: 2\n"); }));
}

TEST_CASE("renaming a new file over a watched one is a change (editors that save atomically)", "[watch]") {
    TempDir dir;
    const std::string scene = dir.write("scene.yaml", "a: 1\n");
    watch::FileWatcher watcher;
    watcher.watch({scene});
    CHECK(change_seen(watcher, [&] {
        const std::string fresh = dir.write(".scene.yaml.swp", "a: 2\n");
        std::filesystem::rename(fresh, scene);
    }));
}

TEST_CASE("deleting a watched file and writing it again is a change", "[watch]") {
    TempDir dir;
    const std::string scene = dir.write("scene.yaml", "a: 1\n");
    watch::FileWatcher watcher;
    watcher.watch({scene});
    CHECK(change_seen(watcher, [&] {
        std::filesystem::remove(scene);
        dir.write("scene.yaml", "a: 2\n");
    }));
}

TEST_CASE("other files in the folder are not a change, and the wait times out", "[watch]") {
    TempDir dir;
    const std::string scene = dir.write("scene.yaml", "a: 1\n");
    watch::FileWatcher watcher;
    watcher.watch({scene});
    std::thread writer([&] {
        std::this_thread::sleep_for(20ms);
        dir.write("out.png", "not the scene");
    });
    const auto start = std::chrono::steady_clock::now();
    CHECK_FALSE(watcher.wait(300ms));
    CHECK(std::chrono::steady_clock::now() - start >= 290ms);
    writer.join();
}

TEST_CASE("a file in another folder is watched too, and the set can be replaced", "[watch]") {
    TempDir dir;
    std::filesystem::create_directories(dir.path() / "fonts");
    const std::string scene = dir.write("scene.yaml", "a: 1\n");
    const std::string font = dir.write("fonts/extra.ttf", "font");
    watch::FileWatcher watcher;
    watcher.watch({scene, font});
    CHECK(change_seen(watcher, [&] { dir.write("fonts/extra.ttf", "new font"); }));
    watcher.watch({scene});
    std::thread writer([&] { dir.write("fonts/extra.ttf", "newer font"); });
    writer.join();
    CHECK_FALSE(watcher.wait(200ms));
}

TEST_CASE("interrupt wakes a wait in another thread", "[watch]") {
    TempDir dir;
    watch::FileWatcher watcher;
    watcher.watch({dir.write("scene.yaml", "a: 1\n")});
    auto waiting = std::async(std::launch::async, [&] { return watcher.wait(std::chrono::hours(1)); });
    std::this_thread::sleep_for(50ms);
    watcher.interrupt();
    REQUIRE(waiting.wait_for(2s) == std::future_status::ready);
    CHECK_FALSE(waiting.get());
}

TEST_CASE("a save made while the command ran, before the files are watched again, is not lost", "[watch]") {
    TempDir dir;
    const std::string scene = dir.write("scene.yaml", "a: 1\n");
    watch::FileWatcher watcher;
    watcher.watch({scene});
    dir.write("scene.yaml", "a: 2\n");  // saved during the run that the last change started
    watcher.watch({scene});             // the watch loop arms the same files again after that run
    CHECK(watcher.wait(3s, 20ms));
}
