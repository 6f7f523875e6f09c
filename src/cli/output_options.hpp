#pragma once
// The options of `render` and `frame` that depend on the output's format: which apply to
// it (the others get a one-line note), a transparent background in a format without alpha
// (flattened onto a colour the note names), and the poster picture beside a video.
#include "cli/args.hpp"
#include "core/color.hpp"
#include "encode/open_sink.hpp"

#include <filesystem>
#include <optional>
#include <string>

namespace attnreel::cli {

// One "note: --crf does not apply to a GIF …" line on stderr for each option given that
// `kind` does not use.
void note_unused_options(const Args& args, OutputKind kind);

// The colour a transparent background is flattened onto: --flatten's, or black.
Color flatten_color(const Args& args);
// `background` composited over the opaque `under`: what a format without alpha shows.
Color flattened(const Color& background, const Color& under);
// The one-line note for `format` (MP4, GIF, JPEG) when the scene's background is not opaque.
void note_flattened(const std::string& format, const std::filesystem::path& output, const Color& background,
                    const Color& under);

// Where --poster writes: --poster-path, or OUT with its extension replaced by
// ".poster.jpg" (out/lesson.mp4 → out/lesson.poster.jpg). UsageError for a poster name
// that is not a .png, .jpg or .webp.
std::filesystem::path poster_path(const Args& args, const std::filesystem::path& output);

// The time --poster (or --at) names: seconds, "end" (= `end`, the default), or seconds
// back from the scene's end when negative. UsageError outside the scene.
double picture_time(const std::string& option, const std::optional<std::string>& value, double end,
                    double duration);

}  // namespace attnreel::cli
