// Formula layout checked against the font's own MATH constants, read here independently
// through HarfBuzz. Positions of glyphs are recovered exactly from their outlines (an
// item is the glyph's outline under a similarity), so rules are checked to ~1e-9; where
// ink bounds are involved (flattened outlines) the tolerance is 1e-3 em.
#include "math_test_support.hpp"

using namespace attnreel::math::testing;

// --- scripts ---------------------------------------------------------------------------

TEST_CASE("a superscript sits at SuperscriptShiftUp, after the base's italic correction, at script size") {
    MathFace f;
    // f has an italic correction in Latin Modern Math; the superscript clears it.
    const MathLayout layout = f.layout({with_sup(var('f'), {digit('2')})});
    const Similarity two = placement(item(layout, "2"), f.outline(f.glyph('2', MathStyle::Script)));
    REQUIRE(f.italic(math_italic('f')) > 0);
    CHECK_THAT(two.scale, WithinAbs(f.script_scale(), exact));
    // Drawn with the script-size alternate of '2' ('ssty'), not the text-size glyph.
    REQUIRE(f.glyph('2', MathStyle::Script) != f.glyph('2'));
    CHECK(largest_distance(item(layout, "2").outline, f.outline(f.glyph('2', MathStyle::Script)).transformed(two)) <
          exact);
    const double bottom_min = f.constant(HB_OT_MATH_CONSTANT_SUPERSCRIPT_BOTTOM_MIN);
    const double two_depth = -f.ink_bottom(f.glyph('2', MathStyle::Script)) * f.script_scale();
    const double expected =
        std::max(f.constant(HB_OT_MATH_CONSTANT_SUPERSCRIPT_SHIFT_UP), two_depth + bottom_min);
    CHECK_THAT(two.offset.y(), WithinAbs(expected, exact));
    CHECK_THAT(two.offset.x(), WithinAbs(f.advance(math_italic('f')) + f.italic(math_italic('f')), exact));
    // The box ends SpaceAfterScript after the superscript.
    CHECK_THAT(layout.width, WithinAbs(two.offset.x() + f.advance('2', MathStyle::Script) +
                                           f.constant(HB_OT_MATH_CONSTANT_SPACE_AFTER_SCRIPT),
                                       exact));
}

TEST_CASE("a deep superscript is raised until its bottom is SuperscriptBottomMin above the baseline") {
    MathFace f;
    // A fraction as superscript hangs far below its baseline.
    const MathList deep = {frac({var('a')}, {var('b'), with_sub(var('y'), {var('j')})})};
    const MathLayout alone = f.layout(deep, MathStyle::Script);
    const MathLayout layout = f.layout({with_sup(var('x'), deep)});
    const double shift = item(layout, "a").outline.points()[0].y() - item(alone, "a").outline.points()[0].y();
    const double bottom_min = f.constant(HB_OT_MATH_CONSTANT_SUPERSCRIPT_BOTTOM_MIN);
    REQUIRE(alone.depth + bottom_min > f.constant(HB_OT_MATH_CONSTANT_SUPERSCRIPT_SHIFT_UP));
    CHECK_THAT(shift, WithinAbs(alone.depth + bottom_min, ink));
}

TEST_CASE("a superscript in a cramped style (under a radical) uses SuperscriptShiftUpCramped") {
    MathFace f;
    const MathLayout layout = f.layout({sqrt_of({with_sup(var('x'), {digit('2')})})});
    const double expected = std::max(f.constant(HB_OT_MATH_CONSTANT_SUPERSCRIPT_SHIFT_UP_CRAMPED),
                                     -f.ink_bottom(f.glyph('2', MathStyle::Script)) * f.script_scale() +
                                         f.constant(HB_OT_MATH_CONSTANT_SUPERSCRIPT_BOTTOM_MIN));
    const double x_baseline = origin_of(f, item(layout, "x"), math_italic('x')).y();
    CHECK_THAT(origin_of(f, item(layout, "2"), '2', MathStyle::Script).y() - x_baseline, WithinAbs(expected, exact));
    CHECK(expected < f.constant(HB_OT_MATH_CONSTANT_SUPERSCRIPT_SHIFT_UP));
}

TEST_CASE("a subscript alone drops by TeX's sub1 (0.15 em) and tucks under the italic correction") {
    MathFace f;
    const MathLayout layout = f.layout({with_sub(var('f'), {var('i')})});
    const double i_height = f.ink_top(f.glyph(math_italic('i'), MathStyle::Script)) * f.script_scale();
    const double expected = std::max(0.15, i_height - f.constant(HB_OT_MATH_CONSTANT_SUBSCRIPT_TOP_MAX));
    const Vec2 i = origin_of(f, item(layout, "i"), math_italic('i'), MathStyle::Script);
    CHECK_THAT(i.y(), WithinAbs(-expected, exact));
    CHECK_THAT(i.x(), WithinAbs(f.advance(math_italic('f')), exact));
}

TEST_CASE("a tall subscript is lowered until its top is at most SubscriptTopMax") {
    MathFace f;
    const MathList tall = {frac({var('a'), var('b')}, {var('c')})};
    const MathLayout alone = f.layout(tall, MathStyle::Script);
    const MathLayout layout = f.layout({with_sub(var('x'), tall)});
    const double drop = item(alone, "a").outline.points()[0].y() - item(layout, "a").outline.points()[0].y();
    const double top_max = f.constant(HB_OT_MATH_CONSTANT_SUBSCRIPT_TOP_MAX);
    REQUIRE(alone.height - top_max > f.constant(HB_OT_MATH_CONSTANT_SUBSCRIPT_SHIFT_DOWN));
    CHECK_THAT(drop, WithinAbs(alone.height - top_max, ink));
}

TEST_CASE("subscript and superscript together keep SubSuperscriptGapMin apart, the superscript after the italic") {
    MathFace f;
    const MathLayout layout = f.layout({with_sub(with_sup(var('f'), {digit('2')}), {var('j')})});
    const double s = f.script_scale();
    const Vec2 two = origin_of(f, item(layout, "2"), '2', MathStyle::Script);
    const Vec2 j = origin_of(f, item(layout, "j"), math_italic('j'), MathStyle::Script);
    CHECK_THAT(two.x() - j.x(), WithinAbs(f.italic(math_italic('f')), exact));
    const double sup_bottom = two.y() + f.ink_bottom(f.glyph('2', MathStyle::Script)) * s;
    const double sub_top = j.y() + f.ink_top(f.glyph(math_italic('j'), MathStyle::Script)) * s;
    CHECK(sup_bottom - sub_top >= f.constant(HB_OT_MATH_CONSTANT_SUB_SUPERSCRIPT_GAP_MIN) - exact);
    CHECK(two.y() >= f.constant(HB_OT_MATH_CONSTANT_SUPERSCRIPT_SHIFT_UP) - exact);
    CHECK(-j.y() >= f.constant(HB_OT_MATH_CONSTANT_SUBSCRIPT_SHIFT_DOWN) - exact);
    // j reaches far up (its dot), so the gap decides: the subscript went down, not the superscript up.
    CHECK_THAT(sup_bottom - sub_top, WithinAbs(f.constant(HB_OT_MATH_CONSTANT_SUB_SUPERSCRIPT_GAP_MIN), exact));
}

