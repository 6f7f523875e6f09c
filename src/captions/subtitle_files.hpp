#pragma once
// Cues written as subtitle files: WebVTT (for <track> in a web page and most players) and
// SubRip (.srt, for video editors and players that predate WebVTT).
#include "captions/cues.hpp"

#include <string>
#include <vector>

namespace attnreel::captions {

struct WebVttOptions {
    bool top = false;  // cues placed at the top of the picture (the scene reserves its lower third)
};

// "WEBVTT", then one block per cue: "00:00:01.500 --> 00:00:03.000" and its lines, with
// &, < and > escaped as the format requires.
std::string to_webvtt(const std::vector<Cue>& cues, const WebVttOptions& options = {});
// Numbered blocks from 1: "00:00:01,500 --> 00:00:03,000" and the lines.
std::string to_srt(const std::vector<Cue>& cues);

// "01:02:03.045" (WebVTT) or "01:02:03,045" (SRT) for 3723.045 seconds, rounded to the millisecond.
std::string timestamp(double seconds, char decimal_separator);

}  // namespace attnreel::captions
