#include "encode/frame_spool.hpp"

#include "core/error.hpp"
#include "encode/temp_file.hpp"

#include <fcntl.h>
#include <unistd.h>
#include <cerrno>
#include <cstring>
#include <stdexcept>

namespace attnreel {

namespace {

std::size_t row_bytes(int width) { return static_cast<std::size_t>(width) * 4; }

}  // namespace

FrameSpool::FrameSpool(const std::filesystem::path& beside, int width, int height)
    : beside_(beside), width_(width), height_(height) {
    for (int attempt = 0; fd_ < 0; ++attempt) {
        const std::filesystem::path name = hidden_sibling(beside, ".frames-");
        fd_ = ::open(name.c_str(), O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
        if (fd_ >= 0) {
            ::unlink(name.c_str());
        } else if (errno != EEXIST || attempt > 100) {
            throw output_error(beside.string(), "cannot create the GIF's frame spool", errno);
        }
    }
}

FrameSpool::~FrameSpool() { ::close(fd_); }

void FrameSpool::append(const AVFrame& frame) {
    if (frame.width != width_ || frame.height != height_ || frame.format != AV_PIX_FMT_BGRA)
        throw std::logic_error("FrameSpool::append: frame does not match the spool's size or format");
    const std::size_t row = row_bytes(width_);
    off_t offset = static_cast<off_t>(pts_.size()) * static_cast<off_t>(row) * height_;
    for (int y = 0; y < height_; ++y, offset += static_cast<off_t>(row)) {
        const std::uint8_t* line = frame.data[0] + static_cast<std::ptrdiff_t>(y) * frame.linesize[0];
        // A short write is not an error by itself; the next one says why it fell short.
        for (std::size_t done = 0; done < row;) {
            const ssize_t n = ::pwrite(fd_, line + done, row - done, offset + static_cast<off_t>(done));
            if (n < 0 && errno == EINTR) continue;
            if (n <= 0) throw output_error(beside_.string(), "cannot write the GIF's frame spool", n < 0 ? errno : ENOSPC);
            done += static_cast<std::size_t>(n);
        }
    }
    pts_.push_back(frame.pts);
}

libav::FramePtr FrameSpool::read(int index) const {
    libav::FramePtr frame = libav::make_frame();
    frame->format = AV_PIX_FMT_BGRA;
    frame->width = width_;
    frame->height = height_;
    libav::check(av_frame_get_buffer(frame.get(), 0), beside_, "allocating a spool frame");
    const std::size_t row = row_bytes(width_);
    off_t offset = static_cast<off_t>(index) * static_cast<off_t>(row) * height_;
    for (int y = 0; y < height_; ++y, offset += static_cast<off_t>(row)) {
        std::uint8_t* line = frame->data[0] + static_cast<std::ptrdiff_t>(y) * frame->linesize[0];
        const ssize_t n = ::pread(fd_, line, row, offset);
        if (n != static_cast<ssize_t>(row))
            throw output_error(beside_.string(), "cannot read the GIF's frame spool", n < 0 ? errno : EIO);
    }
    frame->pts = pts_.at(static_cast<std::size_t>(index));
    return frame;
}

}  // namespace attnreel
