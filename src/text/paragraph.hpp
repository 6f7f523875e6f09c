#pragma once
// A block of styled text: lines broken at newlines and, within a width, at spaces (a word
// longer than the width breaks between characters); each line shaped whole, so fallback
// and bidi work per line; lines aligned left, centre or right and spaced by a multiple of
// the font's natural line height; the block centred on the origin.
#include "text/shape.hpp"

#include <optional>

namespace attnreel::text {

enum class Align { Left, Center, Right };

struct ParagraphStyle {
    double em_size = 0;
    std::optional<double> width;  // wrap width in scene units; none: lines break only at newlines
    Align align = Align::Center;
    double line_spacing = 1.15;   // baseline distance as a multiple of the natural line height
};

struct PlacedGlyph {
    Path outline;      // in the block's coordinates; empty for spaces
    std::size_t byte;  // where the text it shows starts (its cluster), in the whole text
};

struct PlacedLine {
    std::size_t begin = 0, end = 0;  // bytes of the text on the line, without the spaces it broke at
    double left = 0;                  // x where its pen starts
    double width = 0;                 // its advance
    double baseline = 0;              // y
};

struct Paragraph {
    std::vector<PlacedGlyph> glyphs;  // line after line, each in visual order
    std::vector<PlacedLine> lines;
    double line_height = 0;           // natural: ascent + descent of the primary face, scene units
};

// `ranges` give the stretches of `text` their face chains, as for shape(); `primary` (the
// text's own font) sets ascent, descent and so the line height. Final newlines are
// ignored (a YAML `|` block ends with one). The block is centred on the origin:
// horizontally on the widest line's advance, vertically from the first line's ascent to
// the last line's descent, so a single line sits where shape() and centring on its
// advance and line box put it. Throws InputError as shape() does, and for a width or line
// spacing that is not positive.
Paragraph lay_out_paragraph(FontLibrary& fonts, std::string_view text, const std::vector<FaceRange>& ranges,
                            FaceId primary, const ParagraphStyle& style);

}  // namespace attnreel::text
