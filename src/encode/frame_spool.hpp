#pragma once
// FrameSpool: fixed-size BGRA frames parked on disk between the two GIF passes, so memory
// stays flat however long the GIF. The file is created beside the output and unlinked at
// once: it has no name, and the system reclaims it even if the process dies.
#include "encode/libav_util.hpp"

#include <cstdint>
#include <filesystem>
#include <vector>

namespace attnreel {

class FrameSpool {
public:
    FrameSpool(const std::filesystem::path& beside, int width, int height);
    ~FrameSpool();
    FrameSpool(const FrameSpool&) = delete;
    FrameSpool& operator=(const FrameSpool&) = delete;

    // Appends a BGRA frame of the spool's size, keeping its pts.
    void append(const AVFrame& frame);
    int size() const { return static_cast<int>(pts_.size()); }
    // Reads frame `index` into a fresh BGRA frame with its pts.
    libav::FramePtr read(int index) const;

private:
    std::filesystem::path beside_;
    int fd_ = -1;
    int width_;
    int height_;
    std::vector<std::int64_t> pts_;
};

}  // namespace attnreel
