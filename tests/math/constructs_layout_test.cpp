// Layout of the constructs ML notation uses beyond fractions and scripts, each checked
// against the rule it follows, with the expected positions in em of the base size.
#include "math_test_support.hpp"

using namespace attnreel::math::testing;

namespace {

// The items of two layouts are the same outlines at the same places.
void check_same_items(const MathLayout& a, const MathLayout& b) {
    REQUIRE(a.items.size() == b.items.size());
    for (std::size_t i = 0; i < a.items.size(); ++i) {
        CAPTURE(i, a.items[i].key);
        CHECK(a.items[i].key == b.items[i].key);
        CHECK(largest_distance(a.items[i].outline, b.items[i].outline) < exact);
    }
    CHECK_THAT(a.width, WithinAbs(b.width, exact));
}

double ink_height(const MathLayout& layout, const std::string& key, int nth = 0) {
    return item(layout, key, nth).outline.bounds().height();
}

// The ink of every item but those with `key`.
BBox ink_without(const MathLayout& layout, const std::string& key) {
    BBox box;
    for (const MathItem& it : layout.items)
        if (it.key != key) box.add(it.outline.bounds());
    return box;
}

}  // namespace

// --- fences -------------------------------------------------------------------------------

// amsmath's pmatrix is \left(\begin{matrix}…\end{matrix}\right). Around a 2.4 em array TeX's
// rule asks for max(0.901 × 2.4, 2.4 − 0.5) = 2.162 em: Latin Modern Math's 2.393 em '('
// (a hair short of the array, as TeX's 2.4 em one is not) and not its 2.991 em one.
TEST_CASE("a 2-row pmatrix has the fences of left( … right) around the same matrix: 2.39 em") {
    MathFace f;
    const MathLayout pmatrix = layout_tex(f, "\\begin{pmatrix} 1 & 2 \\\\ 3 & 4 \\end{pmatrix}");
    const MathLayout fenced = layout_tex(f, "\\left( \\begin{matrix} 1 & 2 \\\\ 3 & 4 \\end{matrix} \\right)");
    check_same_items(pmatrix, fenced);
    CHECK_THAT(ink_height(pmatrix, "("), WithinAbs(2.392, 2 * ink));
    CHECK_THAT(ink_height(pmatrix, ")"), WithinAbs(2.392, 2 * ink));
    CHECK_THAT(item(pmatrix, "(").outline.bounds().center().y(), WithinAbs(f.axis(), 2 * ink));
}

// One row: 1.2 em, so TeX's size is 1.081 em, which the 1.095 em variant reaches.
TEST_CASE("a 1-row pmatrix has the fences of left( … right) too: 1.09 em") {
    MathFace f;
    const MathLayout pmatrix = layout_tex(f, "\\begin{pmatrix} a & b \\end{pmatrix}");
    const MathLayout fenced = layout_tex(f, "\\left( \\begin{matrix} a & b \\end{matrix} \\right)");
    check_same_items(pmatrix, fenced);
    CHECK_THAT(ink_height(pmatrix, "("), WithinAbs(1.094, 2 * ink));
}

// Content taller than every variant gets an assembly as tall as all of it (pdfTeX's
// whole-piece delimiters overshoot TeX's size the same way), in both spellings.
TEST_CASE("a 3-row bmatrix and left[ … right] around it get the same 3.6 em assembly") {
    MathFace f;
    const MathLayout bmatrix = layout_tex(f, "\\begin{bmatrix} 1 \\\\ 2 \\\\ 3 \\end{bmatrix}");
    const MathLayout fenced = layout_tex(f, "\\left[ \\begin{matrix} 1 \\\\ 2 \\\\ 3 \\end{matrix} \\right]");
    check_same_items(bmatrix, fenced);
    CHECK_THAT(ink_height(bmatrix, "["), WithinAbs(3.6, 2 * ink));
}

