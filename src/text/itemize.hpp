#pragma once
// Cutting a line of text into runs HarfBuzz can shape one at a time: each run has one
// face (per-character fallback through a chain), one script and one direction, and the
// runs come in visual order (Unicode bidirectional algorithm).
#include "text/font_library.hpp"
#include "text/utf8.hpp"

#include <hb.h>

#include <cstddef>
#include <vector>

namespace attnreel::text {

// Code points [begin, end) of the decoded text, shaped in one go.
struct Run {
    std::size_t begin, end;
    FaceId face;
    hb_script_t script;  // HB_SCRIPT_COMMON when the run has no letters (digits, spaces…)
    bool right_to_left;
    std::size_t chain = 0;  // which chain its characters used (see the styled overload)
};

// Each character takes the first face of `chain` that has it; spaces, digits, punctuation
// and marks stay with the face before them (or, at the start, the face of the first
// letter) when it has them, so a run is not split by a comma. Characters no face has go
// with their neighbours. The runs come left to right as they will be drawn.
std::vector<Run> itemize(const FontLibrary& fonts, const std::vector<CodePoint>& text,
                         const std::vector<FaceId>& chain);
// The same with a chain per code point (`chains[chain_of[i]]`, for styled stretches such as
// bold or mono): fallback happens within each character's own chain, a space keeps the
// face before it only within one chain, and runs also break where the chain changes.
std::vector<Run> itemize(const FontLibrary& fonts, const std::vector<CodePoint>& text,
                         const std::vector<std::vector<FaceId>>& chains, const std::vector<std::size_t>& chain_of);

}  // namespace attnreel::text
