#pragma once
// Waiting for files to change, for `--watch` and the preview server. Editors save in
// different ways (write in place, write a new file and rename it over the old one, delete
// and re-create), so the watcher watches the folders that hold the files (Linux inotify)
// and reacts to any event that names one of them.
#include <chrono>
#include <map>
#include <set>
#include <string>
#include <vector>

namespace attnreel::watch {

class FileWatcher {
public:
    FileWatcher();  // std::runtime_error when inotify is unavailable
    ~FileWatcher();
    FileWatcher(const FileWatcher&) = delete;
    FileWatcher& operator=(const FileWatcher&) = delete;

    // The files to watch from now on (replacing the previous set). A file need not exist
    // yet; its folder must.
    void watch(const std::vector<std::string>& files);

    // Blocks until a watched file changes or `timeout` passes, or interrupt() is called.
    // After a change it waits until the files have been quiet for `settle` (a save is often
    // several writes) and returns true; false on timeout or interrupt.
    bool wait(std::chrono::milliseconds timeout, std::chrono::milliseconds settle = std::chrono::milliseconds(30));

    // Wakes a wait() in another thread, which then returns false. Safe from any thread.
    void interrupt();

private:
    // Reads the pending events; true when one names a watched file.
    bool drain_events();

    int inotify_ = -1;
    int wake_[2] = {-1, -1};                             // a pipe: interrupt() writes, wait() polls
    std::map<int, std::set<std::string>> names_by_watch_;  // watch descriptor → file names in its folder
};

}  // namespace attnreel::watch