// tex.web §756: on a nucleus that is not a lone character, the scripts start from
// height − sup_drop and depth + sub_drop, both parameters of the font of the script size
// (script size in display and text style, scriptscript size in script styles). With
// OpenType MATH: SuperscriptBaselineDropMax and SubscriptBaselineDropMin at the script's scale.
TEST_CASE("scripts on a box start from its top and bottom, dropped by the MATH drops at the script's scale") {
    MathFace f;
    const double sup_drop = f.constant(HB_OT_MATH_CONSTANT_SUPERSCRIPT_BASELINE_DROP_MAX);
    const double sub_drop = f.constant(HB_OT_MATH_CONSTANT_SUBSCRIPT_BASELINE_DROP_MIN);
    // \left(\frac{a}{b}\right)^2 in display style: the 2 rises to the parenthesis' top less the
    // script-size drop (TeX puts it 0.971 em up; the base size's drop would give 0.896 em).
    const Node fenced = left_right('(', {frac({var('a')}, {var('b')})}, ')');
    const MathLayout alone = f.layout({fenced});
    const MathLayout squared = f.layout({with_sup(fenced, {digit('2')})});
    const double sup_shift = alone.height - sup_drop * f.script_scale();
    REQUIRE(sup_shift > f.constant(HB_OT_MATH_CONSTANT_SUPERSCRIPT_SHIFT_UP));
    CHECK_THAT(origin_of(f, item(squared, "2"), '2', MathStyle::Script).y(), WithinAbs(sup_shift, ink));
    const MathLayout indexed = f.layout({with_sub(fenced, {var('i')})});
    const double sub_shift = alone.depth + sub_drop * f.script_scale();
    REQUIRE(sub_shift > f.constant(HB_OT_MATH_CONSTANT_SUBSCRIPT_SHIFT_DOWN));
    CHECK_THAT(origin_of(f, item(indexed, "i"), math_italic('i'), MathStyle::Script).y(), WithinAbs(-sub_shift, ink));

    // In script style the scripts are scriptscript, and so are the drops.
    const MathList tall = {frac({var('a'), var('b')}, {var('c')})};
    const MathLayout group = f.layout({construction(Group{tall}, "{")}, MathStyle::Script);
    const MathLayout group_squared =
        f.layout({with_sup(construction(Group{tall}, "{"), {digit('2')})}, MathStyle::Script);
    const double script_sup_shift = group.height - sup_drop * f.script_script_scale();
    REQUIRE(script_sup_shift > f.constant(HB_OT_MATH_CONSTANT_SUPERSCRIPT_SHIFT_UP) * f.script_scale());
    CHECK_THAT(origin_of(f, item(group_squared, "2"), '2', MathStyle::ScriptScript).y(),
               WithinAbs(script_sup_shift, ink));
}

// --- fractions -------------------------------------------------------------------------

TEST_CASE("a display fraction: rule of FractionRuleThickness on the axis, display shifts, parts in text style") {
    MathFace f;
    const MathLayout layout = f.layout({frac({var('x')}, {var('z')})});
    const BBox rule = item(layout, "\\frac").outline.bounds();
    const double thickness = f.constant(HB_OT_MATH_CONSTANT_FRACTION_RULE_THICKNESS);
    CHECK_THAT(rule.height(), WithinAbs(thickness, exact));
    CHECK_THAT(rule.center().y(), WithinAbs(f.axis(), exact));

    const Similarity x = placement(item(layout, "x"), f.outline(f.glyph(math_italic('x'))));
    const Similarity z = placement(item(layout, "z"), f.outline(f.glyph(math_italic('z'))));
    CHECK_THAT(x.scale, WithinAbs(1.0, exact));
    const double x_depth = -f.ink_bottom(f.glyph(math_italic('x')));
    const double z_height = f.ink_top(f.glyph(math_italic('z')));
    const double up = std::max(f.constant(HB_OT_MATH_CONSTANT_FRACTION_NUMERATOR_DISPLAY_STYLE_SHIFT_UP),
                               rule.max.y() + f.constant(HB_OT_MATH_CONSTANT_FRACTION_NUM_DISPLAY_STYLE_GAP_MIN) +
                                   x_depth);
    const double down =
        std::max(f.constant(HB_OT_MATH_CONSTANT_FRACTION_DENOMINATOR_DISPLAY_STYLE_SHIFT_DOWN),
                 z_height + f.constant(HB_OT_MATH_CONSTANT_FRACTION_DENOM_DISPLAY_STYLE_GAP_MIN) - rule.min.y());
    CHECK_THAT(x.offset.y(), WithinAbs(up, exact));
    CHECK_THAT(z.offset.y(), WithinAbs(-down, exact));

    // The rule spans the wider part, with a null delimiter space on either side.
    const double wider = std::max(f.advance(math_italic('x')), f.advance(math_italic('z')));
    CHECK_THAT(rule.width(), WithinAbs(wider, exact));
    CHECK_THAT(rule.min.x(), WithinAbs(0.12, exact));
    CHECK_THAT(layout.width, WithinAbs(wider + 0.24, exact));
}

TEST_CASE("a text fraction uses the text shifts and script-size parts, so it is flatter than a display one") {
    MathFace f;
    const MathList list = {frac({var('x')}, {var('z')})};
    const MathLayout text = f.layout(list, MathStyle::Text);
    const MathLayout display = f.layout(list, MathStyle::Display);
    const Similarity x = placement(item(text, "x"), f.outline(f.glyph(math_italic('x'), MathStyle::Script)));
    const Similarity z = placement(item(text, "z"), f.outline(f.glyph(math_italic('z'), MathStyle::Script)));
    const double s = f.script_scale();
    CHECK_THAT(x.scale, WithinAbs(s, exact));
    CHECK_THAT(z.scale, WithinAbs(s, exact));
    const double rule_top = f.axis() + f.constant(HB_OT_MATH_CONSTANT_FRACTION_RULE_THICKNESS) / 2;
    const double rule_bottom = rule_top - f.constant(HB_OT_MATH_CONSTANT_FRACTION_RULE_THICKNESS);
    const double up =
        std::max(f.constant(HB_OT_MATH_CONSTANT_FRACTION_NUMERATOR_SHIFT_UP),
                 rule_top + f.constant(HB_OT_MATH_CONSTANT_FRACTION_NUMERATOR_GAP_MIN) -
                     f.ink_bottom(f.glyph(math_italic('x'), MathStyle::Script)) * s);
    const double down =
        std::max(f.constant(HB_OT_MATH_CONSTANT_FRACTION_DENOMINATOR_SHIFT_DOWN),
                 f.ink_top(f.glyph(math_italic('z'), MathStyle::Script)) * s + f.constant(HB_OT_MATH_CONSTANT_FRACTION_DENOMINATOR_GAP_MIN) -
                     rule_bottom);
    CHECK_THAT(x.offset.y(), WithinAbs(up, exact));
    CHECK_THAT(z.offset.y(), WithinAbs(-down, exact));
    CHECK(text.height + text.depth < display.height + display.depth);
}

TEST_CASE("a numerator that hangs low is pushed up to keep FractionNumDisplayStyleGapMin above the rule") {
    MathFace f;
    const MathList numerator = {with_sub(var('y'), {var('j')})};
    const MathLayout alone = f.layout(numerator, MathStyle::Text);
    const MathLayout layout = f.layout({frac(numerator, {var('z')})});
    const double rule_top = item(layout, "\\frac").outline.bounds().max.y();
    const double shift = item(layout, "y").outline.points()[0].y() - item(alone, "y").outline.points()[0].y();
    const double gap = f.constant(HB_OT_MATH_CONSTANT_FRACTION_NUM_DISPLAY_STYLE_GAP_MIN);
    REQUIRE(rule_top + gap + alone.depth > f.constant(HB_OT_MATH_CONSTANT_FRACTION_NUMERATOR_DISPLAY_STYLE_SHIFT_UP));
    CHECK_THAT(shift - alone.depth - rule_top, WithinAbs(gap, ink));
}

// --- radicals --------------------------------------------------------------------------

