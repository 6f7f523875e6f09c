#pragma once
// Glyphs that grow vertically: delimiters of \left…\right and matrices, radical signs and
// display operators. The font offers bigger variants and, past the biggest, an assembly
// of pieces (ends and repeatable extenders) that can reach any size.
#include "math/math_box.hpp"
#include "math/math_font.hpp"

#include <cstdint>

namespace attnreel::math {

// `glyph` at `scale`, at least `size` em tall: the first variant whose advance reaches
// `size`, else an assembly built to `size`, else the biggest variant. A variant keeps its
// own position around the baseline; an assembly stands on the baseline. One piece.
Box stretched_glyph(MathFont& font, std::uint32_t glyph, double size, double scale, const SourceRange& source,
                    const std::string& key);

// TeX's size for a delimiter around content of `height` and `depth` (em) with the axis
// at `axis`: it covers 90.1% of twice the larger half about the axis, and falls short of
// all of it by at most `shortfall` (\delimiterfactor 901, \delimitershortfall).
// The MATH table's DelimitedSubFormulaMinHeight is not a floor here: at 1.3 em in Latin
// Modern Math it would make \left( x \right) half again as tall as TeX's plain '('.
double required_delimiter_size(double height, double depth, double axis, double shortfall);

// A delimiter of at least `size` em, centred on the axis at `axis`; for code point 0 (TeX's
// '.') an empty box `null_width` wide.
Box delimiter_box(MathFont& font, const Delimiter& delimiter, double size, double scale, double axis,
                  double null_width);

}  // namespace attnreel::math
