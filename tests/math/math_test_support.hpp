#pragma once
// What the formula layout tests share: math lists built by hand, the font read
// independently through HarfBuzz, and ways to read a layout back (where each glyph was
// placed, recovered exactly from its outline).
#include "core/error.hpp"
#include "math/math_layout.hpp"
#include "math/tex_parser.hpp"

#include <catch2/catch.hpp>

#include <hb-ot.h>
#include <hb.h>

#include <filesystem>
#include <functional>
#include <optional>
#include <string>

using namespace attnreel;
using namespace attnreel::math;
using Catch::Matchers::WithinAbs;

namespace attnreel::math::testing {

constexpr double exact = 1e-9;  // positions that follow from rules
constexpr double ink = 1e-3;    // positions that involve ink bounds of flattened outlines

// --- building formulas by hand -------------------------------------------------------

inline char32_t math_italic(char c) {
    if (c == 'h') return U'\u210E';  // Planck constant stands in for the missing italic h
    if (c >= 'a' && c <= 'z') return 0x1D44E + (c - 'a');
    return 0x1D434 + (c - 'A');
}

// Every node gets a distinct source range so that items can be traced back.
inline std::size_t next_source = 0;

inline Node symbol(char32_t code_point, AtomClass cls, const std::string& key) {
    Node n;
    n.cls = cls;
    n.nucleus = Symbol{code_point};
    n.key = key;
    n.source = n.nucleus_source = {next_source, next_source + 1};
    ++next_source;
    return n;
}
inline Node var(char c) { return symbol(math_italic(c), AtomClass::Ord, std::string(1, c)); }
inline Node digit(char c) { return symbol(char32_t(c), AtomClass::Ord, std::string(1, c)); }
inline Node bin(char c) { return symbol(char32_t(c), AtomClass::Bin, std::string(1, c)); }
inline Node rel(char c) { return symbol(char32_t(c), AtomClass::Rel, std::string(1, c)); }
inline Node punct(char c) { return symbol(char32_t(c), AtomClass::Punct, std::string(1, c)); }
inline Node open(char c) { return symbol(char32_t(c), AtomClass::Open, std::string(1, c)); }
inline Node close(char c) { return symbol(char32_t(c), AtomClass::Close, std::string(1, c)); }
inline Node sum() {
    Node n = symbol(U'\u2211', AtomClass::Op, "\\sum");
    n.large_op = true;
    return n;
}
inline Node with_sup(Node n, MathList sup) {
    n.sup = std::move(sup);
    return n;
}
inline Node with_sub(Node n, MathList sub) {
    n.sub = std::move(sub);
    return n;
}
inline Node construction(Nucleus nucleus, const std::string& key, AtomClass cls = AtomClass::Ord) {
    Node n;
    n.cls = cls;
    n.nucleus = std::move(nucleus);
    n.key = key;
    n.source = n.nucleus_source = {next_source, next_source + 1};
    ++next_source;
    return n;
}
inline Node frac(MathList numerator, MathList denominator) {
    Fraction fraction;
    fraction.numerator = std::move(numerator);
    fraction.denominator = std::move(denominator);
    return construction(std::move(fraction), "\\frac");
}
inline Node sqrt_of(MathList body, std::optional<MathList> degree = std::nullopt) {
    return construction(Radical{std::move(body), std::move(degree)}, "\\sqrt");
}
inline Delimiter delimiter(char32_t c, std::size_t at) {
    Delimiter d;
    d.code_point = c;
    d.key = c ? std::string(1, char(c)) : "";
    d.source = {at, at + 1};
    return d;
}
inline Node left_right(char32_t left, MathList body, char32_t right) {
    LeftRight fence;
    fence.left = delimiter(left, 1000);
    fence.right = delimiter(right, 1001);
    fence.body = std::move(body);
    return construction(std::move(fence), "\\left", AtomClass::Inner);
}
inline Node matrix(std::vector<std::vector<MathList>> rows, char32_t left, char32_t right) {
    Matrix m;
    m.rows = std::move(rows);
    m.left = delimiter(left, 2000);
    m.right = delimiter(right, 2001);
    return construction(std::move(m), "bmatrix", AtomClass::Inner);
}
inline std::vector<std::vector<MathList>> column_of(const std::string& letters) {
    std::vector<std::vector<MathList>> rows;
    for (char c : letters) rows.push_back({MathList{var(c)}});
    return rows;
}

// --- reading the font independently ----------------------------------------------------

struct MathFace {
    text::FontLibrary fonts{std::filesystem::path(ATTNREEL_SOURCE_DIR) / "fonts"};
    text::FaceId face = fonts.face("math");
    hb_font_t* hb = fonts.hb_font(face);
    double upem = fonts.units_per_em(face);

