#pragma once
// The Unicode bidirectional algorithm (through FriBidi) for one line of text: which code
// points run right-to-left, and where each ends up when the line is read left to right.
#include <cstddef>
#include <vector>

namespace attnreel::text {

struct BidiLine {
    std::vector<unsigned char> levels;         // per code point; odd = right-to-left
    std::vector<std::size_t> visual_position;  // per code point, 0 = leftmost
};

// The paragraph direction comes from the first strong character (left-to-right if none).
BidiLine resolve_bidi(const std::vector<char32_t>& code_points);

}  // namespace attnreel::text
