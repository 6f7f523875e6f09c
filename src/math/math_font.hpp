#pragma once
// The maths face as layout sees it: its MATH constants, the size of each style, glyphs
// for characters (with the script-size alternates of 'ssty'), ink extents, italic
// corrections and the bigger variants and assemblies of stretchy glyphs. Lengths in em.
#include "math/math_box.hpp"
#include "math/math_constants.hpp"
#include "math/math_style.hpp"
#include "text/font_library.hpp"

#include <cstdint>
#include <string>
#include <vector>

namespace attnreel::math {

// A bigger form of a glyph; `size` is its advance along the stretch direction, in em.
struct GlyphVariant {
    std::uint32_t glyph = 0;
    double size = 0;
};

// One piece of an assembly, from bottom to top (or left to right); lengths in em.
struct AssemblyPart {
    std::uint32_t glyph = 0;
    double start_connector = 0;  // at its bottom (left)
    double end_connector = 0;    // at its top (right)
    double full_advance = 0;
    bool extender = false;       // may be repeated
};

// "the maths font has no glyph for U+2A0C": for characters the font cannot draw.
std::string missing_glyph_message(char32_t code_point);

class MathFont {
public:
    // Throws InputError when the face has no MATH table, naming its file.
    MathFont(text::FontLibrary& fonts, text::FaceId face);

    const MathConstants& constants() const { return constants_; }
    // The size of a style as a fraction of the base size: 1, ScriptPercentScaleDown…
    double scale(MathStyle level) const;

    // The glyph that shows `code_point` at `level`: the 'ssty' alternate (1 in script,
    // 2 in scriptscript style) when the font has one. 0 when the font lacks the character.
    std::uint32_t glyph_for(char32_t code_point, MathStyle level) const;
    double advance(std::uint32_t glyph) const;
    double italic_correction(std::uint32_t glyph) const;
    // Where an accent over `glyph` is centred (on a base) or centred at (on an accent), from
    // the glyph's origin; HarfBuzz gives half the advance when the font names no point.
    double top_accent_attachment(std::uint32_t glyph) const;
    // The glyph at `scale` as a box: its advance, its ink above and below the baseline.
    Box glyph_box(std::uint32_t glyph, double scale, const SourceRange& source, const std::string& key);

    std::vector<GlyphVariant> vertical_variants(std::uint32_t glyph) const;  // smallest first
    std::vector<GlyphVariant> horizontal_variants(std::uint32_t glyph) const;  // narrowest first
    std::vector<AssemblyPart> vertical_assembly(std::uint32_t glyph) const;    // empty when none
    std::vector<AssemblyPart> horizontal_assembly(std::uint32_t glyph) const;  // empty when none
    double min_connector_overlap(hb_direction_t direction) const;

    text::FontLibrary& fonts() const { return fonts_; }
    text::FaceId face() const { return face_; }

private:
    double em(std::int32_t font_units) const { return font_units / units_per_em_; }
    std::vector<GlyphVariant> variants(std::uint32_t glyph, hb_direction_t direction) const;
    std::vector<AssemblyPart> assembly(std::uint32_t glyph, hb_direction_t direction) const;

    text::FontLibrary& fonts_;
    text::FaceId face_;
    hb_font_t* hb_font_;
    double units_per_em_;
    MathConstants constants_;
};

}  // namespace attnreel::math
