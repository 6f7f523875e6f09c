#include "watch/file_watcher.hpp"

#include <fcntl.h>
#include <poll.h>
#include <sys/inotify.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <optional>
#include <stdexcept>

namespace attnreel::watch {

namespace fs = std::filesystem;

namespace {

constexpr std::uint32_t kEvents = IN_CLOSE_WRITE | IN_MOVED_TO | IN_MOVED_FROM | IN_CREATE | IN_DELETE | IN_ATTRIB;

}  // namespace

FileWatcher::FileWatcher() {
    inotify_ = inotify_init1(IN_NONBLOCK | IN_CLOEXEC);
    if (inotify_ < 0) throw std::runtime_error(std::string("cannot watch files: ") + std::strerror(errno));
    if (pipe2(wake_, O_NONBLOCK | O_CLOEXEC) != 0) {
        close(inotify_);
        throw std::runtime_error(std::string("cannot watch files: ") + std::strerror(errno));
    }
}

FileWatcher::~FileWatcher() {
    close(inotify_);
    close(wake_[0]);
    close(wake_[1]);
}

void FileWatcher::watch(const std::vector<std::string>& files) {
    // A folder that stays watched keeps its watch descriptor (inotify_add_watch on a watched
    // folder returns the same one), so a save made while the command ran, still queued under
    // that descriptor, is seen by the next wait() rather than dropped.
    std::map<int, std::set<std::string>> wanted;
    for (const auto& file : files) {
        std::error_code error;
        const fs::path path = fs::absolute(file, error).lexically_normal();
        if (error) continue;
        const fs::path folder = path.has_parent_path() ? path.parent_path() : fs::path(".");
        const int wd = inotify_add_watch(inotify_, folder.c_str(), kEvents);
        if (wd < 0) continue;  // a folder that has gone: nothing in it can change
        wanted[wd].insert(path.filename().string());
    }
    for (const auto& [wd, names] : names_by_watch_)
        if (!wanted.count(wd)) inotify_rm_watch(inotify_, wd);
    names_by_watch_ = std::move(wanted);
}

bool FileWatcher::drain_events() {
    bool changed = false;
    alignas(inotify_event) char buffer[16384];
    for (;;) {
        const ssize_t n = read(inotify_, buffer, sizeof buffer);
        if (n <= 0) break;
        for (ssize_t at = 0; at < n;) {
            const auto* event = reinterpret_cast<const inotify_event*>(buffer + at);
            at += static_cast<ssize_t>(sizeof(inotify_event) + event->len);
            const auto it = names_by_watch_.find(event->wd);
            if (it != names_by_watch_.end() && event->len > 0 && it->second.count(event->name)) changed = true;
        }
    }
    return changed;
}

bool FileWatcher::wait(std::chrono::milliseconds timeout, std::chrono::milliseconds settle) {
    using Clock = std::chrono::steady_clock;
    const Clock::time_point deadline = Clock::now() + timeout;
    std::optional<Clock::time_point> quiet_at;  // after a change: when the files count as quiet
    for (;;) {
        const Clock::time_point until = quiet_at ? *quiet_at : deadline;
        const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(until - Clock::now()).count();
        if (left <= 0) return quiet_at.has_value();
        pollfd fds[2] = {{inotify_, POLLIN, 0}, {wake_[0], POLLIN, 0}};
        const int ready = poll(fds, 2, static_cast<int>(std::min<long long>(left, 1 << 30)));
        if (ready < 0 && errno == EINTR) continue;
        if (ready < 0) throw std::runtime_error(std::string("cannot watch files: ") + std::strerror(errno));
        if (fds[1].revents & POLLIN) {
            char drained[64];
            while (read(wake_[0], drained, sizeof drained) > 0) {
            }
            return false;
        }
        if ((fds[0].revents & POLLIN) && drain_events()) quiet_at = Clock::now() + settle;
    }
}

void FileWatcher::interrupt() {
    const char byte = 1;
    [[maybe_unused]] const ssize_t n = write(wake_[1], &byte, 1);
}

}  // namespace attnreel::watch
