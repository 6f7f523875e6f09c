#include "math/math_font.hpp"

#include "core/error.hpp"
#include "text/utf8.hpp"

#include <hb-ot.h>

#include <memory>

namespace attnreel::math {

namespace {

struct BufferDeleter {
    void operator()(hb_buffer_t* b) const { hb_buffer_destroy(b); }
};

}  // namespace

std::string missing_glyph_message(char32_t code_point) {
    return "the maths font has no glyph for " + text::code_point_name(code_point);
}

MathFont::MathFont(text::FontLibrary& fonts, text::FaceId face)
    : fonts_(fonts), face_(face), hb_font_(fonts.hb_font(face)), units_per_em_(fonts.units_per_em(face)) {
    if (!hb_ot_math_has_data(hb_font_get_face(hb_font_)))
        throw InputError("font '" + fonts.file_of(face).string() +
                         "' has no OpenType MATH table and cannot typeset formulas");
    constants_ = read_math_constants(hb_font_, units_per_em_);
}

double MathFont::scale(MathStyle level) const {
    switch (level) {
    case MathStyle::Script: return constants_.script_scale;
    case MathStyle::ScriptScript: return constants_.script_script_scale;
    default: return 1.0;
    }
}

std::uint32_t MathFont::glyph_for(char32_t code_point, MathStyle level) const {
    hb_codepoint_t glyph = 0;
    if (!hb_font_get_nominal_glyph(hb_font_, code_point, &glyph)) return 0;
    if (level != MathStyle::Script && level != MathStyle::ScriptScript) return glyph;
    // 'ssty' is a GSUB feature: shaping the lone character applies it. Maths fonts register
    // it under the 'math' script only.
    std::unique_ptr<hb_buffer_t, BufferDeleter> buffer(hb_buffer_create());
    const std::uint32_t text[1] = {static_cast<std::uint32_t>(code_point)};
    hb_buffer_add_utf32(buffer.get(), text, 1, 0, 1);
    hb_buffer_set_direction(buffer.get(), HB_DIRECTION_LTR);
    hb_buffer_set_script(buffer.get(), HB_SCRIPT_MATH);
    const hb_feature_t ssty{HB_TAG('s', 's', 't', 'y'), level == MathStyle::Script ? 1u : 2u, 0, ~0u};
    hb_shape(hb_font_, buffer.get(), &ssty, 1);
    unsigned count = 0;
    const hb_glyph_info_t* infos = hb_buffer_get_glyph_infos(buffer.get(), &count);
    return count == 1 ? infos[0].codepoint : glyph;
}

double MathFont::advance(std::uint32_t glyph) const { return em(hb_font_get_glyph_h_advance(hb_font_, glyph)); }

double MathFont::italic_correction(std::uint32_t glyph) const {
    return em(hb_ot_math_get_glyph_italics_correction(hb_font_, glyph));
}

double MathFont::top_accent_attachment(std::uint32_t glyph) const {
    return em(hb_ot_math_get_glyph_top_accent_attachment(hb_font_, glyph));
}

Box MathFont::glyph_box(std::uint32_t glyph, double scale, const SourceRange& source, const std::string& key) {
    Box box;
    box.width = advance(glyph) * scale;
    hb_glyph_extents_t extents{};
    if (hb_font_get_glyph_extents(hb_font_, glyph, &extents) && extents.height != 0) {
        box.height = em(extents.y_bearing) * scale;
        box.depth = -em(extents.y_bearing + extents.height) * scale;
    }
    const Path& outline = fonts_.glyph_outline(face_, glyph);
    if (!outline.empty()) box.pieces.push_back({outline, Similarity{scale, Vec2(0, 0)}, source, key});
    return box;
}

std::vector<GlyphVariant> MathFont::vertical_variants(std::uint32_t glyph) const {
    return variants(glyph, HB_DIRECTION_BTT);
}

std::vector<GlyphVariant> MathFont::horizontal_variants(std::uint32_t glyph) const {
    return variants(glyph, HB_DIRECTION_LTR);
}

std::vector<GlyphVariant> MathFont::variants(std::uint32_t glyph, hb_direction_t direction) const {
    std::vector<GlyphVariant> variants;
    unsigned offset = 0;
    for (;;) {
        hb_ot_math_glyph_variant_t chunk[16];
        unsigned count = 16;
        hb_ot_math_get_glyph_variants(hb_font_, glyph, direction, offset, &count, chunk);
        for (unsigned i = 0; i < count; ++i) variants.push_back({chunk[i].glyph, em(chunk[i].advance)});
        if (count < 16) break;
        offset += count;
    }
    return variants;
}

std::vector<AssemblyPart> MathFont::vertical_assembly(std::uint32_t glyph) const {
    return assembly(glyph, HB_DIRECTION_BTT);
}

std::vector<AssemblyPart> MathFont::horizontal_assembly(std::uint32_t glyph) const {
    return assembly(glyph, HB_DIRECTION_LTR);
}

std::vector<AssemblyPart> MathFont::assembly(std::uint32_t glyph, hb_direction_t direction) const {
    std::vector<AssemblyPart> parts;
    unsigned offset = 0;
    for (;;) {
        hb_ot_math_glyph_part_t chunk[16];
        unsigned count = 16;
        hb_ot_math_get_glyph_assembly(hb_font_, glyph, direction, offset, &count, chunk, nullptr);
        for (unsigned i = 0; i < count; ++i)
            parts.push_back({chunk[i].glyph, em(chunk[i].start_connector_length), em(chunk[i].end_connector_length),
                             em(chunk[i].full_advance), (chunk[i].flags & HB_OT_MATH_GLYPH_PART_FLAG_EXTENDER) != 0});
        if (count < 16) break;
        offset += count;
    }
    return parts;
}

double MathFont::min_connector_overlap(hb_direction_t direction) const {
    return em(hb_ot_math_get_min_connector_overlap(hb_font_, direction));
}

}  // namespace attnreel::math
