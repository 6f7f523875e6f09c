// Files an input names are read only when they are regular files within their size limit:
// a FIFO, a device or a directory is refused at once (never read, never waited on).
#include "core/input_file.hpp"

#include "../temp_dir.hpp"

#include <catch2/catch.hpp>

#include <sys/stat.h>

#include <chrono>
#include <filesystem>

using namespace attnreel;
namespace fs = std::filesystem;

namespace {

const InputFileKind kSmall{"test file", 64};

std::string error_of(const std::string& path, const SourceMark& named_at = {}) {
    try {
        read_input_file(path, kSmall, named_at);
    } catch (const InputError& e) {
        return e.what();
    }
    FAIL("no error for " << path);
    return "";
}

}  // namespace

TEST_CASE("a regular file is read whole, also through a symlink", "[core][input_file]") {
    TempDir dir;
    const std::string path = dir.write("a.txt", std::string("hello\0world", 11));
    CHECK(read_input_file(path, kSmall) == std::string("hello\0world", 11));
    fs::create_symlink(path, dir.file("link.txt"));
    CHECK(read_input_file(dir.file("link.txt"), kSmall).size() == 11);
    CHECK(read_input_file(dir.write("empty.txt", ""), kSmall).empty());
}

TEST_CASE("a file past the limit is refused with its size and the limit", "[core][input_file]") {
    TempDir dir;
    CHECK(read_input_file(dir.write("64.txt", std::string(64, 'x')), kSmall).size() == 64);
    CHECK(error_of(dir.write("65.txt", std::string(65, 'x'))) ==
          dir.file("65.txt") + ": the file is 65 bytes; a test file may be at most 64 bytes");
}

TEST_CASE("missing files, directories, FIFOs and devices are refused without reading",
          "[core][input_file]") {
    TempDir dir;
    CHECK(error_of(dir.file("missing")) == dir.file("missing") + ": no such file");
    CHECK(error_of(dir.path().string()) == dir.path().string() + ": is a directory, not a test file");
    REQUIRE(::mkfifo(dir.file("fifo").c_str(), 0600) == 0);
    const auto start = std::chrono::steady_clock::now();
    CHECK(error_of(dir.file("fifo")) == dir.file("fifo") + ": is a FIFO (named pipe), not a test file");
    CHECK(std::chrono::steady_clock::now() - start < std::chrono::seconds(5));  // never waits for a writer
    // A symlink is followed: what counts is what it points at.
    fs::create_symlink("/dev/zero", dir.file("zeros.npy"));
    CHECK(error_of(dir.file("zeros.npy")) == dir.file("zeros.npy") + ": is a character device, not a test file");
    fs::create_symlink(dir.path(), dir.file("folder.json"));
    CHECK(error_of(dir.file("folder.json")) == dir.file("folder.json") + ": is a directory, not a test file");
    fs::create_symlink(dir.file("nowhere"), dir.file("dangling"));
    CHECK(error_of(dir.file("dangling")) == dir.file("dangling") + ": no such file");
}

TEST_CASE("the error is at the place that names the file, when there is one", "[core][input_file]") {
    TempDir dir;
    CHECK(error_of(dir.file("w.npy"), {"scene.yaml", 4, 14}) ==
          "scene.yaml:4:14: test file '" + dir.file("w.npy") + "': no such file");
}
