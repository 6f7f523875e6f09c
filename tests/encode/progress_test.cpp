#include "encode/progress.hpp"

#include <catch2/catch.hpp>
#include <cstdio>
#include <string>

using namespace attnreel;

namespace {

// Everything written to a scratch stream.
struct CapturedStream {
    std::FILE* file = std::tmpfile();
    ~CapturedStream() { std::fclose(file); }
    std::string text() const {
        std::fflush(file);
        std::rewind(file);
        std::string all;
        for (int c = std::fgetc(file); c != EOF; c = std::fgetc(file)) all.push_back(static_cast<char>(c));
        return all;
    }
};

int count_of(const std::string& text, const std::string& piece) {
    int n = 0;
    for (std::size_t at = text.find(piece); at != std::string::npos; at = text.find(piece, at + 1)) ++n;
    return n;
}

}  // namespace

TEST_CASE("away from a terminal, progress is a line at each quarter") {
    CapturedStream out;
    ProgressReporter progress("lesson.mp4", 200, ProgressStyle::automatic, out.file);
    CHECK(progress.style() == ProgressStyle::lines);  // a temporary file is no terminal
    for (int done = 1; done <= 200; ++done) progress.update(done);
    progress.finish();
    const std::string text = out.text();
    CHECK(count_of(text, "\n") == 4);
    CHECK(count_of(text, "lesson.mp4: 25% (50/200 frames") == 1);
    CHECK(count_of(text, "lesson.mp4: 50% (100/200 frames") == 1);
    CHECK(count_of(text, "lesson.mp4: 75% (150/200 frames") == 1);
    CHECK(count_of(text, "lesson.mp4: 100% (200/200 frames") == 1);
}

TEST_CASE("a render shorter than four frames still ends its lines at 100%") {
    CapturedStream out;
    ProgressReporter progress("x.gif", 2, ProgressStyle::lines, out.file);
    progress.update(1);
    progress.update(2);
    const std::string text = out.text();
    CHECK(count_of(text, "\n") == 2);
    CHECK(count_of(text, "x.gif: 50%") == 1);
    CHECK(count_of(text, "x.gif: 100%") == 1);
}

TEST_CASE("the bar redraws one line in place and closes it at the end") {
    CapturedStream out;
    ProgressReporter progress("lesson.mp4", 10, ProgressStyle::bar, out.file);
    progress.update(1);
    progress.update(10);
    progress.finish();
    const std::string text = out.text();
    CHECK(count_of(text, "\r") == 2);  // the first update, and the last (always drawn)
    CHECK(count_of(text, "\n") == 1);
    CHECK(text.back() == '\n');
    CHECK(count_of(text, "10/10 frames") == 1);
    CHECK(count_of(text, "[" + std::string(30, '#') + "]") == 1);
    CHECK(count_of(text, "ETA") == 2);
}

TEST_CASE("quiet progress writes nothing") {
    CapturedStream out;
    ProgressReporter progress("lesson.mp4", 10, ProgressStyle::quiet, out.file);
    for (int done = 1; done <= 10; ++done) progress.update(done);
    progress.finish();
    CHECK(out.text().empty());
}

TEST_CASE("durations read as minutes and seconds, hours when needed") {
    CHECK(format_duration(0) == "0:00");
    CHECK(format_duration(65.4) == "1:05");
    CHECK(format_duration(3723) == "1:02:03");
    CHECK(format_duration(-3) == "0:00");
}
