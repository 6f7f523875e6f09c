#pragma once
// render_frames: renders frames on several threads and hands them to a sink strictly in
// order. Workers take frame indices in order and render into slots of a small reorder
// ring (capacity reorder_capacity(jobs)); the calling thread writes the ring's oldest
// frame to the sink as soon as it is ready. Memory is that ring, however long the video,
// and the sink sees the same frames in the same order whatever `jobs` is.
#include "encode/frame_sink.hpp"
#include "encode/progress.hpp"

#include <atomic>
#include <functional>
#include <stdexcept>

namespace attnreel {

// Fills `out` with frame `index`. Called concurrently from worker threads, each call with
// a different index and a different Frame; a Frame is reused for later indices, so resize
// only when its size is wrong.
using RenderFrame = std::function<void(int index, Frame& out)>;

// Thrown by render_frames when the cancel flag was set.
class RenderCancelled : public std::runtime_error {
public:
    RenderCancelled() : std::runtime_error("render cancelled") {}
};

// Frames held at once by render_frames with `jobs` workers.
int reorder_capacity(int jobs);

// Writes frames 0 … frame_count-1 to `sink` (it does not call sink.finish()). jobs <= 0 uses
// every core. The first exception from a worker or from the sink stops all workers and is
// rethrown here; setting *cancel (a SIGINT handler may do it: the flag is lock-free) stops
// them too and throws RenderCancelled. Either way the sink is left unfinished, so
// destroying it removes its temporary output. A frame already rendering is let finish.
void render_frames(int frame_count, int jobs, const RenderFrame& render_one, FrameSink& sink,
                   ProgressReporter* progress = nullptr, const std::atomic<bool>* cancel = nullptr);

}  // namespace attnreel
