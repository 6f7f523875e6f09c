// Accents, over/under lines and braces: the parts of Typesetter that mark a sub-formula
// from above or below (appendix G rules 12, 9 and 10, with the OpenType MATH table's accent
// attachment points, AccentBaseHeight, the overbar and underbar constants, and the
// stretch-stack gaps for braces).
#include "core/error.hpp"
#include "math/delimiters.hpp"
#include "math/typesetter.hpp"

#include <algorithm>

namespace attnreel::math {

namespace {

// The lone character a base consists of ({y} in \hat{y}), which TeX accents as that
// character: by its own attachment point, with its scripts and italic correction kept.
const Node* lone_character(const MathList& base) {
    if (base.size() != 1) return nullptr;
    const Node& node = base.front();
    const bool plain = std::holds_alternative<Symbol>(node.nucleus) && !node.sup && !node.sub;
    return plain && node.cls != AtomClass::Op ? &node : nullptr;
}

}  // namespace

// Rule 12: the base in the cramped style; the accent centred on the base's attachment
// point (a slanted letter's lies right of its middle, over its visual top), and raised by
// as much as the base rises above AccentBaseHeight: the font draws accents to sit over a
// base that tall. A wide accent takes the widest horizontal variant no wider than the base
// (the smallest when none is), as TeX picks among a character's successors. The result stays a character when the base was one, so that
// scripts go where they would on the bare letter (TeX's rule 12 moves them onto it).
Typesetter::Nucleus Typesetter::accent(const Node& node, const Accent& accent, Style style) {
    const double s = scale(style);
    const Style cramped = style.cramped_style();
    Nucleus base;
    double base_attachment = 0;
    if (const Node* character = lone_character(accent.base)) {
        base = symbol(*character, std::get<Symbol>(character->nucleus), cramped);
        base_attachment = font_.top_accent_attachment(font_.glyph_for(
                              std::get<Symbol>(character->nucleus).code_point, style.level)) * s;
    } else {
        base.box = list(accent.base, cramped);
        base_attachment = base.box.width / 2;
    }

    std::uint32_t glyph = font_.glyph_for(accent.code_point, style.level);
    if (glyph == 0) throw InputError(missing_glyph_message(accent.code_point));
    if (accent.wide) {
        const std::vector<GlyphVariant> variants = font_.horizontal_variants(glyph);
        for (std::size_t i = 0; i < variants.size(); ++i) {
            if (i > 0 && variants[i].size * s > base.box.width) break;
            glyph = variants[i].glyph;
        }
    }
    const Box mark = font_.glyph_box(glyph, s, shown_range(node), node.key);
    const double raise = std::max(0.0, base.box.height - k_.accent_base_height * s);
    const Vec2 origin(base_attachment - font_.top_accent_attachment(glyph) * s, raise);

    Nucleus out{Box{}, base.italic, base.is_character};
    out.box.width = base.box.width;
    out.box.height = std::max(base.box.height, mark.height + raise);
    out.box.depth = std::max(base.box.depth, mark.depth - raise);
    out.box.draw(mark, origin);  // the accent comes first in the source
    out.box.draw(base.box, Vec2(0, 0));
    return out;
}

// Rules 9 and 10: \overline sets its body cramped under a rule OverbarVerticalGap above
// its ink, with OverbarExtraAscender of room above the rule; \underline keeps the style and
// hangs the rule UnderbarVerticalGap below, with UnderbarExtraDescender under it. The rule
// spans the body and is one piece.
Box Typesetter::over_under_line(const Node& node, const OverUnderLine& line, Style style) {
    const double s = scale(style);
    const bool over = line.side == LineSide::Over;
    const Box body = list(line.body, over ? style.cramped_style() : style);
    Box box;
    box.width = body.width;
    box.height = body.height;
    box.depth = body.depth;
    if (over) {
        const double bottom = body.height + k_.overbar_vertical_gap * s;
        const double top = bottom + k_.overbar_rule_thickness * s;
        box.draw(rule_box(body.width, bottom, top, shown_range(node), node.key), Vec2(0, 0));
        box.height = top + k_.overbar_extra_ascender * s;
    } else {
        const double top = -(body.depth + k_.underbar_vertical_gap * s);
        const double bottom = top - k_.underbar_rule_thickness * s;
        box.draw(rule_box(body.width, bottom, top, shown_range(node), node.key), Vec2(0, 0));
        box.depth = -bottom + k_.underbar_extra_descender * s;
    }
    box.draw(body, Vec2(0, 0));
    return box;
}

// \underbrace and \overbrace: the body in the current style, and the font's horizontal
// brace (⏟ U+23DF, ⏞ U+23DE) at least as wide as it, StretchStackGapAboveMin below the
// body's box (StretchStackGapBelowMin above it), both centred. The node is an operator
// with limits, so its label goes under (over) the brace by the limit rule, as TeX's
// \underbrace{…} is \mathop{…}\limits.
Box Typesetter::brace(const Node& node, const Brace& brace, Style style) {
    const double s = scale(style);
    const bool under = brace.side == LineSide::Under;
    const Box body = list(brace.body, style);
    const char32_t code_point = under ? U'\u23DF' : U'\u23DE';
    const std::uint32_t glyph = font_.glyph_for(code_point, MathStyle::Text);
    if (glyph == 0) throw InputError(missing_glyph_message(code_point));
    const Box mark = stretched_horizontal_glyph(font_, glyph, body.width, s, shown_range(node), node.key);

    Box box;
    box.width = std::max(body.width, mark.width);
    box.height = body.height;
    box.depth = body.depth;
    box.draw(body, Vec2((box.width - body.width) / 2, 0));
    if (under) {
        const double ink_top = -(body.depth + k_.stretch_stack_gap_above_min * s);
        box.draw(mark, Vec2((box.width - mark.width) / 2, ink_top - mark.height));
        box.depth = std::max(box.depth, mark.height + mark.depth - ink_top);
    } else {
        const double ink_bottom = body.height + k_.stretch_stack_gap_below_min * s;
        box.draw(mark, Vec2((box.width - mark.width) / 2, ink_bottom + mark.depth));
        box.height = std::max(box.height, ink_bottom + mark.depth + mark.height);
    }
    return box;
}

}  // namespace attnreel::math
