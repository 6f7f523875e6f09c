#include "encode/png_sink.hpp"

#include "core/error.hpp"
#include "encode/fast_png.hpp"

#include <sys/stat.h>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <stdexcept>

namespace attnreel {

namespace fs = std::filesystem;

std::string png_bytes(const Frame& frame) { return compact_png_bytes(frame); }

std::string sequence_frame_name(int index) {
    char name[32];
    std::snprintf(name, sizeof name, "frame_%05d.png", index);
    return name;
}

int sequence_frame_index(const std::string& name) {
    const std::string prefix = "frame_", suffix = ".png";
    if (name.size() <= prefix.size() + suffix.size() || name.rfind(prefix, 0) != 0 ||
        name.compare(name.size() - suffix.size(), suffix.size(), suffix) != 0)
        return -1;
    const std::string digits = name.substr(prefix.size(), name.size() - prefix.size() - suffix.size());
    // At least the five digits we write, and few enough to fit an int.
    if (digits.size() < 5 || digits.size() > 9) return -1;
    for (char c : digits)
        if (c < '0' || c > '9') return -1;
    return std::stoi(digits);
}

PngFileSink::PngFileSink(const fs::path& path) : temp_(path) {}

void PngFileSink::write(const Frame& frame) {
    if (has_frame_) throw std::logic_error("PngFileSink takes exactly one frame");
    temp_.write(png_bytes(frame));
    has_frame_ = true;
}

void PngFileSink::finish() {
    if (!has_frame_) throw std::logic_error("PngFileSink::finish without a frame");
    temp_.commit();
}

PngSequenceSink::PngSequenceSink(const fs::path& folder, int first_index, bool chunk)
    : folder_(folder), first_index_(first_index), chunk_(chunk) {
    const SourceMark where{folder.string()};
    std::error_code ec;
    if (fs::exists(folder, ec) && !fs::is_directory(folder, ec))
        throw InputError(where, "a PNG sequence needs a folder, but this is a file");
    if (!fs::exists(folder, ec)) {
        // Chunks rendered side by side may make the folder at the same moment.
        const int made = ::mkdir(folder.c_str(), 0777);
        const int error = errno;
        if (made == 0) created_folder_ = true;
        else if (error != EEXIST || !fs::is_directory(folder, ec))
            throw InputError(where, std::string("cannot create the output folder: ") + std::strerror(error));
    }
    for (int attempt = 0; staging_.empty(); ++attempt) {
        fs::path candidate = folder / (".frames.tmp-" + random_suffix(6));
        if (::mkdir(candidate.c_str(), 0777) == 0) {
            staging_ = std::move(candidate);
        } else if (errno != EEXIST || attempt > 100) {
            const std::string reason = std::strerror(errno);
            if (created_folder_) fs::remove(folder_, ec);
            throw InputError(where, "cannot write to the output folder: " + reason);
        }
    }
}

PngSequenceSink::~PngSequenceSink() {
    std::error_code ec;
    if (!staging_.empty()) fs::remove_all(staging_, ec);
    if (!finished_ && created_folder_) fs::remove(folder_, ec);  // only succeeds when empty
}

void PngSequenceSink::write(const Frame& frame) {
    if (finished_) throw std::logic_error("PngSequenceSink::write after finish");
    const std::string name = sequence_frame_name(first_index_ + count_);
    write_file(staging_ / name, png_bytes(frame), (folder_ / name).string());
    ++count_;
}

void PngSequenceSink::finish() {
    if (finished_) throw std::logic_error("PngSequenceSink::finish called twice");
    for (int i = first_index_; i < first_index_ + count_; ++i) {
        const fs::path staged = staging_ / sequence_frame_name(i);
        const fs::path final_path = folder_ / sequence_frame_name(i);
        if (::rename(staged.c_str(), final_path.c_str()) != 0)
            throw output_error(final_path.string(), "cannot move the frame into place", errno);
    }
    // Frames numbered past this render's end belong to an older render of the same folder
    // (the other frames of a chunked render belong to the other chunks).
    std::error_code ec;
    if (!chunk_) {
        for (const fs::directory_entry& entry : fs::directory_iterator(folder_, ec)) {
            const int index = sequence_frame_index(entry.path().filename().string());
            if (index >= count_) fs::remove(entry.path(), ec);
        }
    }
    fs::remove_all(staging_, ec);
    staging_.clear();
    finished_ = true;
}

}  // namespace attnreel
