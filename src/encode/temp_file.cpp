#include "encode/temp_file.hpp"

#include "core/error.hpp"

#include <fcntl.h>
#include <unistd.h>
#include <climits>
#include <cerrno>
#include <cstring>
#include <random>
#include <stdexcept>

namespace attnreel {

namespace fs = std::filesystem;

std::string random_suffix(int length) {
    static constexpr char alphabet[] = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
    std::random_device entropy;
    std::uniform_int_distribution<int> pick(0, static_cast<int>(sizeof alphabet) - 2);
    std::string s;
    for (int i = 0; i < length; ++i) s.push_back(alphabet[pick(entropy)]);
    return s;
}

fs::path hidden_sibling(const fs::path& target, const std::string& tag) {
    const fs::path directory = target.has_parent_path() ? target.parent_path() : fs::path(".");
    constexpr std::size_t kSuffix = 6;
    std::string base = target.filename().string();
    const std::size_t room = NAME_MAX - 1 - tag.size() - kSuffix;
    if (base.size() > room) {
        std::size_t cut = room;
        while (cut > 0 && (static_cast<unsigned char>(base[cut]) & 0xC0) == 0x80) --cut;  // not inside a character
        base.resize(cut);
    }
    return directory / ("." + base + tag + random_suffix(static_cast<int>(kSuffix)));
}

void write_file(const fs::path& path, std::string_view bytes, const std::string& shown_as) {
    const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0666);
    if (fd < 0) throw output_error(shown_as, "cannot write", errno);
    while (!bytes.empty()) {
        const ssize_t n = ::write(fd, bytes.data(), bytes.size());
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) {
            const int reason = n < 0 ? errno : ENOSPC;  // a write of nothing: the device is full
            ::close(fd);
            throw output_error(shown_as, "cannot write", reason);
        }
        bytes.remove_prefix(static_cast<std::size_t>(n));
    }
    if (::close(fd) != 0) throw output_error(shown_as, "cannot write", errno);
}

TempFile::TempFile(fs::path target) : target_(std::move(target)) {
    std::error_code ec;
    if (fs::is_directory(target_, ec))
        throw InputError(SourceMark{target_.string()}, "output path is a directory, expected a file name");
    const fs::path directory = target_.has_parent_path() ? target_.parent_path() : fs::path(".");
    if (!fs::is_directory(directory, ec))
        throw InputError(SourceMark{target_.string()}, "output directory '" + directory.string() + "' does not exist");
    // O_EXCL on a fresh random name: never clobbers anything, and mode 0666 lets the umask
    // decide the final permissions as for any ordinary new file.
    for (int attempt = 0; attempt < 100; ++attempt) {
        fs::path candidate = hidden_sibling(target_, ".tmp-");
        const int fd = ::open(candidate.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
        if (fd >= 0) {
            ::close(fd);
            path_ = std::move(candidate);
            return;
        }
        if (errno != EEXIST)
            throw InputError(SourceMark{target_.string()},
                             "cannot write to directory '" + directory.string() + "': " + std::strerror(errno));
    }
    throw std::runtime_error(target_.string() + ": could not create a temporary file beside it");
}

TempFile::~TempFile() {
    if (!committed_ && !path_.empty()) ::unlink(path_.c_str());
}

void TempFile::write(std::string_view bytes) { write_file(path_, bytes, target_.string()); }

void TempFile::commit() {
    if (::rename(path_.c_str(), target_.c_str()) != 0)
        throw output_error(target_.string(), "cannot move the finished file into place", errno);
    committed_ = true;
}

}  // namespace attnreel
