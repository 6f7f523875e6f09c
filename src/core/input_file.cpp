#include "core/input_file.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

namespace attnreel {

namespace {

// Why a file of this type is not read; empty for a regular file.
std::string not_regular(mode_t mode) {
    if (S_ISREG(mode)) return {};
    if (S_ISDIR(mode)) return "is a directory";
    if (S_ISFIFO(mode)) return "is a FIFO (named pipe)";
    if (S_ISCHR(mode)) return "is a character device";
    if (S_ISBLK(mode)) return "is a block device";
    if (S_ISSOCK(mode)) return "is a socket";
    return "is not a regular file";
}

std::string size_text(std::uintmax_t bytes) {
    std::string s = std::to_string(bytes) + " bytes";
    if (bytes >= (1u << 20) && bytes % (1u << 20) == 0) s += " (" + std::to_string(bytes >> 20) + " MiB)";
    return s;
}

class Failure {
public:
    Failure(const std::string& path, const InputFileKind& kind, const SourceMark& named_at)
        : path_(path), kind_(kind), named_at_(named_at) {}

    [[noreturn]] void operator()(const std::string& reason) const {
        if (named_at_.file.empty()) throw InputError(SourceMark{path_}, reason);
        throw InputError(named_at_, kind_.name + " '" + path_ + "': " + reason);
    }

    [[noreturn]] void too_large(std::uintmax_t bytes, bool at_least) const {
        (*this)("the file is " + std::string(at_least ? "more than " : "") + size_text(bytes) + "; a " + kind_.name +
                " may be at most " + size_text(kind_.max_bytes));
    }

private:
    const std::string& path_;
    const InputFileKind& kind_;
    const SourceMark& named_at_;
};

// Closes the descriptor on every path out.
struct Descriptor {
    int fd;
    ~Descriptor() {
        if (fd >= 0) ::close(fd);
    }
};

}  // namespace

std::string read_input_file(const std::string& path, const InputFileKind& kind, const SourceMark& named_at) {
    const Failure fail(path, kind, named_at);
    if (path.empty()) fail("no file name given");
    if (path.find('\0') != std::string::npos) fail("a file name cannot contain a NUL byte");
    // Look before opening: opening some devices has effects of its own.
    struct stat info {};
    if (::stat(path.c_str(), &info) != 0) {
        if (errno == ENOENT) fail("no such file");
        fail(std::string("cannot read the file: ") + std::strerror(errno));
    }
    if (const std::string why = not_regular(info.st_mode); !why.empty()) fail(why + ", not a " + kind.name);
    if (static_cast<std::uintmax_t>(info.st_size) > kind.max_bytes)
        fail.too_large(static_cast<std::uintmax_t>(info.st_size), false);

    // O_NONBLOCK: should the path have become a FIFO since, opening it must not wait for a writer.
    const Descriptor file{::open(path.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC)};
    if (file.fd < 0) fail(std::string("cannot open the file: ") + std::strerror(errno));
    // Check what was opened, not what the name pointed at a moment ago.
    if (::fstat(file.fd, &info) != 0) fail(std::string("cannot read the file: ") + std::strerror(errno));
    if (const std::string why = not_regular(info.st_mode); !why.empty()) fail(why + ", not a " + kind.name);

    std::string bytes;
    bytes.reserve(static_cast<std::size_t>(info.st_size));
    char buffer[65536];
    for (;;) {
        const ssize_t n = ::read(file.fd, buffer, sizeof buffer);
        if (n < 0) {
            if (errno == EINTR) continue;
            fail(std::string("cannot read the file: ") + std::strerror(errno));
        }
        if (n == 0) break;
        if (bytes.size() + static_cast<std::size_t>(n) > kind.max_bytes) fail.too_large(kind.max_bytes, true);
        bytes.append(buffer, static_cast<std::size_t>(n));
    }
    return bytes;
}

}  // namespace attnreel
