#pragma once
// One frame as the bytes of an image file: PNG (lossless, alpha), JPEG (no alpha: the
// frame must be opaque, see flatten_onto) or WebP (lossless or lossy, alpha kept).
#include "core/color.hpp"
#include "core/frame.hpp"

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace attnreel {

enum class StillFormat { png, jpeg, webp };

// The format of an image path by its extension (.png, .jpg/.jpeg, .webp, any case); none
// for anything else.
std::optional<StillFormat> still_format(const std::filesystem::path& path);
// ".png, .jpg (or .jpeg), .webp": for messages that list them.
std::string still_extensions();

// JPEG at `quality` (1…100; from 90 up without chroma subsampling, for crisp coloured text).
// Alpha is ignored.
std::string jpeg_bytes(const Frame& frame, int quality = 90);
// WebP, lossless or lossy at `quality` (0…100), alpha kept.
std::string webp_bytes(const Frame& frame, bool lossless = true, int quality = 90);
// The file's bytes in `format` with the defaults above.
std::string still_bytes(const Frame& frame, StillFormat format);

// The frame composited over an opaque colour: what a format without alpha must show.
void flatten_onto(Frame& frame, const Color& background);

}  // namespace attnreel