TEST_CASE("middle takes the size of left and right, with no space on either side") {
    MathFace f;
    const MathLayout layout = layout_tex(f, "\\left( \\frac{a}{b} \\middle| c \\right)");
    const BBox bar = item(layout, "|").outline.bounds();
    // The bar TeX's rule picks for the fraction, as \left| would be.
    const MathLayout bars = layout_tex(f, "\\left| \\frac{a}{b} \\right|");
    CHECK_THAT(bar.height(), WithinAbs(ink_height(bars, "|"), exact));
    CHECK(bar.height() > 1.5);
    CHECK_THAT(bar.center().y(), WithinAbs(f.axis(), 2 * ink));
    // The bar's advance starts where the fraction's box ends and c starts where it ends.
    const MathLayout alone = layout_tex(f, "\\left( \\frac{a}{b} \\right)");
    const double fraction_end = origin_of(f, item(alone, ")"), U')').x();
    REQUIRE(alone.items.size() + 2 == layout.items.size());
    const Vec2 c = origin_of(f, item(layout, "c"), math_italic('c'));
    CHECK(c.x() > fraction_end);
    // The '|' variant's advance is its width: c sits right after it.
    CHECK_THAT(c.x() - fraction_end, WithinAbs(bar.max.x() - fraction_end + (c.x() - bar.max.x()), exact));
    CHECK(c.x() - bar.max.x() < 0.2);
}

// amsmath's cases: \left\lbrace, rows of \arraystretch 1.2 (1.008 em above, 0.432 em below
// each baseline, so 1.44 em apart), left-aligned cells, a \quad between columns, and the
// null delimiter's 0.12 em after.
TEST_CASE("cases: a brace, left-aligned cells 1 em apart, rows 1.44 em apart, centred on the axis") {
    MathFace f;
    const MathLayout layout =
        layout_tex(f, "\\begin{cases} 0 & j \\le i \\\\ -\\infty & \\text{otherwise} \\end{cases}");
    const Vec2 zero = origin_of(f, item(layout, "0"), '0');
    const Vec2 minus = origin_of(f, item(layout, "-"), U'\u2212');
    CHECK_THAT(zero.x(), WithinAbs(minus.x(), exact));  // left-aligned
    CHECK_THAT(zero.y() - minus.y(), WithinAbs(1.44, exact));
    // Two rows of 1.44 em centred on the axis: the first baseline 1.44 − 1.008 above it.
    CHECK_THAT(zero.y(), WithinAbs(f.axis() + 1.44 - 1.008, exact));
    // The second column starts a \quad after the widest first cell (−∞).
    const double first_column = f.advance(U'\u2212') + f.advance(U'\u221E');
    const Vec2 j = origin_of(f, item(layout, "j"), math_italic('j'));
    CHECK_THAT(j.x() - zero.x(), WithinAbs(first_column + 1.0, exact));
    // The brace is TeX's size for 2.88 em (2.595 em: the 3.001 em variant), on the axis.
    const BBox brace = item(layout, "\\{").outline.bounds();
    CHECK_THAT(brace.height(), WithinAbs(3.0, 2 * ink));
    CHECK_THAT(brace.center().y(), WithinAbs(f.axis(), 2 * ink));
    // The null delimiter after the array.
    const double last_end = origin_of(f, item(layout, "otherwise", 8), 'e').x() + f.advance('e');
    CHECK_THAT(layout.width - last_end, WithinAbs(0.12, 2 * ink));
}

// --- binomials ----------------------------------------------------------------------------

// Rule 15 without a rule: the stack shifts, pushed apart to the stack gap; rule 15e: the
// parentheses of TeX's delim1 (2.39 em) in display style and delim2 (1.01 em) in text style.
TEST_CASE("binom: StackTop/StackBottom shifts, StackGapMin between, parentheses of 2.39 and 1.01 em") {
    MathFace f;
    const MathLayout display = layout_tex(f, "\\binom{n}{k}");
    const Vec2 n = origin_of(f, item(display, "n"), math_italic('n'), MathStyle::Text);
    const Vec2 k = origin_of(f, item(display, "k"), math_italic('k'), MathStyle::Text);
    const double up = f.constant(HB_OT_MATH_CONSTANT_STACK_TOP_DISPLAY_STYLE_SHIFT_UP);
    const double down = f.constant(HB_OT_MATH_CONSTANT_STACK_BOTTOM_DISPLAY_STYLE_SHIFT_DOWN);
    const double gap_min = f.constant(HB_OT_MATH_CONSTANT_STACK_DISPLAY_STYLE_GAP_MIN);
    const double k_height = f.ink_top(f.glyph(math_italic('k')));
    const double gap = up - (k_height - down);  // n has no depth
    REQUIRE(gap >= gap_min);
    CHECK_THAT(n.y(), WithinAbs(up, exact));
    CHECK_THAT(k.y(), WithinAbs(-down, exact));
    CHECK(display.items.size() == 4);  // ( n k ): no rule
    CHECK(ink_height(display, "(") >= 2.39);
    CHECK_THAT(ink_height(display, "("), WithinAbs(2.392, 2 * ink));
    CHECK_THAT(item(display, ")").outline.bounds().center().y(), WithinAbs(f.axis(), 2 * ink));

    // In text style the parts are in script style at the text shifts, the parentheses 1.095 em.
    const MathLayout text = layout_tex(f, "\\tbinom{n}{k}");
    const double s = f.script_scale();
    const double tn = origin_of(f, item(text, "n"), math_italic('n'), MathStyle::Script).y();
    const double tk = origin_of(f, item(text, "k"), math_italic('k'), MathStyle::Script).y();
    const double text_gap = (tn - 0) - (f.ink_top(f.glyph(math_italic('k'), MathStyle::Script)) * s + tk);
    CHECK(text_gap >= f.constant(HB_OT_MATH_CONSTANT_STACK_GAP_MIN) - exact);
    CHECK(tn >= f.constant(HB_OT_MATH_CONSTANT_STACK_TOP_SHIFT_UP) - exact);
    CHECK_THAT(ink_height(text, "("), WithinAbs(1.094, 2 * ink));
}

