#include "text/styled_replace.hpp"

namespace attnreel::text {

std::size_t replaced_offset(std::size_t offset, const std::vector<Replacement>& replacements) {
    long long shift = 0;  // how much the ranges before `offset` grew (or shrank)
    for (const Replacement& r : replacements) {
        if (offset <= r.begin) break;
        if (offset < r.end) return static_cast<std::size_t>(static_cast<long long>(r.begin) + shift) + r.with.size();
        shift += static_cast<long long>(r.with.size()) - static_cast<long long>(r.end - r.begin);
    }
    return static_cast<std::size_t>(static_cast<long long>(offset) + shift);
}

StyledText replace_ranges(const StyledText& text, const std::vector<Replacement>& replacements) {
    StyledText out;
    std::size_t at = 0;
    for (const Replacement& r : replacements) {
        out.text.append(text.text, at, r.begin - at);
        out.text += r.with;
        at = r.end;
    }
    out.text.append(text.text, at, std::string::npos);
    for (const StyledRun& run : text.runs) {
        StyledRun moved = run;
        moved.begin = replaced_offset(run.begin, replacements);
        moved.end = replaced_offset(run.end, replacements);
        if (moved.begin >= moved.end) continue;
        // Neighbours differ in style: a run emptied between two alike ones joins them.
        if (!out.runs.empty() && out.runs.back().style == moved.style && out.runs.back().end == moved.begin)
            out.runs.back().end = moved.end;
        else
            out.runs.push_back(moved);
    }
    return out;
}

}  // namespace attnreel::text
