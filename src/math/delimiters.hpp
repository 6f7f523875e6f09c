#pragma once
// Glyphs that grow: delimiters of \left…\right, matrices and binomials, radical signs and
// display operators grow vertically; braces under and over a formula grow horizontally.
// The font offers bigger variants and, past the biggest, an assembly of pieces (ends and
// repeatable extenders) that can reach any size.
#include "math/math_box.hpp"
#include "math/math_font.hpp"

#include <cstdint>

namespace attnreel::math {

// `glyph` at `scale`, at least `size` em tall: the first variant whose advance reaches
// `size`, else an assembly built to `assembly_size` (at least `size`), else the biggest
// variant. A variant keeps its own position around the baseline; an assembly stands on
// the baseline. One piece.
Box stretched_glyph(MathFont& font, std::uint32_t glyph, double size, double scale, const SourceRange& source,
                    const std::string& key, double assembly_size = 0);

// `glyph` at `scale`, at least `width` em wide, chosen the same way among the horizontal
// variants and assembly (built to exactly `width`). One piece, its origin on the left.
Box stretched_horizontal_glyph(MathFont& font, std::uint32_t glyph, double width, double scale,
                               const SourceRange& source, const std::string& key);

// TeX's size for a delimiter around content of `height` and `depth` (em) with the axis
// at `axis`: it covers 90.1% of twice the larger half about the axis, and falls short of
// all of it by at most `shortfall` (\delimiterfactor 901, \delimitershortfall).
// The MATH table's DelimitedSubFormulaMinHeight is not a floor here: at 1.3 em in Latin
// Modern Math it would make \left( x \right) half again as tall as TeX's plain '('.
double required_delimiter_size(double height, double depth, double axis, double shortfall);

// A delimiter of at least `size` em, centred on the axis at `axis`; for code point 0 (TeX's
// '.') an empty box `null_width` wide. An assembly is built to `assembly_size` when that
// is more than `size`.
Box delimiter_box(MathFont& font, const Delimiter& delimiter, double size, double scale, double axis,
                  double null_width, double assembly_size = 0);

}  // namespace attnreel::math
