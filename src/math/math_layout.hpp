#pragma once
// Math list → positioned outlines, following TeX's rules (The TeXbook, appendix G) with
// the sizes and gaps of the font's OpenType MATH table read through HarfBuzz.
#include "core/path.hpp"
#include "math/math_ast.hpp"
#include "text/font_library.hpp"

#include <string>
#include <vector>

namespace attnreel::math {

// One visible piece of a laid-out formula: a glyph, a fraction rule, a radical's sign
// with its overbar, a delimiter (a variant or an assembly of pieces).
struct MathItem {
    Path outline;        // scene units, baseline of the formula at y = 0, pen from x = 0, y up
    SourceRange source;  // the node (or delimiter) it comes from
    std::string key;     // that node's (or delimiter's) matching key
};

struct MathLayout {
    std::vector<MathItem> items;  // in reading order
    double width = 0;   // advance of the whole formula
    double height = 0;  // ink extent above the baseline
    double depth = 0;   // ink extent below the baseline (positive)
};

// Lays out `list` in `style` with the maths face `face` (which must have a MATH table;
// InputError otherwise) at an em size of `em_size` scene units.
MathLayout layout_math(text::FontLibrary& fonts, text::FaceId face, const MathList& list, MathStyle style,
                       double em_size);

}  // namespace attnreel::math
