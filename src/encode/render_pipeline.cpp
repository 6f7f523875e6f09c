#include "encode/render_pipeline.hpp"

#include <algorithm>
#include <chrono>
#include <condition_variable>
#include <exception>
#include <mutex>
#include <thread>
#include <vector>

namespace attnreel {

static_assert(std::atomic<bool>::is_always_lock_free, "the cancel flag must be settable from a signal handler");

// One frame in the sink, one per worker, and one more so a worker that finishes early can go on.
int reorder_capacity(int jobs) { return jobs + 2; }

namespace {

// Shared state of one render_frames call. Frame `i` lives in slot i % capacity: indices are
// handed out only below written + capacity, so no two frames in flight share a slot.
class ReorderRing {
public:
    ReorderRing(int frame_count, int jobs, const RenderFrame& render_one, const std::atomic<bool>* cancel)
        : frame_count_(frame_count),
          capacity_(reorder_capacity(jobs)),
          render_one_(render_one),
          cancel_(cancel),
          slots_(static_cast<std::size_t>(capacity_)),
          ready_(static_cast<std::size_t>(capacity_), false) {}

    void work() {
        for (;;) {
            int index = 0;
            {
                std::unique_lock lock(mutex_);
                slot_freed_.wait(lock,
                                 [&] { return failed_ || next_ >= frame_count_ || next_ < written_ + capacity_; });
                if (failed_ || next_ >= frame_count_) return;
                index = next_++;
            }
            if (cancelled()) return fail(std::make_exception_ptr(RenderCancelled()));
            try {
                render_one_(index, slot(index));
            } catch (...) {
                return fail(std::current_exception());
            }
            {
                std::lock_guard lock(mutex_);
                ready_[static_cast<std::size_t>(index % capacity_)] = true;
            }
            frame_ready_.notify_all();
        }
    }

    // Waits for frame `written_`; null when the render failed or was cancelled meanwhile.
    const Frame* next_in_order() {
        std::unique_lock lock(mutex_);
        for (;;) {
            if (failed_) return nullptr;
            if (ready_[static_cast<std::size_t>(written_ % capacity_)]) return &slot(written_);
            // Wake now and then: the cancel flag is set from a signal handler, which cannot notify.
            frame_ready_.wait_for(lock, std::chrono::milliseconds(50));
            if (cancelled()) {
                lock.unlock();
                fail(std::make_exception_ptr(RenderCancelled()));
                return nullptr;
            }
        }
    }

    // The frame just returned by next_in_order() went to the sink; its slot can be reused.
    int release_written() {
        int written = 0;
        {
            std::lock_guard lock(mutex_);
            ready_[static_cast<std::size_t>(written_ % capacity_)] = false;
            written = ++written_;
        }
        slot_freed_.notify_all();
        return written;
    }

    void fail(std::exception_ptr error) {
        {
            std::lock_guard lock(mutex_);
            if (!failed_) error_ = std::move(error);
            failed_ = true;
        }
        slot_freed_.notify_all();
        frame_ready_.notify_all();
    }

    std::exception_ptr error() const { return error_; }

private:
    bool cancelled() const { return cancel_ && cancel_->load(); }
    Frame& slot(int index) { return slots_[static_cast<std::size_t>(index % capacity_)]; }

    const int frame_count_;
    const int capacity_;
    const RenderFrame& render_one_;
    const std::atomic<bool>* cancel_;
    std::vector<Frame> slots_;
    std::vector<bool> ready_;
    std::mutex mutex_;
    std::condition_variable slot_freed_;
    std::condition_variable frame_ready_;
    int next_ = 0;     // next index to hand to a worker
    int written_ = 0;  // frames given to the sink
    bool failed_ = false;
    std::exception_ptr error_;
};

}  // namespace

void render_frames(int frame_count, int jobs, const RenderFrame& render_one, FrameSink& sink,
                   ProgressReporter* progress, const std::atomic<bool>* cancel) {
    if (jobs <= 0) jobs = static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
    jobs = std::max(1, std::min(jobs, frame_count));
    ReorderRing ring(frame_count, jobs, render_one, cancel);

    std::vector<std::thread> workers;
    try {
        for (int i = 0; i < jobs; ++i) workers.emplace_back([&ring] { ring.work(); });
        for (int written = 0; written < frame_count;) {
            const Frame* frame = ring.next_in_order();
            if (!frame) break;
            sink.write(*frame);
            written = ring.release_written();
            if (progress) progress->update(written);
        }
    } catch (...) {
        ring.fail(std::current_exception());
    }
    for (std::thread& worker : workers) worker.join();
    if (progress) progress->finish();
    if (ring.error()) std::rethrow_exception(ring.error());
    // Every frame may have made it, but a late cancel still means "do not keep the result".
    if (cancel && cancel->load()) throw RenderCancelled();
}

}  // namespace attnreel