namespace {

// A radical's item is the sign followed by its overbar (the last subpath, a rectangle).
struct RadicalParts {
    BBox sign, bar;
};
RadicalParts radical_parts(const MathItem& radical) {
    std::vector<Path> parts = subpaths(radical.outline);
    REQUIRE(parts.size() >= 2);
    RadicalParts out;
    out.bar = parts.back().bounds();
    parts.pop_back();
    for (const Path& p : parts) out.sign.add(p.bounds());
    return out;
}

}  // namespace

TEST_CASE("a radical: RadicalRuleThickness overbar joined to the sign, RadicalVerticalGap above the body") {
    MathFace f;
    for (const MathStyle style : {MathStyle::Text, MathStyle::Display}) {
        INFO((style == MathStyle::Text ? "text style" : "display style"));
        const MathLayout layout = f.layout({sqrt_of({var('x')})}, style);
        const RadicalParts radical = radical_parts(item(layout, "\\sqrt"));
        const double thickness = f.constant(HB_OT_MATH_CONSTANT_RADICAL_RULE_THICKNESS);
        CHECK_THAT(radical.bar.height(), WithinAbs(thickness, exact));
        // The bar starts where the sign's advance ends and covers the body.
        const Vec2 x = origin_of(f, item(layout, "x"), math_italic('x'));
        CHECK_THAT(radical.bar.min.x(), WithinAbs(x.x(), exact));
        CHECK_THAT(radical.bar.width(), WithinAbs(f.advance(math_italic('x')), exact));
        // Sign and bar meet: the top of the sign is the top of the bar.
        CHECK_THAT(radical.sign.max.y(), WithinAbs(radical.bar.max.y(), ink));
        CHECK(radical.sign.max.x() >= radical.bar.min.x());

        // The gap is the font's, plus half of whatever the sign's size exceeds what was needed.
        const double gap = f.constant(style == MathStyle::Display ? HB_OT_MATH_CONSTANT_RADICAL_DISPLAY_STYLE_VERTICAL_GAP
                                                                  : HB_OT_MATH_CONSTANT_RADICAL_VERTICAL_GAP);
        const double body_height = f.ink_top(f.glyph(math_italic('x')));
        const double body_depth = -f.ink_bottom(f.glyph(math_italic('x')));
        const double needed = body_height + body_depth + gap + thickness;
        const double excess = radical.sign.height() - needed;
        CHECK(excess >= -ink);
        CHECK_THAT(radical.bar.min.y() - body_height, WithinAbs(gap + std::max(0.0, excess) / 2, ink));
    }
}

TEST_CASE("a radical's height includes RadicalExtraAscender: a superscript after a tall root follows it") {
    MathFace f;
    // Tall enough that the superscript's shift comes from the top of the radical.
    const MathLayout layout = f.layout({with_sup(sqrt_of({frac({var('a')}, {var('b')})}), {digit('2')})});
    const double bar_top = radical_parts(item(layout, "\\sqrt")).bar.max.y();
    // The drop is the script size's (tex.web §756).
    const double expected = bar_top + f.constant(HB_OT_MATH_CONSTANT_RADICAL_EXTRA_ASCENDER) -
                            f.constant(HB_OT_MATH_CONSTANT_SUPERSCRIPT_BASELINE_DROP_MAX) * f.script_scale();
    REQUIRE(expected > f.constant(HB_OT_MATH_CONSTANT_SUPERSCRIPT_SHIFT_UP));
    CHECK_THAT(origin_of(f, item(layout, "2"), '2', MathStyle::Script).y(), WithinAbs(expected, exact));
}

TEST_CASE("a radical grows with its body, past its variants into an assembly") {
    MathFace f;
    const MathLayout small = f.layout({sqrt_of({var('x')})});
    const MathLayout tall = f.layout({sqrt_of({matrix(column_of("abcdefgh"), 0, 0)})});
    const RadicalParts s = radical_parts(item(small, "\\sqrt"));
    const RadicalParts t = radical_parts(item(tall, "\\sqrt"));
    CHECK(t.sign.height() > 3 * s.sign.height());
    // The biggest variant of √ is 3 em tall in Latin Modern Math; this needs an assembly of
    // at least three pieces (plus the bar).
    CHECK(t.sign.height() > 3.0);
    CHECK(subpaths(item(tall, "\\sqrt").outline).size() >= 4);
}

TEST_CASE("a radical's degree is in scriptscript style, after RadicalKernBeforeDegree, raised by the percentage") {
    MathFace f;
    const MathLayout layout = f.layout({sqrt_of({var('x')}, MathList{digit('3')})}, MathStyle::Text);
    const Similarity three = placement(item(layout, "3"), f.outline(f.glyph('3', MathStyle::ScriptScript)));
    CHECK_THAT(three.scale, WithinAbs(f.script_script_scale(), exact));
    CHECK_THAT(three.offset.x(), WithinAbs(f.constant(HB_OT_MATH_CONSTANT_RADICAL_KERN_BEFORE_DEGREE), exact));
    const RadicalParts radical = radical_parts(item(layout, "\\sqrt"));
    const double raise =
        hb_ot_math_get_constant(f.hb, HB_OT_MATH_CONSTANT_RADICAL_DEGREE_BOTTOM_RAISE_PERCENT) / 100.0;
    CHECK_THAT(three.offset.y(), WithinAbs(radical.sign.min.y() + raise * radical.sign.height(), ink));
    // The sign starts RadicalKernAfterDegree (negative) after the degree, but never before
    // the start of the formula.
    const double sign_start = std::max(0.0, three.offset.x() + f.advance('3', MathStyle::ScriptScript) +
                                                f.constant(HB_OT_MATH_CONSTANT_RADICAL_KERN_AFTER_DEGREE));
    const Vec2 x = origin_of(f, item(layout, "x"), math_italic('x'));
    CHECK_THAT(x.x(), WithinAbs(sign_start + f.advance(U'\u221A'), exact));
}

// --- delimiters ------------------------------------------------------------------------

namespace {

double delimiter_size(const MathLayout& layout, double axis) {
    const BBox b = item(layout, "(").outline.bounds();
    CHECK_THAT(b.center().y(), WithinAbs(axis, 2 * ink));  // centred on the axis
    return b.height();
}

}  // namespace

TEST_CASE("left( grows with its content: a letter, a tall fraction, a five-row matrix") {
    MathFace f;
    const MathLayout around_x = f.layout({left_right('(', {var('x')}, ')')});
    const MathLayout around_fraction =
        f.layout({left_right('(', {frac({frac({var('a')}, {var('b')})}, {frac({var('c')}, {var('d')})})}, ')')});
    const MathLayout around_matrix = f.layout({left_right('(', {matrix(column_of("abcde"), 0, 0)}, ')')});

    const double small = delimiter_size(around_x, f.axis());
    const double middle = delimiter_size(around_fraction, f.axis());
    const double big = delimiter_size(around_matrix, f.axis());
    CHECK(small < middle);
    CHECK(middle < big);

    // Around x the paren is the font's own '(' untouched.
    const Similarity plain = placement(item(around_x, "("), f.outline(f.glyph('(')));
    CHECK_THAT(plain.scale, WithinAbs(1.0, exact));
    CHECK_THAT(plain.offset.x(), WithinAbs(0.0, exact));

    // The matrix needs more than the biggest variant: an assembly of several pieces.
    CHECK(subpaths(item(around_matrix, "(").outline).size() > 1);
    CHECK(item(around_matrix, "(").outline.points().size() > f.outline(f.glyph('(')).points().size());

    // Each is at least as tall as TeX's rule asks for the content between them.
    for (const MathLayout* layout : {&around_x, &around_fraction, &around_matrix}) {
        BBox content;
        for (const MathItem& it : layout->items)
            if (it.key != "(" && it.key != ")") content.add(it.outline.bounds());
        const double half = std::max(content.max.y() - f.axis(), -content.min.y() + f.axis());
        const double required = std::max(2 * half * 0.901, 2 * half - 0.5);
        CHECK(delimiter_size(*layout, f.axis()) >= required - 2 * ink);
    }
}

