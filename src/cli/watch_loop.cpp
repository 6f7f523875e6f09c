#include "cli/watch_loop.hpp"

#include "cli/commands.hpp"
#include "cli/interrupt.hpp"
#include "watch/file_watcher.hpp"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <ctime>

namespace attnreel::cli {

namespace {

std::string clock_time() {
    const std::time_t now = std::time(nullptr);
    char text[16];
    std::strftime(text, sizeof text, "%H:%M:%S", std::localtime(&now));
    return text;
}

}  // namespace

int run_watching(const std::function<int(std::vector<std::string>& inputs)>& once) {
    watch::FileWatcher watcher;
    std::vector<std::string> inputs;
    for (bool first = true;; first = false) {
        std::vector<std::string> read;
        try {
            once(read);
        } catch (const Interrupted&) {
            throw;  // Ctrl-C during a run ends the watch too
        } catch (...) {
            report_error();
        }
        // Ctrl-C after the run's last check (its output written) ends the watch as well.
        if (const int signal = signal_during_last_guard()) throw Interrupted(signal);
        // A scene that failed to load early names fewer files: keep watching the others too.
        for (const auto& file : read)
            if (std::find(inputs.begin(), inputs.end(), file) == inputs.end()) inputs.push_back(file);
        if (first)
            std::fprintf(stderr, "watching %zu file%s for changes (Ctrl-C to stop)\n", inputs.size(),
                         inputs.size() == 1 ? "" : "s");
        std::fflush(stdout);
        watcher.watch(inputs);
        while (!watcher.wait(std::chrono::hours(24))) {
        }
        std::fprintf(stderr, "[%s] changed, running again\n", clock_time().c_str());
    }
}

}  // namespace attnreel::cli
