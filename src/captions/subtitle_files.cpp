#include "captions/subtitle_files.hpp"

#include <cmath>
#include <cstdio>

namespace attnreel::captions {

namespace {

std::string escape_webvtt(const std::string& text) {
    std::string out;
    for (char c : text) {
        if (c == '&') out += "&amp;";
        else if (c == '<') out += "&lt;";
        else if (c == '>') out += "&gt;";
        else out += c;
    }
    return out;
}

}  // namespace

std::string timestamp(double seconds, char decimal_separator) {
    const long long ms = std::llround(std::max(0.0, seconds) * 1000);
    char text[48];
    std::snprintf(text, sizeof text, "%02lld:%02lld:%02lld%c%03lld", ms / 3600000, ms / 60000 % 60, ms / 1000 % 60,
                  decimal_separator, ms % 1000);
    return text;
}

std::string to_webvtt(const std::vector<Cue>& cues, const WebVttOptions& options) {
    // The signature line ends with a blank line even when no cue follows, as the format requires.
    std::string out = "WEBVTT\n\n";
    for (const Cue& c : cues) {
        if (&c != &cues.front()) out += "\n";
        out += timestamp(c.start, '.') + " --> " + timestamp(c.end, '.');
        if (options.top) out += " line:0";
        out += "\n";
        for (const auto& line : c.lines) out += escape_webvtt(line) + "\n";
    }
    return out;
}

std::string to_srt(const std::vector<Cue>& cues) {
    std::string out;
    int number = 0;
    for (const Cue& c : cues) {
        if (number > 0) out += "\n";
        out += std::to_string(++number) + "\n" + timestamp(c.start, ',') + " --> " + timestamp(c.end, ',') + "\n";
        for (const auto& line : c.lines) out += line + "\n";
    }
    return out;
}

}  // namespace attnreel::captions