TEST_CASE("a null delimiter is 0.12 em of empty space") {
    MathFace f;
    const MathLayout layout = f.layout({left_right(0, {var('x')}, 0)});
    REQUIRE(layout.items.size() == 1);
    CHECK_THAT(origin_of(f, layout.items[0], math_italic('x')).x(), WithinAbs(0.12, exact));
    CHECK_THAT(layout.width, WithinAbs(0.24 + f.advance(math_italic('x')), exact));
}

// --- matrices --------------------------------------------------------------------------

// LaTeX's \@array (under amsmath's matrices) sets \baselineskip and \lineskip to 0, so rows
// abut; every row holds \@arstrutbox, 0.7 \baselineskip high and 0.3 deep, with \baselineskip
// 12pt at 10pt type: 0.84 em and 0.36 em. Columns are 2 \arraycolsep = 10pt apart.
TEST_CASE("a matrix centres cells in columns 1 em apart, rows on 0.84/0.36 em struts, centred on the axis") {
    MathFace f;
    // Column 0 holds a wide and a narrow cell; all cells are short, so struts decide the rows.
    std::vector<std::vector<MathList>> rows = {{{var('m'), var('m')}, {var('a')}}, {{var('c')}, {var('e')}}};
    const MathLayout layout = f.layout({matrix(rows, '[', ']')});
    const Vec2 m = origin_of(f, item(layout, "m"), math_italic('m'));
    const Vec2 a = origin_of(f, item(layout, "a"), math_italic('a'));
    const Vec2 c = origin_of(f, item(layout, "c"), math_italic('c'));
    const Vec2 e = origin_of(f, item(layout, "e"), math_italic('e'));
    const double wide = 2 * f.width(math_italic('m'));
    CHECK_THAT(c.x() + f.width(math_italic('c')) / 2, WithinAbs(m.x() + wide / 2, exact));
    // Column 1 starts one em after column 0 ends; its cells are centred on its width.
    const double column1 = m.x() + wide + 1.0;
    const double column1_width = std::max(f.width(math_italic('a')), f.width(math_italic('e')));
    CHECK_THAT(a.x() + f.width(math_italic('a')) / 2, WithinAbs(column1 + column1_width / 2, exact));
    CHECK_THAT(m.y() - c.y(), WithinAbs(0.36 + 0.84, exact));  // row 0's strut depth, row 1's strut height
    CHECK_THAT(a.y(), WithinAbs(m.y(), exact));
    CHECK_THAT(e.y(), WithinAbs(c.y(), exact));
    CHECK_THAT(e.x() + f.width(math_italic('e')) / 2, WithinAbs(column1 + column1_width / 2, exact));
    // Struts: row 0 is 0.84 em high, row 1 0.36 em deep; their middle is on the axis.
    CHECK_THAT(((m.y() + 0.84) + (c.y() - 0.36)) / 2, WithinAbs(f.axis(), exact));
    // Brackets on both sides, grown to the array.
    const BBox left = item(layout, "[").outline.bounds();
    const BBox right = item(layout, "]").outline.bounds();
    CHECK(left.max.x() <= m.x());
    CHECK(right.min.x() >= column1 + column1_width);
    CHECK(left.height() > f.ink_top(f.glyph('[')) - f.ink_bottom(f.glyph('[')));
}

TEST_CASE("a 2x2 bmatrix of digits is 2.4 em tall, and its brackets span all of it") {
    MathFace f;
    const MathLayout layout = f.layout({matrix({{{digit('1')}, {digit('2')}}, {{digit('3')}, {digit('4')}}}, '[', ']')});
    const Vec2 one = origin_of(f, item(layout, "1"), '1');
    const Vec2 three = origin_of(f, item(layout, "3"), '3');
    REQUIRE(f.ink_top(f.glyph('1')) < 0.84);
    REQUIRE(-f.ink_bottom(f.glyph('3')) < 0.36);
    // Two rows of strut height and depth, stacked with no glue: 2 × (0.84 + 0.36) em.
    const double top = one.y() + 0.84, bottom = three.y() - 0.36;
    CHECK_THAT(top - bottom, WithinAbs(2.4, exact));
    CHECK_THAT((top + bottom) / 2, WithinAbs(f.axis(), exact));
    // More than TeX's rule 19 asks (max(0.901 × 2.4, 2.4 − 0.5) em): the whole array, as
    // pdfLaTeX's whole-piece brackets end up, centred on the axis.
    for (const std::string key : {"[", "]"}) {
        const BBox bracket = item(layout, key).outline.bounds();
        CHECK(bracket.height() >= 2.4 - 2 * ink);
        CHECK_THAT(bracket.center().y(), WithinAbs(f.axis(), 2 * ink));
    }
    // As in LaTeX, the brackets reach past the digits' ink above and below.
    const BBox bracket = item(layout, "[").outline.bounds();
    for (const std::string digit_key : {"1", "2"}) CHECK(bracket.max.y() > item(layout, digit_key).outline.bounds().max.y());
    for (const std::string digit_key : {"3", "4"}) CHECK(bracket.min.y() < item(layout, digit_key).outline.bounds().min.y());
}

TEST_CASE("the brackets of a 3x3 bmatrix clear the digits of its first and last rows") {
    MathFace f;
    std::vector<std::vector<MathList>> rows;
    for (char r = 0; r < 3; ++r) rows.push_back({{digit('0')}, {digit('1')}, {digit('2')}});
    const MathLayout layout = f.layout({matrix(rows, '[', ']')});
    const BBox bracket = item(layout, "[").outline.bounds();
    BBox digits;
    for (const auto& piece : layout.items)
        if (piece.key != "[" && piece.key != "]") digits.add(piece.outline.bounds());
    // The whole 3.6 em array: 0.84 em strut above the first baseline, 0.36 em below the last.
    CHECK(bracket.height() >= 3.6 - 2 * ink);
    CHECK(bracket.max.y() - digits.max.y() > 0.1);
    CHECK(digits.min.y() - bracket.min.y() > 0.2);
}

// --- spacing ---------------------------------------------------------------------------

namespace {

// The space between the advance of item `left` and the origin of item `right`.
double space_between(MathFace& f, const MathLayout& layout, const std::string& left, char32_t left_char,
                     const std::string& right, char32_t right_char, MathStyle level = MathStyle::Display) {
    const Vec2 l = origin_of(f, item(layout, left), left_char, level);
    const Vec2 r = origin_of(f, item(layout, right), right_char, level);
    return r.x() - (l.x() + f.advance(left_char, level) + f.italic(left_char, level));
}

}  // namespace

