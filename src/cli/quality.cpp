#include "cli/quality.hpp"

#include <cstdio>

namespace attnreel::cli {

namespace {

constexpr Quality kQualities[] = {
    {"low", 854, 480, 15}, {"medium", 1280, 720, 30}, {"high", 1920, 1080, 60}, {"4k", 3840, 2160, 60}};

// Manim's names for the same presets (`-q l`, `--quality low_quality`).
struct Synonym {
    const char* word;
    const char* name;
};
constexpr Synonym kSynonyms[] = {{"l", "low"},    {"low_quality", "low"},       {"m", "medium"},
                                 {"medium_quality", "medium"}, {"h", "high"}, {"high_quality", "high"},
                                 {"k", "4k"},     {"fourk_quality", "4k"},      {"2160p", "4k"},
                                 {"480p", "low"}, {"720p", "medium"},           {"1080p", "high"}};

}  // namespace

const Quality* find_quality(const std::string& name) {
    std::string wanted = name;
    for (const auto& s : kSynonyms)
        if (name == s.word) wanted = s.name;
    for (const auto& q : kQualities)
        if (wanted == q.name) return &q;
    return nullptr;
}

const std::vector<std::string>& quality_names() {
    static const std::vector<std::string> names = {"low", "medium", "high", "4k"};
    return names;
}

std::string quality_tag(int height, double fps) {
    char tag[48];
    std::snprintf(tag, sizeof tag, "%dp%g", height, fps);
    return tag;
}

}  // namespace attnreel::cli
