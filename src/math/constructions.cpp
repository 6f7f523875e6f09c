// Fractions, radicals, \left…\right and matrices: the parts of Typesetter that build a
// box from sub-formulas (appendix G rules 11, 15 and 19, and amsmath's matrices).
#include "core/error.hpp"
#include "math/delimiters.hpp"
#include "math/typesetter.hpp"

#include <algorithm>

namespace attnreel::math {

namespace {

constexpr char32_t radical_sign = U'\u221A';

}  // namespace

// Rule 15: numerator and denominator at the font's shifts, pushed apart when they would
// come closer to the rule than the minimum gaps; the rule on the axis; a null delimiter
// on either side.
Box Typesetter::fraction(const Node& node, const Fraction& fraction, Style style) {
    const Box numerator = list(fraction.numerator, style.numerator());
    const Box denominator = list(fraction.denominator, style.denominator());
    const double s = scale(style);
    const bool display = style.is_display();
    double shift_up =
        (display ? k_.fraction_numerator_display_style_shift_up : k_.fraction_numerator_shift_up) * s;
    double shift_down =
        (display ? k_.fraction_denominator_display_style_shift_down : k_.fraction_denominator_shift_down) * s;
    const double numerator_gap =
        (display ? k_.fraction_num_display_style_gap_min : k_.fraction_numerator_gap_min) * s;
    const double denominator_gap =
        (display ? k_.fraction_denom_display_style_gap_min : k_.fraction_denominator_gap_min) * s;
    const double thickness = k_.fraction_rule_thickness * s;
    const double rule_top = axis(style) + thickness / 2, rule_bottom = axis(style) - thickness / 2;

    shift_up = std::max(shift_up, rule_top + numerator_gap + numerator.depth);
    shift_down = std::max(shift_down, denominator.height + denominator_gap - rule_bottom);

    const double width = std::max(numerator.width, denominator.width);
    const double left = null_delimiter_space;
    Box box;
    box.width = width + 2 * null_delimiter_space;
    box.height = std::max(shift_up + numerator.height, rule_top);
    box.depth = std::max(shift_down + denominator.depth, -rule_bottom);
    box.draw(numerator, Vec2(left + (width - numerator.width) / 2, shift_up));
    box.draw(rule_box(width, rule_bottom, rule_top, shown_range(node), node.key), Vec2(left, 0));
    box.draw(denominator, Vec2(left + (width - denominator.width) / 2, -shift_down));
    return box;
}

// Rule 11: the body in the cramped style, under a rule joined to a sign big enough for
// it; extra room a bigger sign leaves is shared above and below; an optional degree in
// scriptscript style sits in the crook of the sign.
Box Typesetter::radical(const Node& node, const Radical& radical, Style style) {
    const Box body = list(radical.body, style.cramped_style());
    const double s = scale(style);
    const double thickness = k_.radical_rule_thickness * s;
    double gap = (style.is_display() ? k_.radical_display_style_vertical_gap : k_.radical_vertical_gap) * s;

    const std::uint32_t sign_glyph = font_.glyph_for(radical_sign, MathStyle::Text);
    if (sign_glyph == 0) throw InputError(missing_glyph_message(radical_sign));
    const double needed = body.height + body.depth + gap + thickness;
    Box sign = stretched_glyph(font_, sign_glyph, needed, s, {}, {});
    if (const double excess = sign.height + sign.depth - needed; excess > 0) gap += excess / 2;
    const double rule_top = body.height + gap + thickness;
    sign.raise(rule_top - sign.height);

    // Sign and overbar are one item: they are drawn and matched as one stroke.
    Box sign_and_bar;
    sign_and_bar.draw(sign, Vec2(0, 0));
    sign_and_bar.draw(rule_box(body.width, rule_top - thickness, rule_top, {}, {}), Vec2(sign.width, 0));
    sign_and_bar = merged(sign_and_bar, shown_range(node), node.key);

    HList out;
    if (radical.degree) {
        const Box degree = list(*radical.degree, Style{MathStyle::ScriptScript, false});
        const double before = k_.radical_kern_before_degree * s;
        // The kern after is negative (the degree overlaps the sign) but never beyond the start.
        const double after = std::max(k_.radical_kern_after_degree * s, -(before + degree.width));
        const double raise = k_.radical_degree_bottom_raise * (sign.height + sign.depth) - sign.depth;
        out.kern(before);
        out.append(degree, raise);
        out.kern(after);
    }
    Box whole = std::move(sign_and_bar);
    whole.width = sign.width + body.width;
    whole.height = rule_top + k_.radical_extra_ascender * s;
    whole.depth = std::max(sign.depth, body.depth);
    whole.draw(body, Vec2(sign.width, 0));
    out.append(whole);
    return std::move(out).finish();
}

// Rule 19: the body as an Inner list between delimiters sized by TeX's rule, centred on
// the axis.
Box Typesetter::left_right(const LeftRight& fence, Style style) {
    const Box body = list(fence.body, style, true);
    const double s = scale(style);
    const double size = required_delimiter_size(body.height, body.depth, axis(style), delimiter_shortfall);
    HList out;
    out.append(delimiter_box(font_, fence.left, size, s, axis(style), null_delimiter_space));
    out.append(body);
    out.append(delimiter_box(font_, fence.right, size, s, axis(style), null_delimiter_space));
    return std::move(out).finish();
}

// amsmath's matrices: text-style cells centred in their columns, columns a gap apart,
// rows at least as tall and deep as the strut and stacked with no glue between them, the
// array centred on the axis, then delimiters as tall as the array (none for a plain matrix).
Box Typesetter::matrix(const Matrix& matrix, Style style) {
    const Style cell_style{MathStyle::Text, false};
    std::vector<std::vector<Box>> cells;
    std::vector<double> column_width;
    for (const auto& row : matrix.rows) {
        cells.emplace_back();
        for (std::size_t c = 0; c < row.size(); ++c) {
            cells.back().push_back(list(row[c], cell_style));
            if (column_width.size() <= c) column_width.push_back(0);
            column_width[c] = std::max(column_width[c], cells.back().back().width);
        }
    }

    Box array;
    for (double w : column_width) array.width += w;
    if (!column_width.empty()) array.width += matrix_column_gap * double(column_width.size() - 1);
    double baseline = 0, previous_depth = 0;
    for (std::size_t r = 0; r < cells.size(); ++r) {
        double height = matrix_strut_height, depth = matrix_strut_depth;
        for (const Box& cell : cells[r]) {
            height = std::max(height, cell.height);
            depth = std::max(depth, cell.depth);
        }
        if (r == 0) array.height = height;
        else baseline -= previous_depth + height;
        double x = 0;
        for (std::size_t c = 0; c < cells[r].size(); ++c) {
            array.draw(cells[r][c], Vec2(x + (column_width[c] - cells[r][c].width) / 2, baseline));
            x += column_width[c] + matrix_column_gap;
        }
        previous_depth = depth;
        array.depth = depth - baseline;
    }
    if (!cells.empty()) array.raise(axis(style) - (array.height - array.depth) / 2);

    HList out;
    const double s = scale(style);
    // Fences span the whole array, struts included. TeX's rule alone would let them fall
    // short by a tenth, which pdfLaTeX hides (its brackets grow in whole pieces and overshoot)
    // but an assembly built to the exact size does not: the brackets would end level with
    // the digits' tops.
    const double size = std::max(required_delimiter_size(array.height, array.depth, axis(style), delimiter_shortfall),
                                 array.height + array.depth);
    if (matrix.left.code_point != 0) out.append(delimiter_box(font_, matrix.left, size, s, axis(style), 0));
    out.append(array);
    if (matrix.right.code_point != 0) out.append(delimiter_box(font_, matrix.right, size, s, axis(style), 0));
    return std::move(out).finish();
}

}  // namespace attnreel::math
