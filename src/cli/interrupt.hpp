#pragma once
// Stopping on a signal without leaving a temporary file behind. While an InterruptGuard
// lives, SIGINT, SIGTERM, SIGHUP and SIGQUIT only set a flag: the command looks at it where
// it can stop cleanly (between frames, before the output replaces the old one) and throws,
// so that unwinding removes the temporary files and the previous output stays as it was.
// Outside a guard (while a scene loads, when there is nothing to clean up) signals keep
// their default effect; a signal the process was started ignoring (nohup) stays ignored.
#include <atomic>
#include <csignal>
#include <stdexcept>
#include <string>

namespace attnreel::cli {

class InterruptGuard {
public:
    InterruptGuard();   // installs the handlers and clears the flag
    ~InterruptGuard();  // restores the handlers that were there before
    InterruptGuard(const InterruptGuard&) = delete;
    InterruptGuard& operator=(const InterruptGuard&) = delete;

    // Set by the first of the signals; for the render pipeline and the GIF's second pass.
    std::atomic<bool>* flag();
    // The signal that arrived, or 0.
    int signal() const;
    // Throws Interrupted when a signal has arrived.
    void check() const;

private:
    struct sigaction previous_[4];
};

// The signal that arrived while the latest guard lived, or 0. A signal can come after the
// guard's last check (the output already replaced): `--watch` looks here before waiting again.
int signal_during_last_guard();

// A command stopped by a signal; its exit code is 128 + the signal's number, as a shell's.
struct Interrupted : std::runtime_error {
    explicit Interrupted(int signal);
    int signal;
    int exit_code() const { return 128 + signal; }
};

// "SIGINT", "SIGTERM", …
std::string signal_name(int signal);

}  // namespace attnreel::cli
