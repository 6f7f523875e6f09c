#include "encode/progress.hpp"

#include <unistd.h>
#include <algorithm>
#include <cmath>

namespace attnreel {

std::string format_duration(double seconds) {
    const long total = std::max(0L, std::lround(seconds));
    char text[32];
    if (total >= 3600)
        std::snprintf(text, sizeof text, "%ld:%02ld:%02ld", total / 3600, total / 60 % 60, total % 60);
    else
        std::snprintf(text, sizeof text, "%ld:%02ld", total / 60, total % 60);
    return text;
}

ProgressReporter::ProgressReporter(std::string label, int total, ProgressStyle style, std::FILE* out)
    : label_(std::move(label)),
      total_(std::max(total, 0)),
      style_(style),
      out_(out) {
    if (style_ == ProgressStyle::automatic)
        style_ = ::isatty(::fileno(out_)) ? ProgressStyle::bar : ProgressStyle::lines;
}

void ProgressReporter::update(int done) {
    const double seconds = std::chrono::duration<double>(Clock::now() - start_).count();
    if (style_ == ProgressStyle::bar) draw_bar(done, seconds);
    if (style_ == ProgressStyle::lines) print_line(done, seconds);
}

void ProgressReporter::finish() {
    if (bar_open_) std::fputc('\n', out_);
    bar_open_ = false;
    std::fflush(out_);
}

void ProgressReporter::draw_bar(int done, double seconds) {
    // Redrawing more than ~10 times a second only costs terminal time.
    const Clock::time_point now = Clock::now();
    if (done < total_ && now - last_draw_ < std::chrono::milliseconds(100)) return;
    last_draw_ = now;
    constexpr int cells = 30;
    const int filled = total_ > 0 ? cells * done / total_ : cells;
    const double fps = seconds > 0 ? done / seconds : 0;
    const std::string eta = fps > 0 ? format_duration((total_ - done) / fps) : "?";
    std::fprintf(out_, "\r%s [%s%s] %d/%d frames  %.1f fps  ETA %s ", label_.c_str(), std::string(filled, '#').c_str(),
                 std::string(cells - filled, '.').c_str(), done, total_, fps, eta.c_str());
    std::fflush(out_);
    bar_open_ = true;
}

void ProgressReporter::print_line(int done, double seconds) {
    // Several quarters may pass in one step (tiny renders): report only the latest.
    int reached = 0;
    while (next_quarter_ <= 4 && done * 4 >= next_quarter_ * total_) reached = next_quarter_++;
    if (reached == 0) return;
    const double fps = seconds > 0 ? done / seconds : 0;
    std::fprintf(out_, "%s: %d%% (%d/%d frames, %.1f fps, %s elapsed)\n", label_.c_str(), reached * 25, done, total_,
                 fps, format_duration(seconds).c_str());
    std::fflush(out_);
}

}  // namespace attnreel