TEST_CASE("TeX's spacing: medium around Bin, thick around Rel, thin after Punct, none in script style") {
    MathFace f;
    const double mu = 1.0 / 18;
    const char32_t a = math_italic('a'), b = math_italic('b');

    const MathLayout plus = f.layout({var('a'), bin('+'), var('b')});
    CHECK_THAT(space_between(f, plus, "a", a, "+", '+'), WithinAbs(4 * mu, exact));
    CHECK_THAT(space_between(f, plus, "+", '+', "b", b), WithinAbs(4 * mu, exact));

    const MathLayout equals = f.layout({var('a'), rel('='), var('b')});
    CHECK_THAT(space_between(f, equals, "a", a, "=", '='), WithinAbs(5 * mu, exact));
    CHECK_THAT(space_between(f, equals, "=", '=', "b", b), WithinAbs(5 * mu, exact));

    const MathLayout comma = f.layout({var('a'), punct(','), var('b')});
    CHECK_THAT(space_between(f, comma, "a", a, ",", ','), WithinAbs(0.0, exact));
    CHECK_THAT(space_between(f, comma, ",", ',', "b", b), WithinAbs(3 * mu, exact));

    // A leading + is unary: an Ord, no space.
    const MathLayout leading = f.layout({bin('+'), var('a')});
    CHECK_THAT(origin_of(f, item(leading, "+"), '+').x(), WithinAbs(0.0, exact));
    CHECK_THAT(space_between(f, leading, "+", '+', "a", a), WithinAbs(0.0, exact));

    // After a relation, + is unary too: thick space before it, none after.
    const MathLayout unary = f.layout({var('a'), rel('='), bin('+'), var('b')});
    CHECK_THAT(space_between(f, unary, "=", '=', "+", '+'), WithinAbs(5 * mu, exact));
    CHECK_THAT(space_between(f, unary, "+", '+', "b", b), WithinAbs(0.0, exact));

    // In script style the conditional spaces go.
    const MathStyle s = MathStyle::Script;
    const MathLayout script = f.layout({var('a'), bin('+'), var('b')}, s);
    CHECK_THAT(space_between(f, script, "a", a, "+", '+', s), WithinAbs(0.0, exact));
    CHECK_THAT(space_between(f, script, "+", '+', "b", b, s), WithinAbs(0.0, exact));

    // Explicit math glue is in mu of the current size.
    Node thin;
    thin.nucleus = Space{3, 0};
    const MathLayout spaced = f.layout({var('a'), thin, var('b')}, s);
    CHECK_THAT(space_between(f, spaced, "a", a, "b", b, s), WithinAbs(3 * mu * f.script_scale(), exact));
}

TEST_CASE("a letter keeps its italic correction before an upright symbol") {
    MathFace f;
    const MathLayout layout = f.layout({var('f'), open('('), var('x'), close(')')});
    const double f_italic = f.italic(math_italic('f'));
    REQUIRE(f_italic > 0);
    CHECK_THAT(origin_of(f, item(layout, "("), '(').x(), WithinAbs(f.advance(math_italic('f')) + f_italic, exact));
}

// --- large operators -------------------------------------------------------------------

TEST_CASE("display sum: a taller variant with limits above and below, text sum: scripts beside") {
    MathFace f;
    const MathList list = {with_sub(with_sup(sum(), {var('n')}), {var('i')})};
    const MathLayout display = f.layout(list, MathStyle::Display);
    const MathLayout text = f.layout(list, MathStyle::Text);
    const BBox big = item(display, "\\sum").outline.bounds();
    const BBox small = item(text, "\\sum").outline.bounds();
    CHECK(big.height() > small.height());
    CHECK(big.height() >= f.constant(HB_OT_MATH_CONSTANT_DISPLAY_OPERATOR_MIN_HEIGHT) - ink);
    CHECK_THAT(big.center().y(), WithinAbs(f.axis(), ink));
    CHECK_THAT(small.center().y(), WithinAbs(f.axis(), ink));

    const double s = f.script_scale();
    // Display: n above, i below, both centred on the operator.
    const Vec2 n = origin_of(f, item(display, "n"), math_italic('n'), MathStyle::Script);
    const Vec2 i = origin_of(f, item(display, "i"), math_italic('i'), MathStyle::Script);
    const double n_depth = -f.ink_bottom(f.glyph(math_italic('n'), MathStyle::Script)) * s;
    const double i_height = f.ink_top(f.glyph(math_italic('i'), MathStyle::Script)) * s;
    CHECK_THAT(n.y(), WithinAbs(big.max.y() + std::max(f.constant(HB_OT_MATH_CONSTANT_UPPER_LIMIT_BASELINE_RISE_MIN),
                                                         f.constant(HB_OT_MATH_CONSTANT_UPPER_LIMIT_GAP_MIN) + n_depth),
                                ink));
    CHECK_THAT(i.y(), WithinAbs(big.min.y() - std::max(f.constant(HB_OT_MATH_CONSTANT_LOWER_LIMIT_BASELINE_DROP_MIN),
                                                         f.constant(HB_OT_MATH_CONSTANT_LOWER_LIMIT_GAP_MIN) + i_height),
                                ink));
    CHECK(n.x() > big.min.x());
    CHECK(n.x() + f.advance(math_italic('n'), MathStyle::Script) < big.max.x());
    CHECK(i.x() > big.min.x());

    // Text: both to the right of the operator, one up, one down.
    const Vec2 tn = origin_of(f, item(text, "n"), math_italic('n'), MathStyle::Script);
    const Vec2 ti = origin_of(f, item(text, "i"), math_italic('i'), MathStyle::Script);
    CHECK(tn.x() >= small.max.x() - ink);
    CHECK(ti.x() >= small.max.x() - ink);
    CHECK(tn.y() > 0);
    CHECK(ti.y() < 0);
    CHECK(display.height > text.height);
}

TEST_CASE("limits can be forced beside in display style and above in text style") {
    MathFace f;
    Node beside = with_sup(sum(), {var('n')});
    beside.limits = Limits::Beside;
    Node above = with_sup(sum(), {var('n')});
    above.limits = Limits::Above;
    const MathLayout display_beside = f.layout({beside}, MathStyle::Display);
    const MathLayout text_above = f.layout({above}, MathStyle::Text);
    CHECK(origin_of(f, item(display_beside, "n"), math_italic('n'), MathStyle::Script).x() >=
          item(display_beside, "\\sum").outline.bounds().max.x() - ink);
    CHECK(origin_of(f, item(text_above, "n"), math_italic('n'), MathStyle::Script).x() <
          item(text_above, "\\sum").outline.bounds().max.x());
}

// --- words, items, sizes, errors -------------------------------------------------------

TEST_CASE("a text run is shaped as upright text: one item per glyph, each with the run's key") {
    MathFace f;
    Node run = construction(TextRun{"softmax", std::nullopt}, "softmax", AtomClass::Op);
    run.limits = Limits::Beside;
    const MathLayout layout = f.layout({run});
    REQUIRE(layout.items.size() == 7);
    double expected_width = 0;
    for (char c : std::string("softmax")) expected_width += f.advance(char32_t(c));
    // No kerning between these letters in Latin Modern Math: the advances add up.
    CHECK_THAT(layout.width, WithinAbs(expected_width, exact));
    for (const MathItem& it : layout.items) {
        CHECK(it.key == "softmax");
        CHECK(it.source == run.nucleus_source);
    }
    CHECK_THAT(origin_of(f, layout.items[1], 'o').x(), WithinAbs(f.advance('s'), exact));
}

TEST_CASE("items carry the source and key of their node, delimiters their own, in reading order") {
    MathFace f;
    const Node x = var('x');
    const Node fraction = frac({var('a')}, {var('b')});
    const Node fence = left_right('(', {fraction}, ')');
    const MathLayout layout = f.layout({x, fence});
    REQUIRE(layout.items.size() == 6);
    CHECK(layout.items[0].key == "x");
    CHECK(layout.items[0].source == x.nucleus_source);
    CHECK(layout.items[1].key == "(");
    CHECK(layout.items[1].source == std::get<LeftRight>(fence.nucleus).left.source);
    CHECK(layout.items[2].key == "a");
    CHECK(layout.items[3].key == "\\frac");
    CHECK(layout.items[3].source == std::get<LeftRight>(fence.nucleus).body[0].nucleus_source);
    CHECK(layout.items[4].key == "b");
    CHECK(layout.items[5].key == ")");
    CHECK(layout.items[5].source == std::get<LeftRight>(fence.nucleus).right.source);
}

