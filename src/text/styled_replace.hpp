#pragma once
// Replacing byte ranges of a styled text (a placeholder by the value it shows, "{{" by "{")
// while its styled runs keep covering what they covered.
#include "text/markup.hpp"

#include <cstddef>
#include <string>
#include <vector>

namespace attnreel::text {

// Bytes [begin, end) of the plain text become `with`.
struct Replacement {
    std::size_t begin = 0, end = 0;
    std::string with;
};

// `replacements` are sorted and do not overlap. A replaced range takes the style of the
// run it starts in (a run boundary inside it moves to its end). Returns the new text.
StyledText replace_ranges(const StyledText& text, const std::vector<Replacement>& replacements);

// Where byte `offset` of the old text lands in the new one (an offset inside a replaced
// range lands at the end of what replaced it).
std::size_t replaced_offset(std::size_t offset, const std::vector<Replacement>& replacements);

}  // namespace attnreel::text
