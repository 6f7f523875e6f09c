#pragma once
// Files that an input names (scene files, fonts, attention weights) are read here and only
// here: each must be a regular file after symlinks are followed, no larger than a stated
// limit, and it is read through one descriptor with that cap. A FIFO, a device or a
// directory can then neither hang attnreel nor feed it without end, and a file that grows
// while it is read is caught too.
#include "core/error.hpp"

#include <cstdint>
#include <string>

namespace attnreel {

struct InputFileKind {
    std::string name;         // what the file is, for messages: "scene file", "font file"
    std::uintmax_t max_bytes;  // larger files are refused before they are read
};

// The whole content of `path`. Fails with an InputError at `named_at` (where the input
// names the file, e.g. the scene's line:col; when it has no file, the path itself) when
// the path is missing, is not a regular file, is larger than kind.max_bytes, or cannot be
// read, with the system's reason ("Permission denied").
std::string read_input_file(const std::string& path, const InputFileKind& kind, const SourceMark& named_at = {});

}  // namespace attnreel
