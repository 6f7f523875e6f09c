#pragma once
// ProgressReporter: how far a render is, on stderr. On a terminal a single bar redrawn in
// place (frames done/total, frames per second, time left); otherwise a plain line at 25, 50,
// 75 and 100 % so logs stay short; or nothing at all. Call it from one thread.
#include <chrono>
#include <cstdio>
#include <string>

namespace attnreel {

enum class ProgressStyle { automatic, bar, lines, quiet };  // automatic: bar on a terminal, else lines

class ProgressReporter {
public:
    ProgressReporter(std::string label, int total, ProgressStyle style = ProgressStyle::automatic,
                     std::FILE* out = stderr);
    // `done` frames of `total` are complete.
    void update(int done);
    // Ends the display (the bar's line is closed). Safe to call more than once.
    void finish();
    ProgressStyle style() const { return style_; }

private:
    using Clock = std::chrono::steady_clock;
    void draw_bar(int done, double seconds);
    void print_line(int done, double seconds);

    std::string label_;
    int total_;
    ProgressStyle style_;
    std::FILE* out_;
    Clock::time_point start_ = Clock::now();
    Clock::time_point last_draw_{};
    int next_quarter_ = 1;  // lines style: the next quarter to report
    bool bar_open_ = false;
};

// "1:05" for 65 seconds, "1:02:03" past an hour.
std::string format_duration(double seconds);

}  // namespace attnreel
