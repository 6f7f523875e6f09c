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
// on either side. Without a rule (\binom) the parts take the stack shifts and keep the
// stack gap between them (15c), and delimiters of a fixed size replace the null ones (15e).
Box Typesetter::fraction(const Node& node, const Fraction& fraction, Style style) {
    const Box numerator = list(fraction.numerator, style.numerator());
    const Box denominator = list(fraction.denominator, style.denominator());
    const double s = scale(style);
    const bool display = style.is_display();
    const double thickness = fraction.rule ? k_.fraction_rule_thickness * s : 0;
    const double rule_top = axis(style) + thickness / 2, rule_bottom = axis(style) - thickness / 2;
    double shift_up = 0, shift_down = 0;
    if (fraction.rule) {
        shift_up = (display ? k_.fraction_numerator_display_style_shift_up : k_.fraction_numerator_shift_up) * s;
        shift_down =
            (display ? k_.fraction_denominator_display_style_shift_down : k_.fraction_denominator_shift_down) * s;
        const double numerator_gap =
            (display ? k_.fraction_num_display_style_gap_min : k_.fraction_numerator_gap_min) * s;
        const double denominator_gap =
            (display ? k_.fraction_denom_display_style_gap_min : k_.fraction_denominator_gap_min) * s;
        shift_up = std::max(shift_up, rule_top + numerator_gap + numerator.depth);
        shift_down = std::max(shift_down, denominator.height + denominator_gap - rule_bottom);
    } else {
        shift_up = (display ? k_.stack_top_display_style_shift_up : k_.stack_top_shift_up) * s;
        shift_down = (display ? k_.stack_bottom_display_style_shift_down : k_.stack_bottom_shift_down) * s;
        const double gap_min = (display ? k_.stack_display_style_gap_min : k_.stack_gap_min) * s;
        const double gap = (shift_up - numerator.depth) - (denominator.height - shift_down);
        if (gap < gap_min) {
            shift_up += (gap_min - gap) / 2;
            shift_down += (gap_min - gap) / 2;
        }
    }

    const double width = std::max(numerator.width, denominator.width);
    Box stack;
    stack.width = width;
    stack.height = std::max(shift_up + numerator.height, fraction.rule ? rule_top : 0.0);
    stack.depth = std::max(shift_down + denominator.depth, fraction.rule ? -rule_bottom : 0.0);
    stack.draw(numerator, Vec2((width - numerator.width) / 2, shift_up));
    if (fraction.rule) stack.draw(rule_box(width, rule_bottom, rule_top, shown_range(node), node.key), Vec2(0, 0));
    stack.draw(denominator, Vec2((width - denominator.width) / 2, -shift_down));

    const double delimiter_size = (display ? fraction_delimiter_display_size : fraction_delimiter_size) * s;
    HList out;
    out.append(delimiter_box(font_, fraction.left, delimiter_size, s, axis(style), null_delimiter_space));
    out.append(stack);
    out.append(delimiter_box(font_, fraction.right, delimiter_size, s, axis(style), null_delimiter_space));
    return std::move(out).finish();
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
// the axis. Each \middle delimiter is sized with them; the list before it ends as before a
// \right, the list after it starts as after a \left (e-TeX's rule).
Box Typesetter::left_right(const LeftRight& fence, Style style) {
    std::vector<FencedPart> parts;
    parts.push_back({nullptr, list(fence.body, style, true)});
    for (const MiddleDelimiter& middle : fence.middles)
        parts.push_back({&middle.delimiter, list(middle.after, style, true)});
    return fenced(fence.left, std::move(parts), fence.right, style);
}

// The delimiters of \left…\right and of fenced matrices, around parts already set: a
// variant at least TeX's size (rule 19), so that pmatrix and \left( \begin{matrix}…
// \end{matrix} \right) are the same. Content too tall for every variant gets an assembly
// as tall as all of it: pdfTeX's extensible delimiters grow in whole pieces and overshoot
// TeX's size, and one built to that size exactly would end level with the outer rows' ink.
Box Typesetter::fenced(const Delimiter& left, std::vector<FencedPart> parts, const Delimiter& right, Style style) {
    const double s = scale(style);
    double height = 0, depth = 0;
    for (const FencedPart& part : parts) {
        height = std::max(height, part.body.height);
        depth = std::max(depth, part.body.depth);
    }
    const double size = required_delimiter_size(height, depth, axis(style), delimiter_shortfall);
    const auto delimiter = [&](const Delimiter& d) {
        return delimiter_box(font_, d, size, s, axis(style), null_delimiter_space, height + depth);
    };
    HList out;
    out.append(delimiter(left));
    for (const FencedPart& part : parts) {
        if (part.middle) out.append(delimiter(*part.middle));
        out.append(part.body);
    }
    out.append(delimiter(right));
    return std::move(out).finish();
}

// amsmath's matrices: text-style cells centred in their columns (left-aligned in cases),
// columns a gap apart (cases' \quad is as wide), rows at least as tall and deep as the
// strut (stretched by \arraystretch in cases) and stacked with no glue between them, the
// array centred on the axis, then the delimiters of \left…\right (none for a plain matrix).
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
        double height = matrix_strut_height * matrix.row_stretch, depth = matrix_strut_depth * matrix.row_stretch;
        for (const Box& cell : cells[r]) {
            height = std::max(height, cell.height);
            depth = std::max(depth, cell.depth);
        }
        if (r == 0) array.height = height;
        else baseline -= previous_depth + height;
        double x = 0;
        for (std::size_t c = 0; c < cells[r].size(); ++c) {
            const double room = column_width[c] - cells[r][c].width;
            array.draw(cells[r][c], Vec2(x + (matrix.align == ColumnAlign::Left ? 0 : room / 2), baseline));
            x += column_width[c] + matrix_column_gap;
        }
        previous_depth = depth;
        array.depth = depth - baseline;
    }
    if (!cells.empty()) array.raise(axis(style) - (array.height - array.depth) / 2);

    // A fenced matrix is \left…\right around the bare array (amsmath's pmatrix is
    // \left(\begin{matrix}…\end{matrix}\right), cases \left\lbrace…\right.).
    if (matrix.left.code_point == 0 && matrix.right.code_point == 0) return array;
    std::vector<FencedPart> parts;
    parts.push_back({nullptr, std::move(array)});
    return fenced(matrix.left, std::move(parts), matrix.right, style);
}

}  // namespace attnreel::math