TEST_CASE("the em size scales the whole layout, height and depth are the ink's") {
    MathFace f;
    const MathList list = {with_sup(var('x'), {digit('2')}), bin('+'), frac({var('a')}, {var('y')})};
    const MathLayout one = f.layout(list, MathStyle::Display, 1.0);
    const MathLayout two = f.layout(list, MathStyle::Display, 2.5);
    REQUIRE(one.items.size() == two.items.size());
    CHECK_THAT(two.width, WithinAbs(2.5 * one.width, exact));
    CHECK_THAT(two.height, WithinAbs(2.5 * one.height, 2.5 * ink));
    for (std::size_t i = 0; i < one.items.size(); ++i)
        CHECK_THAT((two.items[i].outline.points()[0] - 2.5 * one.items[i].outline.points()[0]).norm(),
                   WithinAbs(0.0, exact));
    // The denominator's y reaches lowest: the depth is its ink bottom.
    CHECK_THAT(one.depth, WithinAbs(-item(one, "y").outline.bounds().min.y(), exact));
}

TEST_CASE("bad input is an InputError: no MATH table, missing glyph, bad size, nesting too deep") {
    MathFace f;
    const MathList x = {var('x')};
    CHECK(input_error_message([&] { layout_math(f.fonts, f.fonts.face("sans"), x, MathStyle::Text, 1); })
              .find("has no OpenType MATH table") != std::string::npos);
    CHECK(input_error_message([&] { f.layout({symbol(U'\u4E2D', AtomClass::Ord, "zh")}); }) ==
          "the maths font has no glyph for U+4E2D");
    CHECK(input_error_message([&] { f.layout(x, MathStyle::Text, 0); }) ==
          "formula size must be a positive number, got 0");

    MathList nested = {var('x')};
    for (int i = 0; i < 300; ++i) nested = {construction(Group{std::move(nested)}, "{")};
    CHECK(input_error_message([&] { f.layout(nested); }) == "formula nested too deeply (more than 200 levels)");
    MathList fine = {var('x')};
    for (int i = 0; i < 64; ++i) fine = {with_sup(var('y'), std::move(fine))};
    CHECK(f.layout(fine).items.size() == 65);
}

// --- formulas from TeX source (through the parser) --------------------------------------

TEST_CASE("from TeX source: spacing follows the classes the parser gives") {
    MathFace f;
    const char32_t a = math_italic('a'), b = math_italic('b');
    CHECK_THAT(space_between(f, layout_tex(f, "a+b"), "+", '+', "b", b), WithinAbs(4.0 / 18, exact));
    CHECK_THAT(space_between(f, layout_tex(f, "a=b"), "a", a, "=", '='), WithinAbs(5.0 / 18, exact));
    CHECK_THAT(space_between(f, layout_tex(f, "a,b"), ",", ',', "b", b), WithinAbs(3.0 / 18, exact));
    // An operator name is an Op: a thin space before an Ord.
    const MathLayout sine = layout_tex(f, "\\sin x");
    const double n_end = origin_of(f, item(sine, "sin", 2), 'n').x() + f.advance('n');
    CHECK_THAT(origin_of(f, item(sine, "x"), math_italic('x')).x() - n_end, WithinAbs(3.0 / 18, exact));
    // A unary minus and a script-style sum have no spaces at all.
    const MathLayout unary = layout_tex(f, "-a");
    CHECK_THAT(origin_of(f, item(unary, "a"), math_italic('a')).x(), WithinAbs(f.advance(U'\u2212'), exact));
    const MathLayout script = layout_tex(f, "\\scriptstyle a+b");
    CHECK_THAT(origin_of(f, item(script, "+"), '+', MathStyle::Script).x(),
               WithinAbs(f.advance(math_italic('a'), MathStyle::Script) + f.italic(math_italic('a'), MathStyle::Script),
                         exact));
}

// The TeXbook, ch. 18: mu glue (\mskip: \, \: \; \!) is 1/18 of the em of the current math
// size, so it shrinks in scripts; \quad (\hskip 1em), \qquad, "\ " and ~ are glue of the text
// font and keep their width in every style.
TEST_CASE("from TeX source: quad, qquad, control space and tilde keep their width in scripts, thin, medium, thick and negative spaces shrink") {
    MathFace f;
    const char32_t a = math_italic('a'), b = math_italic('b');
    const MathStyle s = MathStyle::Script;
    const auto gap = [&](const std::string& space, MathStyle style) {
        const std::string prefix = style == s ? "\\scriptstyle " : "";
        return space_between(f, layout_tex(f, prefix + "a" + space + "b"), "a", a, "b", b, style);
    };
    for (const MathStyle style : {MathStyle::Display, s}) {
        CAPTURE(int(style));
        CHECK_THAT(gap("\\quad ", style), WithinAbs(1.0, exact));
        CHECK_THAT(gap("\\qquad ", style), WithinAbs(2.0, exact));
        CHECK_THAT(gap("\\ ", style), WithinAbs(1.0 / 3, exact));
        CHECK_THAT(gap("~", style), WithinAbs(1.0 / 3, exact));
        const double mu = (style == s ? f.script_scale() : 1.0) / 18;
        CHECK_THAT(gap("\\,", style), WithinAbs(3 * mu, exact));
        CHECK_THAT(gap("\\:", style), WithinAbs(4 * mu, exact));
        CHECK_THAT(gap("\\;", style), WithinAbs(5 * mu, exact));
        CHECK_THAT(gap("\\!", style), WithinAbs(-3 * mu, exact));
    }
    // Inside a superscript, as the text spaces of \sum_{i\quad j} would be.
    const MathLayout sup = layout_tex(f, "x^{a\\quad b}");
    CHECK_THAT(space_between(f, sup, "a", a, "b", b, s), WithinAbs(1.0, exact));
}

// amsmath defines \iff as \;\Longleftrightarrow\; and \implies as \;\Longrightarrow\;: a thick
// space of mu glue on either side, on top of the thick space TeX puts around a Rel.
TEST_CASE("from TeX source: iff and implies carry a thick space on either side of the arrow") {
    MathFace f;
    const char32_t a = math_italic('a'), b = math_italic('b');
    const double mu = 1.0 / 18;
    for (const auto& [command, arrow] : {std::pair{"\\iff", U'\u27FA'}, std::pair{"\\implies", U'\u27F9'}}) {
        CAPTURE(command);
        const MathLayout display = layout_tex(f, std::string("a ") + command + " b");
        CHECK_THAT(space_between(f, display, "a", a, command, arrow), WithinAbs(10 * mu, exact));
        CHECK_THAT(space_between(f, display, command, arrow, "b", b), WithinAbs(10 * mu, exact));
        // In script style the Rel's space goes; the \; stays, at the script's mu.
        const MathStyle s = MathStyle::Script;
        const MathLayout script = layout_tex(f, std::string("\\scriptstyle a ") + command + " b", s);
        CHECK_THAT(space_between(f, script, "a", a, command, arrow, s), WithinAbs(5 * mu * f.script_scale(), exact));
        CHECK_THAT(space_between(f, script, command, arrow, "b", b, s), WithinAbs(5 * mu * f.script_scale(), exact));
    }
    // A plain \Leftrightarrow has only the Rel's thick space.
    const MathLayout plain = layout_tex(f, "a \\Leftrightarrow b");
    CHECK_THAT(space_between(f, plain, "a", a, "\\Leftrightarrow", U'\u21D4'), WithinAbs(5 * mu, exact));
}

