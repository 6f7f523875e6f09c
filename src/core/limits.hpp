#pragma once
// The input limits, in one place: every size, count, length and depth a scene can reach is
// checked at load against one of these (with the file:line:col of what exceeds it), and the
// work after load is bounded by them. docs/limits.md lists them with the measured cost of a
// scene at the limits; keep the two in step.
#include <cstddef>
#include <cstdint>

namespace attnreel::limits {

// Files a scene reads, checked before they are read (core/input_file.hpp).
inline constexpr std::uintmax_t scene_file_bytes = 1u << 20;     // a hand-written scene is a few KiB
inline constexpr std::uintmax_t font_file_bytes = 64u << 20;     // the largest Noto fonts are ~20 MiB
inline constexpr std::uintmax_t weights_npy_bytes = 64u << 20;   // 8M float64 numbers
inline constexpr std::uintmax_t weights_json_bytes = 16u << 20;  // about 1M numbers written as text
inline constexpr std::uintmax_t audio_file_bytes = 1u << 30;      // 30 minutes of 96 kHz 24-bit stereo WAV
inline constexpr double audio_seconds = 30 * 60;                  // decoded: 690 MB at 48 kHz stereo float

// The YAML document (io/yaml_limits.hpp).
inline constexpr int yaml_depth = 64;                  // lists and maps in lists and maps
inline constexpr std::size_t yaml_nodes = 1'000'000;  // values, counting an alias as what it names
inline constexpr std::size_t yaml_text_bytes = 4u << 20;  // scalars' bytes, the same way: 4× the file

// Objects (timeline/compile_objects.cpp): a group holding a group holding…, or next_to a
// next_to a…, is built one call deeper per step.
inline constexpr std::size_t reference_depth = 256;

// Text drawn in a scene, all of it together (scene/text_object.cpp): texts, labels, tokens
// and titles are shaped into about 1 KB per glyph, so this keeps them within ~300 MB. A
// lesson's texts are a few thousand characters.
inline constexpr std::size_t scene_text_bytes = 256u << 10;

// The timeline (timeline/compile_scene.cpp).
inline constexpr double scene_seconds = 4 * 3600;  // at 240 fps, 3.5 million frames

}  // namespace attnreel::limits
