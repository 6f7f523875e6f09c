#include "preview/scene_session.hpp"

#include "io/scene_file.hpp"
#include "text/font_library.hpp"

#include <algorithm>

namespace attnreel::preview {

namespace fs = std::filesystem;

namespace {

// The modification times of the font files among `inputs`: when one changes, cached
// outlines of the old font must not be reused.
std::map<std::string, fs::file_time_type> font_times(const std::vector<std::string>& inputs,
                                                     const std::string& scene_path) {
    std::map<std::string, fs::file_time_type> times;
    for (const auto& file : inputs) {
        if (file == scene_path || fs::path(file).extension() == ".yaml") continue;
        std::error_code error;
        const auto time = fs::last_write_time(file, error);
        if (!error) times[file] = time;
    }
    return times;
}

}  // namespace

SceneSession::SceneSession(std::string scene_path)
    : path_(std::move(scene_path)), fonts_(std::make_unique<text::FontLibrary>()) {
    reload();
}

SceneSession::~SceneSession() { stop(); }

void SceneSession::reload() {
    const auto start = std::chrono::steady_clock::now();
    const std::shared_ptr<const SessionState> previous = state();
    auto next = std::make_shared<SessionState>();
    next->generation = previous ? previous->generation + 1 : 1;
    if (previous) {
        next->scene_serial = previous->scene_serial;
        next->scene = previous->scene;
        next->warnings = previous->warnings;
        next->cues = previous->cues;
    }
    std::vector<std::string> inputs;
    if (!font_times_.empty() && font_times(inputs_, path_) != font_times_)
        fonts_ = std::make_unique<text::FontLibrary>();  // a font file changed: forget its outlines
    try {
        LoadedScene loaded = load_scene(path_, *fonts_, &inputs);
        next->warnings = lint::lint_scene(loaded.spec, loaded.scene, *fonts_);
        next->cues = loaded.scene.narration.empty() ? std::vector<captions::Cue>{} : captions::make_cues(loaded.scene);
        next->scene = std::make_shared<const Scene>(std::move(loaded.scene));
        ++next->scene_serial;
    } catch (const InputError& e) {
        next->failure = LoadFailure{e.what(), e.mark()};
    } catch (const std::exception& e) {
        next->failure = LoadFailure{std::string("internal error: ") + e.what(), SourceMark{path_}};
    }
    inputs_ = inputs;
    font_times_ = font_times(inputs_, path_);
    next->load_seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    {
        const std::lock_guard lock(mutex_);
        state_ = std::move(next);
    }
    changed_.notify_all();
    watcher_.watch(inputs_);
}

std::shared_ptr<const SessionState> SceneSession::state() const {
    const std::lock_guard lock(mutex_);
    return state_;
}

std::shared_ptr<const SessionState> SceneSession::wait_for_change(std::uint64_t seen,
                                                                  std::chrono::milliseconds timeout) const {
    std::unique_lock lock(mutex_);
    changed_.wait_for(lock, timeout, [&] { return stopping_ || (state_ && state_->generation != seen); });
    return state_;
}

void SceneSession::start_watching() {
    if (thread_.joinable()) return;
    thread_ = std::thread([this] { watch_loop(); });
}

void SceneSession::stop() {
    {
        const std::lock_guard lock(mutex_);
        stopping_ = true;
    }
    changed_.notify_all();
    watcher_.interrupt();
    if (thread_.joinable()) thread_.join();
}

void SceneSession::watch_loop() {
    for (;;) {
        {
            const std::lock_guard lock(mutex_);
            if (stopping_) return;
        }
        if (watcher_.wait(std::chrono::seconds(3600))) reload();
    }
}

}  // namespace attnreel::preview