    double constant(hb_ot_math_constant_t c) const { return hb_ot_math_get_constant(hb, c) / upem; }
    double script_scale() const { return hb_ot_math_get_constant(hb, HB_OT_MATH_CONSTANT_SCRIPT_PERCENT_SCALE_DOWN) / 100.0; }
    double script_script_scale() const {
        return hb_ot_math_get_constant(hb, HB_OT_MATH_CONSTANT_SCRIPT_SCRIPT_PERCENT_SCALE_DOWN) / 100.0;
    }
    double axis() const { return constant(HB_OT_MATH_CONSTANT_AXIS_HEIGHT); }
    // The glyph for `c` at a style's size: script sizes use the 'ssty' alternates, which
    // Latin Modern Math has (registered under the 'math' script).
    std::uint32_t glyph(char32_t c, MathStyle level = MathStyle::Display) const {
        hb_buffer_t* buffer = hb_buffer_create();
        const std::uint32_t text[1] = {static_cast<std::uint32_t>(c)};
        hb_buffer_add_utf32(buffer, text, 1, 0, 1);
        hb_buffer_set_direction(buffer, HB_DIRECTION_LTR);
        hb_buffer_set_script(buffer, HB_SCRIPT_MATH);
        const unsigned ssty = level == MathStyle::Script ? 1 : level == MathStyle::ScriptScript ? 2 : 0;
        const hb_feature_t feature{HB_TAG('s', 's', 't', 'y'), ssty, 0, ~0u};
        hb_shape(hb, buffer, &feature, 1);
        unsigned count = 0;
        const std::uint32_t g = hb_buffer_get_glyph_infos(buffer, &count)[0].codepoint;
        hb_buffer_destroy(buffer);
        return g;
    }
    double scale(MathStyle level) const {
        return level == MathStyle::Script ? script_scale() : level == MathStyle::ScriptScript ? script_script_scale() : 1.0;
    }
    // Advance and italic correction of `c` at a style's size, in em of the base size.
    double advance(char32_t c, MathStyle level = MathStyle::Display) const {
        return hb_font_get_glyph_h_advance(hb, glyph(c, level)) / upem * scale(level);
    }
    double italic(char32_t c, MathStyle level = MathStyle::Display) const {
        return hb_ot_math_get_glyph_italics_correction(hb, glyph(c, level)) / upem * scale(level);
    }
    // A letter without scripts keeps its italic correction in its width, as in TeX.
    double width(char32_t c) const { return advance(c) + italic(c); }
    double ink_top(std::uint32_t g) const {
        hb_glyph_extents_t e{};
        hb_font_get_glyph_extents(hb, g, &e);
        return e.y_bearing / upem;
    }
    double ink_bottom(std::uint32_t g) const {
        hb_glyph_extents_t e{};
        hb_font_get_glyph_extents(hb, g, &e);
        return (e.y_bearing + e.height) / upem;
    }
    const Path& outline(std::uint32_t g) { return fonts.glyph_outline(face, g); }

    MathLayout layout(const MathList& list, MathStyle style = MathStyle::Display, double em = 1.0) {
        return layout_math(fonts, face, list, style, em);
    }
};

// --- reading the layout ----------------------------------------------------------------

inline const MathItem& item(const MathLayout& layout, const std::string& key, int nth = 0) {
    for (const MathItem& it : layout.items)
        if (it.key == key && nth-- == 0) return it;
    FAIL("no item with key '" << key << "'");
    throw std::logic_error("unreachable");
}

// The similarity under which `glyph_outline` (em units) became `item`'s outline, found
// from two far-apart points; the outlines must match point for point.
inline Similarity placement(const MathItem& item, const Path& glyph_outline) {
    const auto& drawn = item.outline.points();
    const auto& source = glyph_outline.points();
    REQUIRE(drawn.size() == source.size());
    std::size_t far = 1;
    for (std::size_t i = 1; i < source.size(); ++i)
        if ((source[i] - source[0]).norm() > (source[far] - source[0]).norm()) far = i;
    const double scale = (drawn[far] - drawn[0]).norm() / (source[far] - source[0]).norm();
    return {scale, drawn[0] - scale * source[0]};
}

// How far apart two paths of the same points are at most.
inline double largest_distance(const Path& a, const Path& b) {
    REQUIRE(a.points().size() == b.points().size());
    double largest = 0;
    for (std::size_t i = 0; i < a.points().size(); ++i)
        largest = std::max(largest, (a.points()[i] - b.points()[i]).norm());
    return largest;
}

// The origin (pen position on its baseline) of the glyph for `c` drawn as `item`.
inline Vec2 origin_of(MathFace& f, const MathItem& item, char32_t c, MathStyle level = MathStyle::Display) {
    return placement(item, f.outline(f.glyph(c, level))).offset;
}

// The subpaths of a path, each as its own Path.
inline std::vector<Path> subpaths(const Path& path) {
    std::vector<Path> out;
    std::size_t p = 0;
    for (Verb verb : path.verbs()) {
        const auto& pts = path.points();
        switch (verb) {
        case Verb::Move: out.emplace_back().move_to(pts[p++]); break;
        case Verb::Line: out.back().line_to(pts[p++]); break;
        case Verb::Cubic:
            out.back().cubic_to(pts[p], pts[p + 1], pts[p + 2]);
            p += 3;
            break;
        case Verb::Close: out.back().close(); break;
        }
    }
    return out;
}

inline std::string input_error_message(const std::function<void()>& action) {
    try {
        action();
    } catch (const InputError& e) {
        return e.message();
    }
    return "no error";
}

inline MathLayout layout_tex(MathFace& f, const std::string& tex, MathStyle style = MathStyle::Display) {
    return f.layout(parse_tex(tex), style);
}

// The x of the leftmost ink of the item with `key`.
inline double left_of(const MathLayout& layout, const std::string& key, int nth = 0) {
    return item(layout, key, nth).outline.bounds().min.x();
}

}  // namespace attnreel::math::testing
