#pragma once
// One line of UTF-8 text shaped into positioned glyph outlines: per-character font
// fallback through a chain of faces, bidirectional runs in visual order, HarfBuzz shaping.
#include "core/path.hpp"
#include "text/font_library.hpp"

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace attnreel::text {

// Scenes give font sizes as the em size in pixels at 1080p; the frame is 8 units high,
// so a 1080-pixel frame has 135 pixels per unit.
inline double font_size_to_em(double font_size) { return font_size * 8.0 / 1080.0; }

// OpenType features in HarfBuzz's syntax, applied in order (a later one for the same tag
// wins): "-liga" turns ligatures off, "calt" turns contextual alternates on, "ss01=1"
// picks a stylistic set. Empty: the font's defaults.
using FontFeatures = std::vector<std::string>;

// Features that keep text exactly as written, for tokens and code: no ligatures and no
// contextual alternates, so "->" stays a hyphen and a '>', "2x2" keeps its x and "<0x0A>"
// is not turned into "<0×0A>" (Inter and JetBrains Mono do all three by default).
// Required ligatures (Arabic) and kerning stay on.
const FontFeatures& as_written_features();

// Whether `feature` is one HarfBuzz reads ("liga", "-calt", "ss01=1", "+kern").
bool is_font_feature(std::string_view feature);

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
// `features` apply to the whole line.
ShapedText shape(FontLibrary& fonts, std::string_view utf8, const std::vector<FaceId>& chain, double em_size,
                 const FontFeatures& features = {});

// Bytes [begin, end) of a text whose characters take their faces from `chain` (a bold or
// mono stretch of styled text).
struct FaceRange {
    FaceRange() = default;
    FaceRange(std::size_t begin, std::size_t end, std::vector<FaceId> chain, FontFeatures features = {},
              double size = 1, double rise = 0)
        : begin(begin), end(end), chain(std::move(chain)), features(std::move(features)), size(size), rise(rise) {}

    std::size_t begin = 0, end = 0;
    std::vector<FaceId> chain;
    FontFeatures features;  // for this stretch (a <tt> span is shaped as written)
    double size = 1;        // its em size, as a share of the line's (a superscript is smaller)
    double rise = 0;        // its baseline above the line's, in the line's ems (negative: lower)
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
