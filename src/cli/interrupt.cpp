#include "cli/interrupt.hpp"

namespace attnreel::cli {

namespace {

constexpr int kSignals[4] = {SIGINT, SIGTERM, SIGHUP, SIGQUIT};

std::atomic<bool> g_interrupted{false};
std::atomic<int> g_signal{0};

// Async-signal-safe: lock-free atomics only.
extern "C" void on_signal(int signal) {
    int none = 0;
    g_signal.compare_exchange_strong(none, signal);
    g_interrupted.store(true);
}

}  // namespace

InterruptGuard::InterruptGuard() {
    g_interrupted.store(false);
    g_signal.store(0);
    struct sigaction action {};
    action.sa_handler = on_signal;
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_RESTART;  // a write interrupted by a signal carries on
    for (int i = 0; i < 4; ++i) {
        sigaction(kSignals[i], nullptr, &previous_[i]);
        // An ignored signal stays ignored: `nohup attnreel render …` must survive the
        // terminal's SIGHUP, and a shell's background job ignores SIGINT and SIGQUIT.
        if (previous_[i].sa_handler != SIG_IGN) sigaction(kSignals[i], &action, nullptr);
    }
}

InterruptGuard::~InterruptGuard() {
    for (int i = 0; i < 4; ++i)
        if (previous_[i].sa_handler != SIG_IGN) sigaction(kSignals[i], &previous_[i], nullptr);
}

std::atomic<bool>* InterruptGuard::flag() { return &g_interrupted; }

int InterruptGuard::signal() const { return g_signal.load(); }

void InterruptGuard::check() const {
    if (g_interrupted.load()) throw Interrupted(signal());
}

int signal_during_last_guard() { return g_signal.load(); }

Interrupted::Interrupted(int signal) : std::runtime_error("interrupted by " + signal_name(signal)), signal(signal) {}

std::string signal_name(int signal) {
    switch (signal) {
    case SIGINT: return "SIGINT";
    case SIGTERM: return "SIGTERM";
    case SIGHUP: return "SIGHUP";
    case SIGQUIT: return "SIGQUIT";
    default: return "signal " + std::to_string(signal);
    }
}

}  // namespace attnreel::cli
