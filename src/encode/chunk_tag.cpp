#include "encode/chunk_tag.hpp"

#include "core/error.hpp"

#include <algorithm>


namespace attnreel {

namespace {

constexpr const char* kPrefix = "attnreel chunk; ";

// The value after "key=" up to the next "; " (or the end), or nothing.
std::optional<std::string> field(const std::string& text, const std::string& key) {
    const std::string start = "; " + key + "=";
    const std::size_t at = text.find(start);
    if (at == std::string::npos) return std::nullopt;
    const std::size_t from = at + start.size();
    const std::size_t to = text.find("; ", from);
    return text.substr(from, to == std::string::npos ? std::string::npos : to - from);
}

std::optional<std::int64_t> whole_number(const std::string& text) {
    if (text.empty() || text.size() > 18) return std::nullopt;
    std::int64_t value = 0;
    for (char c : text) {
        if (c < '0' || c > '9') return std::nullopt;
        value = value * 10 + (c - '0');
    }
    return value;
}

}  // namespace

std::string ChunkTag::text() const {
    return std::string(kPrefix) + "scene=" + scene + "; settings=" + settings +
           "; frames=" + std::to_string(first) + ":" + std::to_string(end) + "; of=" + std::to_string(total);
}

std::string ChunkTag::range() const { return "frames " + std::to_string(first) + ":" + std::to_string(end); }

std::optional<ChunkTag> ChunkTag::parse(const std::string& text) {
    if (text.rfind(kPrefix, 0) != 0) return std::nullopt;
    ChunkTag tag;
    const auto scene = field(text, "scene");
    const auto settings = field(text, "settings");
    const auto frames = field(text, "frames");
    const auto total = field(text, "of");
    if (!scene || !settings || !frames || !total) return std::nullopt;
    const std::size_t colon = frames->find(':');
    if (colon == std::string::npos) return std::nullopt;
    const auto first = whole_number(frames->substr(0, colon));
    const auto end = whole_number(frames->substr(colon + 1));
    const auto of = whole_number(*total);
    if (!first || !end || !of || *first >= *end || *end > *of) return std::nullopt;
    tag.scene = *scene;
    tag.settings = *settings;
    tag.first = *first;
    tag.end = *end;
    tag.total = *of;
    return tag;
}

void check_chunks_fit(std::vector<TaggedChunk>& chunks) {
    if (chunks.empty()) throw InputError("join needs at least one chunk");
    std::stable_sort(chunks.begin(), chunks.end(),
                     [](const TaggedChunk& a, const TaggedChunk& b) { return a.tag.first < b.tag.first; });
    const TaggedChunk& head = chunks.front();
    auto refuse = [](const TaggedChunk& c, const std::string& message) {
        throw InputError(SourceMark{c.file.string()}, message);
    };
    for (std::size_t i = 0; i < chunks.size(); ++i) {
        const TaggedChunk& c = chunks[i];
        if (c.tag.scene != head.tag.scene)
            refuse(c, "is a chunk of another scene (" + c.tag.scene + ") than " + head.file.string() + " (" +
                          head.tag.scene + ")");
        if (c.tag.settings != head.tag.settings || c.tag.total != head.tag.total)
            refuse(c, "was rendered with other settings (" + c.tag.settings + ", " + std::to_string(c.tag.total) +
                          " frames) than " + head.file.string() + " (" + head.tag.settings + ", " +
                          std::to_string(head.tag.total) + " frames)");
        const std::int64_t expected = i == 0 ? 0 : chunks[i - 1].tag.end;
        if (c.tag.first > expected)
            refuse(c, "leaves a gap: frames " + std::to_string(expected) + ":" + std::to_string(c.tag.first) +
                          " are in no chunk given");
        if (c.tag.first < expected)
            refuse(c, "overlaps " + chunks[i - 1].file.string() + ": both hold frames " + std::to_string(c.tag.first) +
                          ":" + std::to_string(std::min(expected, c.tag.end)));
    }
    const TaggedChunk& last = chunks.back();
    if (last.tag.end != last.tag.total)
        refuse(last, "is the last chunk given, but frames " + std::to_string(last.tag.end) + ":" +
                         std::to_string(last.tag.total) + " of the video are in no chunk");
}

}  // namespace attnreel
