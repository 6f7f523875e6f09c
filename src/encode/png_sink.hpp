#pragma once
// PNG output: one frame to one file, or every frame to a numbered sequence
// (frame_00000.png, frame_00001.png, …) in a folder. Alpha is kept.
#include "encode/frame_sink.hpp"
#include "encode/temp_file.hpp"

#include <filesystem>
#include <optional>
#include <string>

namespace attnreel {

// The frame encoded as a PNG file's bytes (compact_png_bytes).
std::string png_bytes(const Frame& frame);

// The name of frame `index` in a sequence: "frame_00042.png".
std::string sequence_frame_name(int index);
// The index in a sequence frame's name ("frame_00042.png" → 42), or -1 for any other name.
int sequence_frame_index(const std::string& name);

// A single PNG: exactly one frame, written beside the target and renamed on finish().
class PngFileSink final : public FrameSink {
public:
    explicit PngFileSink(const std::filesystem::path& path);  // InputError when unwritable
    void write(const Frame& frame) override;                  // std::logic_error on a second frame
    void finish() override;                                   // std::logic_error when no frame came

private:
    TempFile temp_;
    bool has_frame_ = false;
};

// A numbered PNG sequence in `folder` (created if missing). Frames are staged in a hidden
// folder inside it and moved into place on finish(), which also removes numbered frames
// left over from an earlier, longer render. Other files in the folder are never touched.
// A chunk of a longer render numbers its frames from `first_index` (the video's numbers) and
// leaves every other frame alone, so that chunks can fill one folder side by side.
class PngSequenceSink final : public FrameSink {
public:
    // InputError when unusable.
    explicit PngSequenceSink(const std::filesystem::path& folder, int first_index = 0, bool chunk = false);
    ~PngSequenceSink() override;
    PngSequenceSink(const PngSequenceSink&) = delete;
    PngSequenceSink& operator=(const PngSequenceSink&) = delete;
    void write(const Frame& frame) override;
    void finish() override;

private:
    std::filesystem::path folder_;
    std::filesystem::path staging_;
    bool created_folder_ = false;
    bool finished_ = false;
    int first_index_ = 0;
    bool chunk_ = false;
    int count_ = 0;
};

}  // namespace attnreel