// The parser's limit (max_source_nesting) is what people meet; the typesetter's own limit on
// list depth only guards trees built by hand, so nothing the parser accepts may reach it.
TEST_CASE("from TeX source: formulas nested as deep as the parser allows all lay out") {
    MathFace f;
    const std::vector<std::pair<std::string, std::string>> levels = {
        {"{", "}"},           {"x^{", "}"},         {"\\frac{", "}{y}"},
        {"\\sqrt{", "}"},     {"\\sqrt[", "]{y}"},  {"\\left(", "\\right)"},
        {"\\begin{pmatrix}", "\\end{pmatrix}"}, {"\\begin{cases}", "\\end{cases}"},
        {"\\binom{", "}{y}"},    {"\\left( y \\middle|", "\\right)"},  {"\\overset{", "}{=}"},
        {"\\underbrace{", "}_{y}"}, {"\\boxed{", "}"},                {"\\cancel{", "}"},
    };
    for (const auto& [open_level, close_level] : levels) {
        CAPTURE(open_level);
        const auto nested = [&](std::size_t depth) {
            std::string tex;
            for (std::size_t i = 0; i < depth; ++i) tex += open_level;
            tex += "x";
            for (std::size_t i = 0; i < depth; ++i) tex += close_level;
            return tex;
        };
        CHECK_THROWS_AS(parse_tex(nested(max_source_nesting + 1)), TexError);
        CHECK_FALSE(layout_tex(f, nested(max_source_nesting)).items.empty());
    }
}

TEST_CASE("from TeX source: left( grows from a letter to a fraction to a matrix") {
    MathFace f;
    const double x = item(layout_tex(f, "\\left( x \\right)"), "(").outline.bounds().height();
    const double fraction =
        item(layout_tex(f, "\\left( \\frac{\\frac{a}{b}}{\\frac{c}{d}} \\right)"), "(").outline.bounds().height();
    const double matrix =
        item(layout_tex(f, "\\begin{pmatrix} a \\\\ b \\\\ c \\\\ d \\\\ e \\end{pmatrix}"), "(").outline.bounds().height();
    CHECK(x < fraction);
    CHECK(fraction < matrix);
}

TEST_CASE("from TeX source: the attention formula, every item traced to its source") {
    MathFace f;
    const std::string tex = "\\text{Attention}(Q,K,V) = \\operatorname{softmax}\\left(\\frac{QK^T}{\\sqrt{d_k}}\\right)V";
    const MathLayout layout = layout_tex(f, tex);
    // 9 + 7 letters of the words, 7 of (Q,K,V), '=', 2 delimiters, Q K T, rule, radical, d k, V.
    CHECK(layout.items.size() == 9 + 7 + 7 + 1 + 2 + 3 + 1 + 1 + 2 + 1);
    for (const MathItem& it : layout.items) {
        INFO("item " << it.key);
        REQUIRE(it.source.end <= tex.size());
        CHECK(it.source.begin < it.source.end);
    }
    CHECK(tex.substr(item(layout, "\\frac").source.begin, 5) == "\\frac");
    CHECK(tex.substr(item(layout, "\\sqrt").source.begin, 5) == "\\sqrt");
    // The big parentheses are centred on the axis and cover the fraction (TeX's 90%).
    const BBox paren = item(layout, "(", 1).outline.bounds();
    CHECK_THAT(paren.center().y(), WithinAbs(f.axis(), 2 * ink));
    const BBox numerator = item(layout, "Q", 1).outline.bounds();
    CHECK(paren.max.y() > 0.9 * numerator.max.y());
    // Reading order at the top level: Attention … = softmax ( … ) V, left to right.
    CHECK(left_of(layout, "=") < left_of(layout, "softmax"));
    CHECK(left_of(layout, "softmax", 6) < paren.min.x());
    CHECK(paren.max.x() < left_of(layout, "V", 1));
}

// In LaTeX's arrays \lineskip is 0 too: rows taller than the strut touch, with no glue between.
TEST_CASE("matrix rows taller than the struts abut, ink to ink") {
    MathFace f;
    // Row 0 hangs a fraction deeper than the strut, row 1 stands a fraction higher than it.
    const Node low = frac({var('a')}, {frac({var('b')}, {var('c')})});
    const Node high = frac({frac({var('d')}, {var('e')})}, {var('g')});
    const MathLayout layout = f.layout({matrix({{MathList{low}}, {MathList{high}}}, 0, 0)});
    const MathLayout row0 = f.layout({low}, MathStyle::Text);
    const MathLayout row1 = f.layout({high}, MathStyle::Text);
    REQUIRE(row0.depth > 0.36);
    REQUIRE(row1.height > 0.84);
    const double baseline0 = item(layout, "a").outline.points()[0].y() - item(row0, "a").outline.points()[0].y();
    const double baseline1 = item(layout, "d").outline.points()[0].y() - item(row1, "d").outline.points()[0].y();
    CHECK_THAT(baseline0 - baseline1, WithinAbs(row0.depth + row1.height, ink));
}

// --- accents and over/under lines --------------------------------------------------------

namespace {

Node accented(char32_t accent, MathList base, const std::string& key, bool wide = false) {
    return construction(Accent{accent, wide, std::move(base)}, key);
}
Node lined(LineSide side, MathList body) {
    return construction(OverUnderLine{side, std::move(body)}, side == LineSide::Over ? "\\overline" : "\\underline");
}

constexpr char32_t circumflex = U'\u0302';
constexpr char32_t tilde = U'\u0303';

double attachment(const MathFace& f, std::uint32_t glyph) {
    return hb_ot_math_get_glyph_top_accent_attachment(f.hb, glyph) / f.upem;
}

// The horizontal variants of `c`'s glyph, narrowest first, as the font lists them.
std::vector<hb_ot_math_glyph_variant_t> horizontal_variants(const MathFace& f, char32_t c) {
    hb_ot_math_glyph_variant_t variants[32];
    unsigned count = 32;
    hb_ot_math_get_glyph_variants(f.hb, f.glyph(c), HB_DIRECTION_LTR, 0, &count, variants);
    return {variants, variants + count};
}

// Which of `glyphs` `item` draws, found by matching outlines point for point.
std::uint32_t drawn_glyph(MathFace& f, const MathItem& item, const std::vector<std::uint32_t>& glyphs) {
    for (std::uint32_t g : glyphs) {
        const Path& outline = f.outline(g);
        if (outline.points().size() != item.outline.points().size()) continue;
        if (largest_distance(item.outline, outline.transformed(placement(item, outline))) < exact) return g;
    }
    FAIL("the item draws none of the glyphs");
    return 0;
}

}  // namespace

TEST_CASE("an accent over a short letter stays where the font drew it, on the letter's attachment point") {
    MathFace f;
    const std::uint32_t x = f.glyph(math_italic('x'));
    REQUIRE(f.ink_top(x) < f.constant(HB_OT_MATH_CONSTANT_ACCENT_BASE_HEIGHT));
    const MathLayout layout = f.layout({accented(circumflex, {var('x')}, "\\hat")});
    const Vec2 hat = origin_of(f, item(layout, "\\hat"), circumflex);
    CHECK_THAT(hat.y(), WithinAbs(0, exact));
    CHECK_THAT(hat.x(), WithinAbs(attachment(f, x) - attachment(f, f.glyph(circumflex)), exact));
    // The letter is where it would be without the accent, and keeps its key.
    CHECK(origin_of(f, item(layout, "x"), math_italic('x')).norm() < exact);
    CHECK_THAT(layout.width, WithinAbs(f.width(math_italic('x')), exact));
}

