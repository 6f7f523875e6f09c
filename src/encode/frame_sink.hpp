#pragma once
// A FrameSink is where finished frames go, in order: a video encoder, a GIF writer or
// image files. Nothing is visible at the output path until finish() succeeds; a sink
// destroyed without finish() leaves any earlier file at that path untouched.
#include "core/frame.hpp"

namespace attnreel {

class FrameSink {
public:
    virtual ~FrameSink() = default;
    // Takes the next frame in display order. Every frame has the size the sink was opened with.
    virtual void write(const Frame& frame) = 0;
    // Completes the output and moves it into place. No write() may follow.
    virtual void finish() = 0;
};

}  // namespace attnreel