// --- marks over and under -----------------------------------------------------------------

// amsmath's \overset{a}{b} is \mathop{b}\limits^{a}: the mark as an upper limit (rule 13a),
// in the class of b, so \overset{!}{=} keeps the thick spaces of a relation.
TEST_CASE("overset: the mark as an upper limit, centred, the whole spaced as the base's class") {
    MathFace f;
    const MathLayout layout = layout_tex(f, "a \\overset{!}{=} b");
    const Vec2 equals = origin_of(f, item(layout, "="), '=');
    const Vec2 bang = origin_of(f, item(layout, "!"), '!', MathStyle::Script);
    const double base_top = f.ink_top(f.glyph('='));
    const double bang_depth = -f.ink_bottom(f.glyph('!', MathStyle::Script)) * f.script_scale();
    const double rise = std::max(f.constant(HB_OT_MATH_CONSTANT_UPPER_LIMIT_BASELINE_RISE_MIN),
                                 f.constant(HB_OT_MATH_CONSTANT_UPPER_LIMIT_GAP_MIN) + bang_depth);
    CHECK_THAT(bang.y(), WithinAbs(base_top + rise, ink));
    CHECK_THAT(bang.x() + f.advance('!', MathStyle::Script) / 2, WithinAbs(equals.x() + f.advance('=') / 2, exact));
    // Thick spaces (5 mu) on both sides, as around a plain =.
    const double a_end = origin_of(f, item(layout, "a"), math_italic('a')).x() + f.width(math_italic('a'));
    CHECK_THAT(equals.x() - a_end, WithinAbs(5.0 / 18, exact));
    // \underset puts the mark below as a lower limit, under the ink of "max" (its a dips 0.011 em).
    const MathLayout under = layout_tex(f, "\\underset{i}{\\max}");
    const double max_depth = -ink_without(under, "i").min.y();
    const double i_top = f.ink_top(f.glyph(math_italic('i'), MathStyle::Script)) * f.script_scale();
    const double drop = std::max(f.constant(HB_OT_MATH_CONSTANT_LOWER_LIMIT_BASELINE_DROP_MIN),
                                 f.constant(HB_OT_MATH_CONSTANT_LOWER_LIMIT_GAP_MIN) + i_top);
    CHECK_THAT(origin_of(f, item(under, "i"), math_italic('i'), MathStyle::Script).y(),
               WithinAbs(-(max_depth + drop), ink));
}

