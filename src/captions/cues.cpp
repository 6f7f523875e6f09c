#include "captions/cues.hpp"

#include <algorithm>
#include <numeric>

namespace attnreel::captions {

namespace {

// Characters (code points) of UTF-8 text.
std::size_t characters(const std::string& s) {
    return static_cast<std::size_t>(
        std::count_if(s.begin(), s.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
}

// The byte where the first `n` characters of `s` end.
std::size_t bytes_of_characters(const std::string& s, std::size_t n) {
    std::size_t seen = 0;
    for (std::size_t i = 0; i < s.size(); ++i)
        if ((static_cast<unsigned char>(s[i]) & 0xC0) != 0x80 && seen++ == n) return i;
    return s.size();
}

std::vector<std::string> words_of(const std::string& text) {
    std::vector<std::string> words;
    std::string word;
    for (char c : text) {
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
            if (!word.empty()) words.push_back(std::move(word));
            word.clear();
        } else {
            word += c;
        }
    }
    if (!word.empty()) words.push_back(std::move(word));
    return words;
}

// The byte offsets in `text` where each of its words starts, in order.
std::vector<std::size_t> word_starts(const std::string& text) {
    std::vector<std::size_t> starts;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const bool space = text[i] == ' ' || text[i] == '\t' || text[i] == '\n' || text[i] == '\r';
        const bool after_space =
            i == 0 || text[i - 1] == ' ' || text[i - 1] == '\t' || text[i - 1] == '\n' || text[i - 1] == '\r';
        if (!space && after_space) starts.push_back(i);
    }
    return starts;
}

std::size_t word_count(const std::vector<std::string>& lines) {
    std::size_t n = 0;
    for (const auto& l : lines) n += words_of(l).size();
    return n;
}

// Start times of the chunks of a line, from its voice: chunk k starts when its first word
// is spoken. Empty when the speech's word marks do not fit the text.
std::vector<double> spoken_starts(const SpokenLine& line, const std::vector<std::vector<std::string>>& chunks) {
    if (line.words.empty()) return {};
    const std::vector<std::size_t> starts = word_starts(line.text);
    std::vector<double> out;
    std::size_t first_word = 0;
    for (const auto& chunk : chunks) {
        if (first_word >= starts.size()) return {};
        // The speech mark at or after the chunk's first word.
        const std::size_t byte = starts[first_word];
        const auto spoken = std::find_if(line.words.begin(), line.words.end(),
                                         [&](const audio::SpokenWord& w) { return w.byte >= byte; });
        if (spoken == line.words.end()) return {};
        out.push_back(line.start + spoken->at);
        first_word += word_count(chunk);
    }
    out.front() = line.start;
    return out;
}

}  // namespace

std::string Cue::text() const {
    std::string s;
    for (const auto& l : lines) s += (s.empty() ? "" : " ") + l;
    return s;
}

std::vector<std::vector<std::string>> split_caption(const std::string& text, std::size_t max_chars,
                                                    std::size_t max_lines) {
    std::vector<std::string> lines;
    std::string line;
    for (std::string word : words_of(text)) {
        // A word longer than a line is cut into line-long pieces.
        while (characters(word) > max_chars) {
            if (!line.empty()) lines.push_back(std::move(line));
            line.clear();
            const std::size_t cut = bytes_of_characters(word, max_chars);
            lines.push_back(word.substr(0, cut));
            word.erase(0, cut);
        }
        if (word.empty()) continue;
        if (!line.empty() && characters(line) + 1 + characters(word) > max_chars) {
            lines.push_back(std::move(line));
            line.clear();
        }
        line += (line.empty() ? "" : " ") + word;
    }
    if (!line.empty()) lines.push_back(std::move(line));

    std::vector<std::vector<std::string>> cues;
    for (std::size_t i = 0; i < lines.size(); i += max_lines)
        cues.emplace_back(lines.begin() + static_cast<std::ptrdiff_t>(i),
                          lines.begin() + static_cast<std::ptrdiff_t>(std::min(lines.size(), i + max_lines)));
    return cues;
}

std::vector<Cue> make_cues(const Scene& scene) {
    std::vector<Cue> cues;
    for (std::size_t i = 0; i < scene.narration.size(); ++i) {
        const SpokenLine& line = scene.narration[i];
        double end = std::max({line.step_end, line.start + line.voice_seconds, line.start + kMinCueSeconds});
        if (i + 1 < scene.narration.size()) end = std::min(end, scene.narration[i + 1].start);
        end = std::min(end, scene.duration);
        if (end - line.start < 0.01) continue;  // no time to show it: the next line starts at once

        const auto chunks = split_caption(line.text);
        std::vector<double> starts = spoken_starts(line, chunks);
        const bool spoken_fit = !starts.empty() && std::is_sorted(starts.begin(), starts.end()) &&
                                std::adjacent_find(starts.begin(), starts.end(),
                                                   [](double a, double b) { return b - a < 0.2; }) == starts.end() &&
                                starts.back() < end - 0.2;
        if (!spoken_fit) {  // share the time by length
            std::vector<double> weights;
            for (const auto& chunk : chunks) {
                std::size_t n = 0;
                for (const auto& l : chunk) n += characters(l);
                weights.push_back(static_cast<double>(n));
            }
            const double total = std::accumulate(weights.begin(), weights.end(), 0.0);
            starts.clear();
            double at = line.start;
            for (double w : weights) {
                starts.push_back(at);
                at += (end - line.start) * w / total;
            }
        }
        for (std::size_t k = 0; k < chunks.size(); ++k)
            cues.push_back({starts[k], k + 1 < chunks.size() ? starts[k + 1] : end, chunks[k], line.mark});
    }
    return cues;
}

std::vector<Cue> cues_in_range(const std::vector<Cue>& cues, double from, double to) {
    std::vector<Cue> out;
    for (const Cue& c : cues) {
        const double start = std::max(c.start, from), end = std::min(c.end, to);
        if (end - start < 0.01) continue;
        Cue shifted = c;
        shifted.start = start - from;
        shifted.end = end - from;
        out.push_back(std::move(shifted));
    }
    return out;
}

const Cue* caption_at(const std::vector<Cue>& cues, double t) {
    const auto after =
        std::upper_bound(cues.begin(), cues.end(), t, [](double x, const Cue& c) { return x < c.start; });
    if (after == cues.begin()) return nullptr;
    const Cue& c = *std::prev(after);
    return t < c.end ? &c : nullptr;
}

}  // namespace attnreel::captions
