#pragma once
// Captions made from the compiled timeline: each say: becomes one or more cues of at most
// two short lines, timed to its step. A cue starts when its step starts and lasts as long
// as the step, or as the line's voice when that runs on, and at least kMinCueSeconds;
// never past the next say:'s start. A line too long for one cue is split into several:
// with draft speech each starts when its first word is spoken, otherwise the step's time
// is shared by their lengths. caption_at(cues, t) is what a preview or a frame shows at t.
#include "timeline/scene.hpp"

#include <string>
#include <vector>

namespace attnreel::captions {

constexpr std::size_t kMaxLineCharacters = 42;  // the common limit of subtitle guidelines
constexpr std::size_t kMaxCueLines = 2;
constexpr double kMinCueSeconds = 1.0;

struct Cue {
    double start = 0, end = 0;       // seconds
    std::vector<std::string> lines;  // one or two, each at most kMaxLineCharacters characters
    SourceMark mark;                 // the say: it came from
    std::string text() const;        // the lines joined by a space
};

// The cues of the whole scene, on its clock, in time order and never overlapping.
std::vector<Cue> make_cues(const Scene& scene);

// The cues of [from, to) of the scene's clock, shifted to start at 0 and cut to the range.
std::vector<Cue> cues_in_range(const std::vector<Cue>& cues, double from, double to);

// The cue showing at time t (start ≤ t < end), or null.
const Cue* caption_at(const std::vector<Cue>& cues, double t);

// `text` (whitespace runs count as one space) broken into lines of at most `max_chars`
// characters at spaces (a longer word is cut), then grouped into cues of `max_lines`.
std::vector<std::vector<std::string>> split_caption(const std::string& text,
                                                    std::size_t max_chars = kMaxLineCharacters,
                                                    std::size_t max_lines = kMaxCueLines);

}  // namespace attnreel::captions
