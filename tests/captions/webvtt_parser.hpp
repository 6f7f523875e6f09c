#pragma once
// A strict WebVTT parser for the tests, written from the W3C WebVTT file syntax (the
// authoring rules, not the lenient browser algorithm): signature, blank line, then cue
// blocks separated by blank lines; timestamps "[hh:]mm:ss.ttt" with minutes and seconds
// below 60; end after start; start times never going back; payload lines without "-->"
// and with "&" only in character references and no "<" (attnreel writes no tags).
// Anything else throws std::runtime_error naming the line.
#include <cctype>
#include <stdexcept>
#include <string>
#include <vector>

namespace attnreel::test {

struct VttCue {
    std::string identifier;
    double start = 0, end = 0;
    std::string settings;
    std::vector<std::string> lines;  // with character references decoded
    std::string text() const {
        std::string s;
        for (const auto& l : lines) s += (s.empty() ? "" : " ") + l;
        return s;
    }
};

namespace webvtt_detail {

inline std::vector<std::string> split_lines(const std::string& text) {
    std::vector<std::string> lines;
    std::string line;
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] == '\r' || text[i] == '\n') {
            lines.push_back(line);
            line.clear();
            if (text[i] == '\r' && i + 1 < text.size() && text[i + 1] == '\n') ++i;
        } else {
            line += text[i];
        }
    }
    if (!line.empty()) throw std::runtime_error("the last line has no line terminator");
    return lines;
}

[[noreturn]] inline void fail(std::size_t line, const std::string& why) {
    throw std::runtime_error("WebVTT line " + std::to_string(line + 1) + ": " + why);
}

// Parses a timestamp at `at`, moving `at` past it.
inline double timestamp(const std::string& s, std::size_t& at, std::size_t line) {
    auto digits = [&](std::size_t min_count) {
        const std::size_t begin = at;
        while (at < s.size() && std::isdigit(static_cast<unsigned char>(s[at]))) ++at;
        if (at - begin < min_count) fail(line, "expected digits in a timestamp: " + s);
        return std::stoll(s.substr(begin, at - begin));
    };
    const std::size_t begin = at;
    std::vector<long long> parts{digits(2)};
    const std::size_t first_length = at - begin;
    while (at < s.size() && s[at] == ':') {
        ++at;
        parts.push_back(digits(2));
    }
    if (parts.size() < 2 || parts.size() > 3) fail(line, "a timestamp has minutes and seconds, hours optional: " + s);
    if (at >= s.size() || s[at] != '.') fail(line, "a timestamp's seconds end in '.' and milliseconds: " + s);
    ++at;
    const std::size_t ms_begin = at;
    const long long ms = digits(3);
    if (at - ms_begin != 3) fail(line, "milliseconds have exactly three digits: " + s);
    const long long seconds = parts.back(), minutes = parts[parts.size() - 2];
    if (seconds > 59 || minutes > 59) fail(line, "minutes and seconds are below 60: " + s);
    if (parts.size() == 2 && first_length != 2) fail(line, "minutes have two digits: " + s);
    const long long hours = parts.size() == 3 ? parts[0] : 0;
    return hours * 3600.0 + minutes * 60.0 + seconds + ms / 1000.0;
}

inline std::string decode_payload(const std::string& text, std::size_t line) {
    if (text.find("-->") != std::string::npos) fail(line, "a cue's text must not contain '-->'");
    std::string out;
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] == '<') fail(line, "a '<' in cue text must be written &lt;");
        if (text[i] != '&') {
            out += text[i];
            continue;
        }
        static const std::vector<std::pair<std::string, std::string>> refs = {
            {"&amp;", "&"},      {"&lt;", "<"},       {"&gt;", ">"},
            {"&lrm;", "\u200e"}, {"&rlm;", "\u200f"}, {"&nbsp;", "\u00a0"}};
        bool known = false;
        for (const auto& [ref, ch] : refs)
            if (text.compare(i, ref.size(), ref) == 0) {
                out += ch;
                i += ref.size() - 1;
                known = true;
                break;
            }
        if (!known) fail(line, "a '&' in cue text must start a character reference such as &amp;");
    }
    return out;
}

}  // namespace webvtt_detail

inline std::vector<VttCue> parse_webvtt(const std::string& file) {
    using namespace webvtt_detail;
    std::string body = file;
    if (body.rfind("\xEF\xBB\xBF", 0) == 0) body.erase(0, 3);
    const std::vector<std::string> lines = split_lines(body);
    if (lines.empty() || lines[0].rfind("WEBVTT", 0) != 0) fail(0, "a WebVTT file starts with 'WEBVTT'");
    if (lines[0].size() > 6 && lines[0][6] != ' ' && lines[0][6] != '\t')
        fail(0, "'WEBVTT' is followed by a space or a tab, or ends the line");
    if (lines.size() < 2 || !lines[1].empty()) fail(1, "the signature line is followed by a blank line");

    std::vector<VttCue> cues;
    std::size_t i = 1;
    while (i < lines.size()) {
        if (lines[i].empty()) {
            ++i;
            continue;
        }
        const std::size_t block_start = i;
        VttCue cue;
        if (lines[i].find("-->") == std::string::npos) {  // an identifier line, or a NOTE block
            if (lines[i].rfind("NOTE", 0) == 0) {
                while (i < lines.size() && !lines[i].empty()) ++i;
                continue;
            }
            cue.identifier = lines[i++];
            if (i >= lines.size()) fail(block_start, "a cue identifier must be followed by its timings");
        }
        const std::string& timing = lines[i];
        std::size_t at = 0;
        cue.start = timestamp(timing, at, i);
        const std::size_t gap = at;
        while (at < timing.size() && (timing[at] == ' ' || timing[at] == '\t')) ++at;
        if (at == gap || timing.compare(at, 3, "-->") != 0) fail(i, "expected ' --> ' between the timestamps");
        at += 3;
        const std::size_t gap2 = at;
        while (at < timing.size() && (timing[at] == ' ' || timing[at] == '\t')) ++at;
        if (at == gap2) fail(i, "expected a space after '-->'");
        cue.end = timestamp(timing, at, i);
        if (at < timing.size()) {
            if (timing[at] != ' ' && timing[at] != '\t') fail(i, "cue settings are separated by spaces");
            cue.settings = timing.substr(at + 1);
            if (cue.settings.find("-->") != std::string::npos) fail(i, "cue settings must not contain '-->'");
        }
        if (!(cue.end > cue.start)) fail(i, "a cue must end after it starts");
        if (!cues.empty() && cue.start < cues.back().start) fail(i, "cues must be in order of their start times");
        ++i;
        while (i < lines.size() && !lines[i].empty()) cue.lines.push_back(decode_payload(lines[i], i)), ++i;
        cues.push_back(std::move(cue));
    }
    return cues;
}

}  // namespace attnreel::test