TEST_CASE("an accent over a tall letter rises by the letter's height above AccentBaseHeight") {
    MathFace f;
    // An italic b leans: its attachment point is far from the middle of its advance.
    const std::uint32_t b = f.glyph(math_italic('b'));
    const double base_height = f.constant(HB_OT_MATH_CONSTANT_ACCENT_BASE_HEIGHT);
    REQUIRE(f.ink_top(b) > base_height + 0.1);
    REQUIRE(std::abs(attachment(f, b) - f.advance(math_italic('b')) / 2) > 0.02);
    const MathLayout layout = f.layout({accented(tilde, {var('b')}, "\\tilde")});
    const Vec2 accent = origin_of(f, item(layout, "\\tilde"), tilde);
    CHECK_THAT(accent.y(), WithinAbs(f.ink_top(b) - base_height, exact));
    CHECK_THAT(accent.x(), WithinAbs(attachment(f, b) - attachment(f, f.glyph(tilde)), exact));
    CHECK_THAT(layout.height, WithinAbs(f.ink_top(f.glyph(tilde)) + f.ink_top(b) - base_height, ink));
}

TEST_CASE("in script style the accent and its base take the script glyphs and size") {
    MathFace f;
    const double s = f.script_scale();
    const std::uint32_t k = f.glyph(math_italic('k'), MathStyle::Script);
    const std::uint32_t bar = f.glyph(U'\u0304', MathStyle::Script);
    const MathLayout layout = f.layout({accented(U'\u0304', {var('k')}, "\\bar")}, MathStyle::Script);
    const Similarity placed = placement(item(layout, "\\bar"), f.outline(bar));
    CHECK_THAT(placed.scale, WithinAbs(s, exact));
    const double raise = std::max(0.0, (f.ink_top(k) - f.constant(HB_OT_MATH_CONSTANT_ACCENT_BASE_HEIGHT)) * s);
    REQUIRE(raise > 0);
    CHECK_THAT(placed.offset.y(), WithinAbs(raise, exact));
    CHECK_THAT(placed.offset.x(), WithinAbs((attachment(f, k) - attachment(f, bar)) * s, exact));
}

TEST_CASE("an accent over several atoms is centred over their box and raised by its height") {
    MathFace f;
    const MathLayout layout = f.layout({accented(U'\u20D7', {var('Q'), var('K')}, "\\vec")});
    const double width = f.width(math_italic('Q')) + f.width(math_italic('K'));
    const double height = std::max(f.ink_top(f.glyph(math_italic('Q'))), f.ink_top(f.glyph(math_italic('K'))));
    const Vec2 arrow = origin_of(f, item(layout, "\\vec"), U'\u20D7');
    CHECK_THAT(arrow.x(), WithinAbs(width / 2 - attachment(f, f.glyph(U'\u20D7')), ink));
    CHECK_THAT(arrow.y(), WithinAbs(height - f.constant(HB_OT_MATH_CONSTANT_ACCENT_BASE_HEIGHT), ink));
    CHECK_THAT(layout.width, WithinAbs(width, exact));
}

TEST_CASE("a superscript on an accented letter goes where it goes on the bare letter") {
    MathFace f;
    const MathLayout plain = f.layout({with_sup(var('y'), {digit('2')})});
    const MathLayout hatted = f.layout({with_sup(accented(circumflex, {var('y')}, "\\hat"), {digit('2')})});
    const Vec2 expected = origin_of(f, item(plain, "2"), '2', MathStyle::Script);
    CHECK((origin_of(f, item(hatted, "2"), '2', MathStyle::Script) - expected).norm() < exact);
    CHECK_THAT(hatted.width, WithinAbs(plain.width, exact));
}

TEST_CASE("widehat takes the widest horizontal variant no wider than its base, as TeX does") {
    MathFace f;
    const auto variants = horizontal_variants(f, circumflex);
    REQUIRE(variants.size() >= 3);
    std::vector<std::uint32_t> glyphs;
    for (const auto& v : variants) glyphs.push_back(v.glyph);
    double previous_advance = 0, last_width = 0;
    for (const std::string letters : {"x", "QK", "QKV", "QKVQKV", "QKVQKVQKVQKV"}) {
        CAPTURE(letters);
        MathList base;
        double width = 0;
        for (char c : letters) {
            base.push_back(var(c));
            width += f.width(math_italic(c));
        }
        last_width = width;
        const MathLayout layout = f.layout({accented(circumflex, base, "\\widehat", true)});
        const std::uint32_t drawn = drawn_glyph(f, item(layout, "\\widehat"), glyphs);
        std::size_t expected = 0;
        while (expected + 1 < variants.size() && variants[expected + 1].advance / f.upem <= width) ++expected;
        CHECK(drawn == variants[expected].glyph);
        const double advance = variants[expected].advance / f.upem;
        CHECK(advance >= previous_advance);
        previous_advance = advance;
        // Within the base (unless even the smallest is wider), and the next one would not be.
        if (expected > 0) CHECK(advance <= width);
        if (expected + 1 < variants.size()) CHECK(variants[expected + 1].advance / f.upem > width);
    }
    CHECK(previous_advance == variants.back().advance / f.upem);
    CHECK(last_width > previous_advance);  // the last base was wider than any variant
    // \hat does not grow.
    const MathLayout hat = f.layout({accented(circumflex, {var('Q'), var('K'), var('V')}, "\\hat")});
    CHECK(drawn_glyph(f, item(hat, "\\hat"), {f.glyph(circumflex)}) == f.glyph(circumflex));
}

TEST_CASE("overline: a rule OverbarVerticalGap above the ink, OverbarRuleThickness thick, extra ascender above") {
    MathFace f;
    const MathLayout layout = f.layout({lined(LineSide::Over, {var('x'), bin('+'), var('y')})});
    const BBox rule = item(layout, "\\overline").outline.bounds();
    const double top = std::max(f.ink_top(f.glyph(math_italic('x'))), f.ink_top(f.glyph('+')));
    CHECK_THAT(rule.min.y(), WithinAbs(top + f.constant(HB_OT_MATH_CONSTANT_OVERBAR_VERTICAL_GAP), ink));
    CHECK_THAT(rule.height(), WithinAbs(f.constant(HB_OT_MATH_CONSTANT_OVERBAR_RULE_THICKNESS), exact));
    CHECK_THAT(rule.min.x(), WithinAbs(0, exact));
    CHECK_THAT(rule.width(), WithinAbs(layout.width, exact));
    CHECK(origin_of(f, item(layout, "x"), math_italic('x')).norm() < exact);

    // The box reaches OverbarExtraAscender above the rule: a superscript after it follows.
    const MathLayout squared = f.layout({with_sup(lined(LineSide::Over, {var('x')}), {digit('2')})});
    const double box_top = item(squared, "\\overline").outline.bounds().max.y() +
                           f.constant(HB_OT_MATH_CONSTANT_OVERBAR_EXTRA_ASCENDER);
    const double shift = box_top - f.constant(HB_OT_MATH_CONSTANT_SUPERSCRIPT_BASELINE_DROP_MAX) * f.script_scale();
    REQUIRE(shift > f.constant(HB_OT_MATH_CONSTANT_SUPERSCRIPT_SHIFT_UP));
    CHECK_THAT(origin_of(f, item(squared, "2"), '2', MathStyle::Script).y(), WithinAbs(shift, ink));
}

TEST_CASE("underline: a rule UnderbarVerticalGap below the ink, UnderbarRuleThickness thick") {
    MathFace f;
    const MathLayout layout = f.layout({lined(LineSide::Under, {var('y')})});
    const BBox rule = item(layout, "\\underline").outline.bounds();
    const double depth = -f.ink_bottom(f.glyph(math_italic('y')));
    CHECK_THAT(rule.max.y(), WithinAbs(-(depth + f.constant(HB_OT_MATH_CONSTANT_UNDERBAR_VERTICAL_GAP)), ink));
    CHECK_THAT(rule.height(), WithinAbs(f.constant(HB_OT_MATH_CONSTANT_UNDERBAR_RULE_THICKNESS), exact));
    CHECK_THAT(rule.width(), WithinAbs(f.width(math_italic('y')), exact));
    CHECK(layout.items.size() == 2);
}
