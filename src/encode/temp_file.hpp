#pragma once
// TempFile: a file written under a hidden name beside its final path (".name.tmp-XXXXXX" in
// the same directory, so the final rename is atomic). It replaces the final path only on
// commit(); if never committed, it is removed, leaving any earlier file untouched.
#include <filesystem>
#include <string>
#include <string_view>

namespace attnreel {

class TempFile {
public:
    // Creates the empty temporary file. InputError when the target is a directory, its
    // directory does not exist, or the directory is not writable.
    explicit TempFile(std::filesystem::path target);
    ~TempFile();
    TempFile(const TempFile&) = delete;
    TempFile& operator=(const TempFile&) = delete;

    const std::filesystem::path& path() const { return path_; }
    const std::filesystem::path& target() const { return target_; }
    // Writes `bytes` as the whole temporary file; OutputError naming the target, with the
    // system's reason, when a write or the close fails (a full disk).
    void write(std::string_view bytes);
    // Renames the temporary file onto the target; OutputError on failure.
    void commit();
    bool committed() const { return committed_; }

private:
    std::filesystem::path target_;
    std::filesystem::path path_;
    bool committed_ = false;
};

// A random suffix of `length` letters and digits for temporary names.
std::string random_suffix(int length);

// A hidden, randomly named path in target's directory: "<dir>/.<name><tag><6 random characters>",
// with <name> shortened (at a character boundary) when the whole would pass NAME_MAX, so
// that any name the target may have gets a temporary name too.
std::filesystem::path hidden_sibling(const std::filesystem::path& target, const std::string& tag);

// Writes all of `bytes` to `path` (created, or truncated), retrying short writes.
// OutputError "<shown_as>: cannot write: <reason>" when a write or the close fails.
void write_file(const std::filesystem::path& path, std::string_view bytes, const std::string& shown_as);

}  // namespace attnreel
