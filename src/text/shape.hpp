#pragma once
// One line of UTF-8 text shaped into positioned glyph outlines: per-character font
// fallback through a chain of faces, bidirectional runs in visual order, HarfBuzz shaping.
#include "core/path.hpp"
#include "text/font_library.hpp"

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

namespace attnreel::text {

// Scenes give font sizes as the em size in pixels at 1080p; the frame is 8 units high,
// so a 1080-pixel frame has 135 pixels per unit.
inline double font_size_to_em(double font_size) { return font_size * 8.0 / 1080.0; }

struct ShapedGlyph {
    Path outline;          // scene units, already positioned; empty for spaces
    std::size_t cluster;   // byte offset into the source string of the text it shows
    FaceId face;
    std::uint32_t glyph;   // glyph id in that face
    Vec2 origin;           // pen position the glyph is drawn at (baseline, with offsets)
    double advance;        // how far the pen moves after it
};

struct ShapedText {
    std::vector<ShapedGlyph> glyphs;  // visual order, left to right
    double width = 0;                 // total advance
    double ascent = 0;                // of the primary face, above the baseline
    double descent = 0;               // of the primary face, below the baseline (positive)
};

// Shapes `utf8` as one line: baseline at y = 0, pen from x = 0, y up, em size `em_size`
// scene units. Each character takes the first face of `chain` that has it (spaces, marks
// and punctuation stay with the face before them when it has them), then DejaVu Sans as
// the last resort; an empty chain means {"sans"}. ASCII control characters (tab, newline)
// shape as spaces: split lines before shaping. Throws InputError for invalid UTF-8
// ("invalid UTF-8 at byte N") or an em size that is not positive.
ShapedText shape(FontLibrary& fonts, std::string_view utf8, const std::vector<FaceId>& chain, double em_size);

// Bytes [begin, end) of a text whose characters take their faces from `chain` (a bold or
// mono stretch of styled text).
struct FaceRange {
    std::size_t begin = 0, end = 0;
    std::vector<FaceId> chain;
};

// shape() for a line whose stretches have chains of their own, shaped as one line so
// bidi reordering and joining work across them; HarfBuzz runs also break where the range
// changes, so no ligature spans two styles. The ranges cover the text in order, without
// gaps (an empty list means one range with {"sans"}). Ascent and descent are those of the
// first range's primary face. Throws as above, and InputError for ranges that do not
// cover the text.
ShapedText shape_styled(FontLibrary& fonts, std::string_view utf8, const std::vector<FaceRange>& ranges,
                        double em_size);

}  // namespace attnreel::text
