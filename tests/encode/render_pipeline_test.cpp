#include "encode/render_pipeline.hpp"

#include "encode/open_sink.hpp"
#include "encode_test_support.hpp"

#include <catch2/catch.hpp>
#include <chrono>
#include <mutex>
#include <thread>

using namespace attnreel;
using namespace attnreel::test;

namespace {

// Remembers what it was given; can be told to fail at a given write.
class RecordingSink : public FrameSink {
public:
    std::vector<std::uint64_t> hashes;
    int fail_at = -1;
    bool finished = false;
    std::function<void()> on_write;

    void write(const Frame& frame) override {
        if (static_cast<int>(hashes.size()) == fail_at) throw std::runtime_error("sink failed");
        hashes.push_back(frame_hash(frame));
        if (on_write) on_write();
    }
    void finish() override { finished = true; }
};

// Renders the test clip with an index-dependent delay, so frames finish out of order.
void render_shuffled(int index, Frame& out) {
    std::this_thread::sleep_for(std::chrono::microseconds((index * 7919) % 5 * 300));
    draw_test_frame(index, out);
}

std::vector<std::uint64_t> direct_hashes(int count) {
    std::vector<std::uint64_t> hashes;
    for (int i = 0; i < count; ++i) hashes.push_back(frame_hash(test_frame(i)));
    return hashes;
}

}  // namespace

TEST_CASE("the sink gets every frame in order, the same whatever the number of jobs") {
    constexpr int count = 40;
    RecordingSink one_job, four_jobs;
    render_frames(count, 1, render_shuffled, one_job);
    render_frames(count, 4, render_shuffled, four_jobs);
    CHECK(one_job.hashes == direct_hashes(count));
    CHECK(four_jobs.hashes == one_job.hashes);
    CHECK_FALSE(four_jobs.finished);  // finishing is the caller's decision
}

TEST_CASE("frames in flight never exceed the reorder capacity") {
    constexpr int jobs = 3;
    std::atomic<int> in_flight{0};
    std::atomic<int> most{0};
    RecordingSink sink;
    sink.on_write = [&] { --in_flight; };
    // Frame 0 is slow, so the other workers run ahead until the ring is full.
    auto render = [&](int index, Frame& out) {
        const int now = ++in_flight;
        for (int seen = most.load(); now > seen && !most.compare_exchange_weak(seen, now);) {}
        if (index % 20 == 0) std::this_thread::sleep_for(std::chrono::milliseconds(30));
        draw_test_frame(index, out);
    };
    render_frames(60, jobs, render, sink);
    CHECK(sink.hashes.size() == 60);
    CHECK(most.load() <= reorder_capacity(jobs));
    CHECK(most.load() > jobs);  // the ring really did let workers run ahead
}

TEST_CASE("an exception while rendering frame k stops the render and reaches the caller") {
    RecordingSink sink;
    auto render = [](int index, Frame& out) {
        if (index == 13) throw std::runtime_error("frame 13 exploded");
        render_shuffled(index, out);
    };
    CHECK_THROWS_WITH(render_frames(40, 4, render, sink), "frame 13 exploded");
    CHECK(sink.hashes.size() <= 13);
    const std::vector<std::uint64_t> expected = direct_hashes(static_cast<int>(sink.hashes.size()));
    CHECK(sink.hashes == expected);
}

TEST_CASE("an exception in the sink stops the workers and reaches the caller") {
    RecordingSink sink;
    sink.fail_at = 5;
    constexpr int jobs = 2;
    std::atomic<int> rendered{0};
    auto render = [&](int index, Frame& out) {
        ++rendered;
        draw_test_frame(index, out);
    };
    CHECK_THROWS_WITH(render_frames(200, jobs, render, sink), "sink failed");
    CHECK(sink.hashes.size() == 5);
    // Workers stop once the ring is full: nowhere near all 200 frames.
    CHECK(rendered.load() <= 6 + reorder_capacity(jobs));
}

TEST_CASE("setting the cancel flag stops the render with RenderCancelled") {
    std::atomic<bool> cancel{false};
    RecordingSink sink;
    auto render = [&](int index, Frame& out) {
        if (index == 8) cancel = true;
        draw_test_frame(index, out);
    };
    CHECK_THROWS_AS(render_frames(500, 2, render, sink, nullptr, &cancel), RenderCancelled);
    CHECK(sink.hashes.size() < 500);
}

TEST_CASE("a render of no frames writes nothing") {
    RecordingSink sink;
    render_frames(0, 4, render_shuffled, sink);
    CHECK(sink.hashes.empty());
}

TEST_CASE("a failed render leaves an earlier MP4 byte-identical and no temporary files") {
    ScratchDir dir;
    const fs::path path = dir.path / "lesson.mp4";
    OutputSettings settings;
    settings.width = 320;
    settings.height = 180;
    settings.fps = 24;
    settings.preset = "veryfast";
    {
        auto sink = open_sink(path, settings);
        render_frames(12, 2, render_shuffled, *sink);
        sink->finish();
    }
    const std::string earlier = read_bytes(path);
    REQUIRE(decode_video(path).frames.size() == 12);

    auto failing = [](int index, Frame& out) {
        if (index == 7) throw std::runtime_error("scene error at frame 7");
        draw_test_frame(index, out);
    };
    {
        auto sink = open_sink(path, settings);
        CHECK_THROWS_WITH(render_frames(24, 2, failing, *sink), "scene error at frame 7");
    }
    CHECK(read_bytes(path) == earlier);
    CHECK(dir.names() == std::vector<std::string>{"lesson.mp4"});
}

TEST_CASE("a cancelled GIF render leaves no output and no temporary files") {
    ScratchDir dir;
    OutputSettings settings;
    settings.width = 320;
    settings.height = 180;
    std::atomic<bool> cancel{false};
    auto render = [&](int index, Frame& out) {
        if (index == 5) cancel = true;
        draw_test_frame(index, out);
    };
    {
        auto sink = open_sink(dir.path / "lesson.gif", settings);
        CHECK_THROWS_AS(render_frames(100, 2, render, *sink, nullptr, &cancel), RenderCancelled);
    }
    CHECK(dir.names().empty());
}
