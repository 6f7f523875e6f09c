#include "math/typesetter.hpp"

#include "core/error.hpp"
#include "math/math_spacing.hpp"
#include "text/shape.hpp"

#include <hb.h>

#include <algorithm>
#include <optional>

namespace attnreel::math {

namespace {

bool is_atom(const Node& node) {
    return !std::holds_alternative<Space>(node.nucleus) && !std::holds_alternative<StyleChange>(node.nucleus);
}

// Counts one level of nesting for as long as it lives.
class NestingGuard {
public:
    explicit NestingGuard(int& nesting) : nesting_(nesting) {
        if (++nesting_ > max_list_nesting)
            throw InputError("formula nested too deeply (more than " + std::to_string(max_list_nesting) + " levels)");
    }
    ~NestingGuard() { --nesting_; }
    NestingGuard(const NestingGuard&) = delete;
    NestingGuard& operator=(const NestingGuard&) = delete;

private:
    int& nesting_;
};

// Where a script list starts in the source, to draw scripts in the order they were written.
std::size_t first_source(const MathList& list) {
    return list.empty() ? 0 : list.front().source.begin;
}

// Draws a node's scripts in the order its source writes them (x_i^2: the i first), so that
// pieces are numbered as they are read.
template <typename PlaceSup, typename PlaceSub>
void place_scripts_in_source_order(const Node& node, bool has_sup, bool has_sub, PlaceSup place_sup,
                                   PlaceSub place_sub) {
    if (has_sup && has_sub && first_source(*node.sub) < first_source(*node.sup)) {
        place_sub();
        place_sup();
    } else {
        if (has_sup) place_sup();
        if (has_sub) place_sub();
    }
}

}  // namespace

const SourceRange& shown_range(const Node& node) {
    return node.nucleus_source.end > node.nucleus_source.begin ? node.nucleus_source : node.source;
}

Box Typesetter::list(const MathList& items, Style style, bool fenced) {
    NestingGuard guard(nesting_);
    std::vector<AtomClass> classes;
    for (const Node& node : items)
        if (is_atom(node)) classes.push_back(node.cls);
    classes = resolve_binary_classes(std::move(classes));

    HList out;
    std::optional<AtomClass> previous;
    std::size_t atom_number = 0;
    const auto mu = [&] { return scale(style) / 18.0; };
    for (const Node& node : items) {
        if (const auto* change = std::get_if<StyleChange>(&node.nucleus)) {
            style = Style{change->style, false};  // \displaystyle and friends are never cramped
            continue;
        }
        if (const auto* space = std::get_if<Space>(&node.nucleus)) {
            out.kern(space->mu * mu() + space->em);
            continue;
        }
        const AtomClass cls = classes[atom_number++];
        const Box box = atom(node, style);
        if (previous) out.kern(inter_atom_space_mu(*previous, cls, style.is_script()) * mu());
        out.append(box);
        previous = cls;
    }
    // \right is a Close atom after the body: only a Punct before it gets space.
    if (fenced && previous) out.kern(inter_atom_space_mu(*previous, AtomClass::Close, style.is_script()) * mu());
    return std::move(out).finish();
}

Box Typesetter::atom(const Node& node, Style style) {
    Nucleus base = nucleus(node, style);
    if (node.cls == AtomClass::Op && (node.sup || node.sub)) {
        const bool limits =
            node.limits == Limits::Above || (node.limits == Limits::Default && style.is_display());
        if (limits) return with_limits(std::move(base), node, style);
    }
    return with_scripts(std::move(base), node, style);
}

Typesetter::Nucleus Typesetter::nucleus(const Node& node, Style style) {
    return std::visit(
        [&](const auto& n) -> Nucleus {
            using T = std::decay_t<decltype(n)>;
            if constexpr (std::is_same_v<T, Symbol>) return symbol(node, n, style);
            else if constexpr (std::is_same_v<T, TextRun>) return {text_run(node, n, style)};
            else if constexpr (std::is_same_v<T, Group>) return {list(n.body, style)};
            else if constexpr (std::is_same_v<T, Fraction>) return {fraction(node, n, style)};
            else if constexpr (std::is_same_v<T, Radical>) return {radical(node, n, style)};
            else if constexpr (std::is_same_v<T, LeftRight>) return {left_right(n, style)};
            else if constexpr (std::is_same_v<T, Matrix>) return {matrix(n, style)};
            else if constexpr (std::is_same_v<T, Accent>) return accent(node, n, style);
            else if constexpr (std::is_same_v<T, OverUnderLine>) return {over_under_line(node, n, style)};
            else if constexpr (std::is_same_v<T, Brace>) return {brace(node, n, style)};
            else if constexpr (std::is_same_v<T, Enclosed>) return {enclosed(node, n, style)};
            else return {};  // spaces and style changes are handled by list()
        },
        node.nucleus);
}

Typesetter::Nucleus Typesetter::symbol(const Node& node, const Symbol& symbol, Style style) {
    std::uint32_t glyph = font_.glyph_for(symbol.code_point, style.level);
    if (glyph == 0) throw InputError(missing_glyph_message(symbol.code_point));
    const double s = scale(style);
    if (node.cls != AtomClass::Op) {
        Nucleus n{font_.glyph_box(glyph, s, shown_range(node), node.key), font_.italic_correction(glyph) * s, true};
        return n;
    }
    // Appendix G rule 13: a large operator takes its display size in display style, and
    // every operator symbol is centred on the axis.
    if (node.large_op && style.is_display()) {
        const std::vector<GlyphVariant> variants = font_.vertical_variants(glyph);
        for (const GlyphVariant& variant : variants) {
            glyph = variant.glyph;
            if (variant.size >= k_.display_operator_min_height) break;
        }
    }
    Nucleus n{font_.glyph_box(glyph, s, shown_range(node), node.key), font_.italic_correction(glyph) * s, false, true};
    n.box.raise(axis(style) - (n.box.height - n.box.depth) / 2);
    return n;
}

// Upright words: shaped with HarfBuzz in the maths face (kerning, ligatures), one piece
// per glyph, the box as tall as the ink. A word spelt verbatim in the source gives each
// glyph the bytes of its own letters, so "max" of \operatorname{softmax} can be a part.
Box Typesetter::text_run(const Node& node, const TextRun& run, Style style) {
    const double s = scale(style);
    const text::ShapedText shaped = text::shape(font_.fonts(), run.utf8, {font_.face()}, s);
    // A glyph's letters run from its cluster to the next larger cluster (or the word's end).
    const auto letters_of = [&](const text::ShapedGlyph& glyph) {
        if (!run.verbatim) return shown_range(node);
        std::size_t end = run.utf8.size();
        for (const text::ShapedGlyph& other : shaped.glyphs)
            if (other.cluster > glyph.cluster) end = std::min(end, other.cluster);
        return SourceRange{run.verbatim->begin + glyph.cluster, run.verbatim->begin + end};
    };
    Box box;
    box.width = shaped.width;
    for (const text::ShapedGlyph& g : shaped.glyphs) {
        hb_glyph_extents_t extents{};
        if (hb_font_get_glyph_extents(font_.fonts().hb_font(g.face), g.glyph, &extents) && extents.height != 0) {
            const double unit = s / font_.fonts().units_per_em(g.face);
            box.height = std::max(box.height, g.origin.y() + extents.y_bearing * unit);
            box.depth = std::max(box.depth, -(g.origin.y() + (extents.y_bearing + extents.height) * unit));
        }
        if (!g.outline.empty()) box.pieces.push_back({g.outline, Similarity{}, letters_of(g), node.key});
    }
    return box;
}

// Appendix G rule 18 with the OpenType MATH constants in place of TeX's font parameters.
Box Typesetter::with_scripts(Nucleus base, const Node& node, Style style) {
    const double s = scale(style);
    if (!node.sup && !node.sub) {
        // TeX keeps a letter's italic correction unless a subscript follows.
        if (!base.slant_in_advance) base.box.width += base.italic;
        return std::move(base.box);
    }

    // A lone glyph's scripts start from fixed shifts; anything bigger carries them along
    // from its top and bottom, by drops of the script size (tex.web §756 takes sup_drop and
    // sub_drop from the script font, as LuaTeX does the MATH table's drops).
    double shift_up = 0, shift_down = 0;
    if (!base.is_character) {
        const double script_s = scale(style.superscript());  // sub- and superscripts share a size
        shift_up = base.box.height - k_.superscript_baseline_drop_max * script_s;
        shift_down = base.box.depth + k_.subscript_baseline_drop_min * script_s;
    }

    std::optional<Box> sup, sub;
    if (node.sup) {
        sup = list(*node.sup, style.superscript());
        const double standard = (style.cramped ? k_.superscript_shift_up_cramped : k_.superscript_shift_up) * s;
        shift_up = std::max({shift_up, standard, sup->depth + k_.superscript_bottom_min * s});
    }
    if (node.sub) {
        sub = list(*node.sub, style.subscript());
        // TeX's rule 18b for a subscript alone, 18c (SubscriptShiftDown) under a superscript.
        shift_down = std::max(shift_down, (node.sup ? k_.subscript_shift_down : subscript_alone_shift_down) * s);
        if (!sup) shift_down = std::max(shift_down, sub->height - k_.subscript_top_max * s);
    }
    if (sup && sub) {
        // Keep the two apart, and lift a superscript that sits too low while both are there.
        const double gap = (shift_up - sup->depth) - (sub->height - shift_down);
        if (gap < k_.sub_superscript_gap_min * s) shift_down += k_.sub_superscript_gap_min * s - gap;
        const double lift = k_.superscript_bottom_max_with_subscript * s - (shift_up - sup->depth);
        if (lift > 0) {
            shift_up += lift;
            shift_down -= lift;
        }
    }

    // The superscript goes after the italic correction, the subscript tucks in under it; an
    // operator's advance already reaches past its slant (XeTeX's and MathML Core's rule).
    const double sup_x = base.slant_in_advance ? base.box.width : base.box.width + base.italic;
    const double sub_x = base.slant_in_advance ? base.box.width - base.italic : base.box.width;
    Box box = base.box;
    box.width = sub ? base.box.width : sup_x;  // an operator's subscript may end before its advance
    double scripts_end = box.width;
    const auto place_sup = [&] {
        box.draw(*sup, Vec2(sup_x, shift_up));
        box.height = std::max(box.height, shift_up + sup->height);
        box.depth = std::max(box.depth, sup->depth - shift_up);
        scripts_end = std::max(scripts_end, sup_x + sup->width);
    };
    const auto place_sub = [&] {
        box.draw(*sub, Vec2(sub_x, -shift_down));
        box.height = std::max(box.height, sub->height - shift_down);
        box.depth = std::max(box.depth, shift_down + sub->depth);
        scripts_end = std::max(scripts_end, sub_x + sub->width);
    };
    place_scripts_in_source_order(node, sup.has_value(), sub.has_value(), place_sup, place_sub);
    box.width = scripts_end + k_.space_after_script * s;
    return box;
}

// Appendix G rule 13a: limits centred above and below, apart by the font's gaps, each
// moved half the italic correction the way the operator slants. The operator is as wide
// as its advance, which in an OpenType font already covers the slant.
Box Typesetter::with_limits(Nucleus base, const Node& node, Style style) {
    const double s = scale(style);
    const double op_width = base.slant_in_advance ? base.box.width : base.box.width + base.italic;
    std::optional<Box> sup, sub;
    double width = op_width;
    if (node.sup) {
        sup = list(*node.sup, style.superscript());
        width = std::max(width, sup->width);
    }
    if (node.sub) {
        sub = list(*node.sub, style.subscript());
        width = std::max(width, sub->width);
    }

    Box box;
    box.width = width;
    box.height = base.box.height;
    box.depth = base.box.depth;
    box.draw(base.box, Vec2((width - op_width) / 2, 0));
    const auto place_sup = [&] {
        const double rise = std::max(k_.upper_limit_baseline_rise_min * s, k_.upper_limit_gap_min * s + sup->depth);
        const double baseline = base.box.height + rise;
        box.draw(*sup, Vec2((width - sup->width + base.italic) / 2, baseline));
        box.height = std::max(box.height, baseline + sup->height);
    };
    const auto place_sub = [&] {
        const double drop = std::max(k_.lower_limit_baseline_drop_min * s, k_.lower_limit_gap_min * s + sub->height);
        const double baseline = -(base.box.depth + drop);
        box.draw(*sub, Vec2((width - sub->width - base.italic) / 2, baseline));
        box.depth = std::max(box.depth, sub->depth - baseline);
    };
    place_scripts_in_source_order(node, sup.has_value(), sub.has_value(), place_sup, place_sub);
    return box;
}

}  // namespace attnreel::math
