// Scripts on large operators and lone subscripts, where an OpenType MATH font and TeX's
// own fonts differ: an operator's advance already includes its slant (XeTeX, LuaTeX and
// MathML Core place its scripts by it), and the MATH table has one subscript shift where
// TeX has two.
#include "math_test_support.hpp"

using namespace attnreel::math::testing;

namespace {

constexpr char32_t integral = U'\u222B';
constexpr char32_t contour_integral = U'\u222E';

// The display-size variant of a large operator: the first at least DisplayOperatorMinHeight.
std::uint32_t display_variant(const MathFace& f, char32_t op) {
    hb_ot_math_glyph_variant_t variants[16];
    unsigned count = 16;
    hb_ot_math_get_glyph_variants(f.hb, f.glyph(op), HB_DIRECTION_BTT, 0, &count, variants);
    const double min_height = f.constant(HB_OT_MATH_CONSTANT_DISPLAY_OPERATOR_MIN_HEIGHT);
    for (unsigned i = 0; i < count; ++i)
        if (variants[i].advance / f.upem >= min_height) return variants[i].glyph;
    return variants[count - 1].glyph;
}

double advance_of(const MathFace& f, std::uint32_t glyph) { return hb_font_get_glyph_h_advance(f.hb, glyph) / f.upem; }
double italic_of(const MathFace& f, std::uint32_t glyph) {
    return hb_ot_math_get_glyph_italics_correction(f.hb, glyph) / f.upem;
}

}  // namespace

// In Latin Modern Math the display ∫ is 0.999 em wide with an italic correction of 0.591 em.
TEST_CASE("int_0^1 in display style: the 1 at the operator's advance, the 0 moved left by its italic correction") {
    MathFace f;
    const std::uint32_t big = display_variant(f, integral);
    const double advance = advance_of(f, big), italic = italic_of(f, big);
    REQUIRE(italic > 0.5);
    const MathLayout layout = layout_tex(f, "\\int_0^1");
    const Vec2 one = origin_of(f, item(layout, "1"), '1', MathStyle::Script);
    const Vec2 zero = origin_of(f, item(layout, "0"), '0', MathStyle::Script);
    CHECK_THAT(one.x(), WithinAbs(advance, exact));           // 0.999 em
    CHECK_THAT(zero.x(), WithinAbs(advance - italic, exact));  // 0.408 em
    // The box ends SpaceAfterScript after the wider of the two.
    const double sup_end = advance + f.advance('1', MathStyle::Script);
    const double sub_end = advance - italic + f.advance('0', MathStyle::Script);
    CHECK_THAT(layout.width,
               WithinAbs(std::max(sup_end, sub_end) + f.constant(HB_OT_MATH_CONSTANT_SPACE_AFTER_SCRIPT), exact));
    // Vertically as on any box (tex.web §756): from the operator's top and bottom less the drops.
    const BBox op = item(layout, "\\int").outline.bounds();
    const double s = f.script_scale();
    const double sup_drop = f.constant(HB_OT_MATH_CONSTANT_SUPERSCRIPT_BASELINE_DROP_MAX) * s;
    CHECK_THAT(one.y(),
               WithinAbs(std::max(op.max.y() - sup_drop, f.constant(HB_OT_MATH_CONSTANT_SUPERSCRIPT_SHIFT_UP)), ink));
    CHECK(zero.y() <= op.min.y() + f.constant(HB_OT_MATH_CONSTANT_SUBSCRIPT_BASELINE_DROP_MIN) * s + ink);
}

TEST_CASE("int f: no italic correction after an operator without scripts, only the thin space") {
    MathFace f;
    const std::uint32_t big = display_variant(f, integral);
    const char32_t letter_f = math_italic('f');
    const MathLayout layout = layout_tex(f, "\\int f");
    // 0.999 + 3/18 + (0.490 + 0.106): 1.76 em, where adding the slant again made it 2.35 em.
    const double expected = advance_of(f, big) + 3.0 / 18 + f.width(letter_f);
    CHECK_THAT(layout.width, WithinAbs(expected, exact));
    CHECK_THAT(origin_of(f, item(layout, "f"), letter_f).x(), WithinAbs(advance_of(f, big) + 3.0 / 18, exact));
    // In text style, the text-size ∫ (0.665 em).
    const MathLayout inline_layout = layout_tex(f, "\\int f", MathStyle::Text);
    CHECK_THAT(inline_layout.width,
               WithinAbs(f.advance(integral) + 3.0 / 18 + f.width(letter_f), exact));
}