// The brace (⏟) at least as wide as its body, its ink StretchStackGapAboveMin (0.2 em) under
// the body's box (here the + signs', 0.083 em deep); the label under it as a lower limit
// (LowerLimitGapMin, LowerLimitBaselineDropMin).
TEST_CASE("underbrace: a brace as wide as the body, 0.2 em under it, the label a limit below") {
    MathFace f;
    const MathLayout layout = layout_tex(f, "\\underbrace{a+b+c}_{n}");
    const BBox brace = item(layout, "\\underbrace").outline.bounds();
    const double body_width = f.width(math_italic('a')) + f.advance('+') * 2 + f.width(math_italic('b')) +
                              f.width(math_italic('c')) + 4 * 4.0 / 18;
    CHECK(brace.width() >= body_width - 0.05);
    CHECK(brace.width() <= body_width + 0.55);  // the next variant up, at most half an em more
    const double plus_depth = -f.ink_bottom(f.glyph('+'));
    CHECK_THAT(brace.max.y(),
               WithinAbs(-(plus_depth + f.constant(HB_OT_MATH_CONSTANT_STRETCH_STACK_GAP_ABOVE_MIN)), ink));
    const double n_top = f.ink_top(f.glyph(math_italic('n'), MathStyle::Script)) * f.script_scale();
    const double drop = std::max(f.constant(HB_OT_MATH_CONSTANT_LOWER_LIMIT_BASELINE_DROP_MIN),
                                 f.constant(HB_OT_MATH_CONSTANT_LOWER_LIMIT_GAP_MIN) + n_top);
    const Vec2 n = origin_of(f, item(layout, "n"), math_italic('n'), MathStyle::Script);
    CHECK_THAT(n.y(), WithinAbs(brace.min.y() - drop, ink));
    // Centred under the body.
    CHECK_THAT(brace.center().x(), WithinAbs(layout.width / 2, 0.05));
}

TEST_CASE("overbrace over a long body is an assembly as wide as it, the label above") {
    MathFace f;
    const MathLayout layout = layout_tex(f, "\\overbrace{x_1 + x_2 + x_3 + x_4 + x_5 + x_6}^{6}");
    const BBox brace = item(layout, "\\overbrace").outline.bounds();
    CHECK(brace.width() > 4.1);  // wider than the widest variant (4.007 em): an assembly
    CHECK_THAT(brace.width(), WithinAbs(layout.width, 0.05));
    // StretchStackGapBelowMin over the body's box, whose top is the + signs' (0.583 em).
    CHECK_THAT(brace.min.y(),
               WithinAbs(f.ink_top(f.glyph('+')) + f.constant(HB_OT_MATH_CONSTANT_STRETCH_STACK_GAP_BELOW_MIN), ink));
    const BBox label = item(layout, "6", 1).outline.bounds();  // the first 6 is x_6's
    const double label_bottom = brace.max.y() + f.constant(HB_OT_MATH_CONSTANT_UPPER_LIMIT_GAP_MIN);
    CHECK(label.min.y() >= label_bottom - ink);
}

// --- frames and strikes -------------------------------------------------------------------

// amsmath's \boxed: \fbox with \fboxsep 3pt and \fboxrule 0.4pt, the body in display style.
TEST_CASE("boxed: a 0.04 em frame 0.3 em around the body's box, the body in display style") {
    MathFace f;
    const MathLayout layout = layout_tex(f, "\\boxed{\\frac{a}{b}}", MathStyle::Text);
    const MathLayout body = layout_tex(f, "\\frac{a}{b}", MathStyle::Display);
    const BBox frame = item(layout, "\\boxed").outline.bounds();
    CHECK_THAT(frame.min.x(), WithinAbs(0, exact));
    CHECK_THAT(frame.width(), WithinAbs(body.width + 2 * 0.34, exact));
    CHECK_THAT(layout.width, WithinAbs(body.width + 2 * 0.34, exact));
    const double a_shift = item(layout, "a").outline.points()[0].x() - item(body, "a").outline.points()[0].x();
    CHECK_THAT(a_shift, WithinAbs(0.34, exact));
    // Two contours: the outer edge and the hole inside it.
    CHECK(subpaths(item(layout, "\\boxed").outline).size() == 2);
}

TEST_CASE("cancel strikes the body's box corner to corner, xcancel both ways, the box unchanged") {
    MathFace f;
    const MathLayout plain = layout_tex(f, "x + y");
    const MathLayout cancelled = layout_tex(f, "\\cancel{x} + y");
    CHECK_THAT(cancelled.width, WithinAbs(plain.width, exact));
    const BBox strike = item(cancelled, "\\cancel").outline.bounds();
    const double x_width = f.width(math_italic('x'));
    const double thickness = f.constant(HB_OT_MATH_CONSTANT_FRACTION_RULE_THICKNESS);
    CHECK(strike.min.x() < 0.02);
    CHECK_THAT(strike.max.x(), WithinAbs(x_width, thickness));
    CHECK_THAT(strike.max.y(), WithinAbs(f.ink_top(f.glyph(math_italic('x'))), thickness));
    CHECK(subpaths(item(layout_tex(f, "\\xcancel{x}"), "\\xcancel").outline).size() == 2);
}
