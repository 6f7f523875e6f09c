#pragma once
// The scene a preview shows: loaded and compiled once, kept in memory, and loaded again
// (on a thread of its own) each time the scene file or a file it uses is saved. A load
// that fails keeps the last good scene and records the error for the page.
#include "captions/cues.hpp"
#include "lint/lint.hpp"
#include "timeline/scene.hpp"
#include "watch/file_watcher.hpp"

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <filesystem>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

namespace attnreel::text {
class FontLibrary;
}

namespace attnreel::preview {

// Why the latest load failed, as the command line prints it.
struct LoadFailure {
    std::string message;  // "file:line:col: what" (the location first, when there is one)
    SourceMark mark;
};

// One moment of the session, never changed once made: requests hold on to it.
struct SessionState {
    std::uint64_t generation = 0;      // counts loads, good or bad
    std::uint64_t scene_serial = 0;    // counts good loads: which scene `scene` is
    std::shared_ptr<const Scene> scene;  // the last scene that loaded; null while none has
    std::vector<lint::Warning> warnings;  // of that scene
    std::vector<captions::Cue> cues;      // its captions (from the steps' say:)
    std::optional<LoadFailure> failure;   // why the latest load failed
    double load_seconds = 0;              // how long the latest load took
};

class SceneSession {
public:
    // Loads the scene once; a scene that does not load is a state with a failure, not an
    // exception, so the page can show the error and wait for a fix.
    explicit SceneSession(std::string scene_path);
    ~SceneSession();
    SceneSession(const SceneSession&) = delete;
    SceneSession& operator=(const SceneSession&) = delete;

    // Reloads in a thread of its own whenever an input file is saved, until stop().
    void start_watching();
    void stop();

    std::shared_ptr<const SessionState> state() const;
    // The state once its generation differs from `seen`, or the current one after `timeout`.
    std::shared_ptr<const SessionState> wait_for_change(std::uint64_t seen, std::chrono::milliseconds timeout) const;

    // Loads the scene again now (what a save triggers).
    void reload();

private:
    void watch_loop();

    const std::string path_;
    std::unique_ptr<text::FontLibrary> fonts_;   // reused between loads: its glyph outlines stay cached
    std::map<std::string, std::filesystem::file_time_type> font_times_;  // font files as last loaded
    std::vector<std::string> inputs_;            // what the latest load read

    mutable std::mutex mutex_;
    mutable std::condition_variable changed_;
    std::shared_ptr<const SessionState> state_;

    watch::FileWatcher watcher_;
    std::thread thread_;
    bool stopping_ = false;
};

}  // namespace attnreel::preview