TEST_CASE("oint_C f: the subscript tucks under the slant and the box ends after the advance") {
    MathFace f;
    const std::uint32_t big = display_variant(f, contour_integral);
    const double advance = advance_of(f, big), italic = italic_of(f, big);
    const MathLayout layout = layout_tex(f, "\\oint_C f");
    const Vec2 c = origin_of(f, item(layout, "C"), math_italic('C'), MathStyle::Script);
    CHECK_THAT(c.x(), WithinAbs(advance - italic, exact));
    const char32_t c_letter = math_italic('C');
    const double c_width = f.advance(c_letter, MathStyle::Script) + f.italic(c_letter, MathStyle::Script);
    const double scripts_end = std::max(advance, advance - italic + c_width);
    const double f_origin = scripts_end + f.constant(HB_OT_MATH_CONSTANT_SPACE_AFTER_SCRIPT) + 3.0 / 18;
    CHECK_THAT(origin_of(f, item(layout, "f"), math_italic('f')).x(), WithinAbs(f_origin, exact));
    CHECK_THAT(layout.width, WithinAbs(f_origin + f.width(math_italic('f')), exact));
}

TEST_CASE("sum's limits stay centred: an operator without slant is unchanged") {
    MathFace f;
    const MathLayout layout = layout_tex(f, "\\sum_{i=1}^{n}");
    const BBox sum = item(layout, "\\sum").outline.bounds();
    const BBox n = item(layout, "n").outline.bounds();
    CHECK_THAT(n.center().x(), WithinAbs(sum.center().x(), 0.05));
    CHECK_THAT(layout.width, WithinAbs(advance_of(f, display_variant(f, U'\u2211')), exact));
}

// TeX's rule 18b drops a subscript alone by sub1 (1.5pt at 10pt: 0.15 em); the MATH table's
// SubscriptShiftDown is Latin Modern's sub2 (0.247 em), TeX's drop under a superscript (18c).
TEST_CASE("a subscript alone drops by TeX's sub1, 0.15 em, with a superscript by SubscriptShiftDown") {
    MathFace f;
    REQUIRE(f.constant(HB_OT_MATH_CONSTANT_SUBSCRIPT_SHIFT_DOWN) > 0.2);
    const double top_max = f.constant(HB_OT_MATH_CONSTANT_SUBSCRIPT_TOP_MAX);
    const MathLayout alone = layout_tex(f, "d_k");
    const double k_height = f.ink_top(f.glyph(math_italic('k'), MathStyle::Script)) * f.script_scale();
    REQUIRE(k_height - top_max < 0.15);
    CHECK_THAT(origin_of(f, item(alone, "k"), math_italic('k'), MathStyle::Script).y(), WithinAbs(-0.15, exact));
    // Under a superscript the font's SubscriptShiftDown (or more, for the gap).
    const MathLayout both = layout_tex(f, "d_k^2");
    CHECK(origin_of(f, item(both, "k"), math_italic('k'), MathStyle::Script).y() <=
          -f.constant(HB_OT_MATH_CONSTANT_SUBSCRIPT_SHIFT_DOWN) + exact);
    // In script style the shift shrinks with the size (a scriptscript k is tall enough for
    // SubscriptTopMax to push it a hair further).
    const MathLayout script = layout_tex(f, "x^{d_k}");
    const Vec2 d = origin_of(f, item(script, "d"), math_italic('d'), MathStyle::Script);
    const Vec2 k = origin_of(f, item(script, "k"), math_italic('k'), MathStyle::ScriptScript);
    const double s = f.script_scale();
    const double small_k_height =
        f.ink_top(f.glyph(math_italic('k'), MathStyle::ScriptScript)) * f.script_script_scale();
    CHECK_THAT(d.y() - k.y(), WithinAbs(std::max(0.15 * s, small_k_height - top_max * s), exact));
}

// With SubscriptShiftDown under √d_k the radical went 1.0 em deep and the parentheses to the
// 2.991 em variant; with sub1 the numerator's ⊤ decides (1.505 em high, 1.255 em over the
// axis): TeX's rule asks for 0.901 × 2.51 = 2.26 em, and the 2.393 em variant is TeX's 2.4 em.
TEST_CASE("softmax(QK^T/sqrt(d_k)): with TeX's shallower subscript the parentheses take TeX's size") {
    MathFace f;
    const MathLayout layout = layout_tex(f, "\\operatorname{softmax}\\left(\\frac{QK^\\top}{\\sqrt{d_k}}\\right)V");
    const BBox paren = item(layout, "(").outline.bounds();
    CHECK_THAT(paren.height(), WithinAbs(2.392, 2 * ink));
    CHECK_THAT(layout.depth, WithinAbs(2.392 / 2 - f.axis(), 2 * ink));  // the parenthesis is the deepest ink
}
