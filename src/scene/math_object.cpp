#include "scene/math_object.hpp"

#include "math/math_layout.hpp"
#include "scene/layout.hpp"
#include "text/shape.hpp"

#include <algorithm>

namespace attnreel {

namespace {

// The pieces that make up each place `tex` occurs in the formula. An occurrence counts when
// it covers at least one piece whole and cuts none in two: "K" matches the K of "QK^\top"
// but "a" does not match inside "\frac".
std::vector<std::size_t> pieces_of(const std::string& source, const std::string& tex,
                                   const std::vector<math::SourceRange>& ranges) {
    std::vector<std::size_t> found;
    for (std::size_t at = source.find(tex); at != std::string::npos && !tex.empty(); at = source.find(tex, at + 1)) {
        const std::size_t end = at + tex.size();
        std::vector<std::size_t> inside;
        bool cuts = false;
        for (std::size_t k = 0; k < ranges.size(); ++k) {
            const auto& r = ranges[k];
            const bool within = r.begin >= at && r.end <= end;
            const bool contains = r.begin <= at && r.end >= end;
            const bool overlaps = r.begin < end && r.end > at;
            if (within) inside.push_back(k);
            else if (overlaps && !contains) cuts = true;
        }
        if (!cuts) found.insert(found.end(), inside.begin(), inside.end());
    }
    std::sort(found.begin(), found.end());
    found.erase(std::unique(found.begin(), found.end()), found.end());
    return found;
}

void add_part(ObjectTable& table, const std::string& formula_id, const std::string& name, const std::string& tex,
              const std::vector<std::size_t>& leaves, const std::vector<math::SourceRange>& ranges,
              const std::string& source, const SourceMark& mark) {
    const std::string part_id = formula_id + "." + name;
    if (table.contains(part_id)) throw InputError(mark, "part '" + name + "' is named twice");
    const auto pieces = pieces_of(source, tex, ranges);
    if (pieces.empty())
        throw InputError(mark, "'" + tex + "' does not occur in the formula '" + source +
                                   "' as whole symbols");
    Object part;
    part.id = part_id;
    part.mark = mark;
    part.shape = ObjectShape::Group;
    for (std::size_t k : pieces) part.children.push_back(leaves[k]);
    table.add(std::move(part));
}

}  // namespace

BuiltObject build_math_object(ObjectTable& table, SceneFonts& fonts, const std::string& id, const MathSpec& spec,
                              const SourceMark& mark) {
    math::MathLayout laid_out;
    try {
        fonts.charge_text(spec.tex);  // a formula's pieces cost as a text's glyphs do
        laid_out = math::layout_math(*fonts.library, fonts.library->face(spec.font), spec.formula,
                                     spec.display ? math::MathStyle::Display : math::MathStyle::Text,
                                     text::font_size_to_em(spec.font_size));
    } catch (const InputError& e) {
        throw InputError(mark, e.message());
    }
    // Centred on its ink box, as every freshly built object.
    BBox ink;
    for (const auto& item : laid_out.items) ink.add(item.outline.bounds());
    const Similarity centre = Similarity::translation(ink.empty() ? Vec2(0, 0) : -ink.center());

    Object formula;
    formula.id = id;
    formula.mark = mark;
    formula.shape = ObjectShape::Group;
    std::vector<std::size_t> leaves;
    std::vector<math::SourceRange> ranges;
    const AltText source{std::make_shared<const std::string>(spec.tex)};
    for (const auto& item : laid_out.items) {
        if (item.outline.empty()) continue;
        Object piece;
        piece.id = id + "[" + std::to_string(leaves.size()) + "]";
        piece.mark = mark;
        piece.shape = ObjectShape::Text;
        piece.parts.push_back(item.outline.transformed(centre));
        piece.style.fill_opacity = 1;
        piece.style.stroke_width = 0;
        piece.match_key = item.key;
        piece.alt_text = source;
        leaves.push_back(table.add(std::move(piece)));
        ranges.push_back(item.source);
    }
    formula.children = leaves;
    const std::size_t index = table.add(std::move(formula));

    for (const auto& part : spec.parts)
        add_part(table, id, part.name, part.tex, leaves, ranges, spec.tex, part.mark);
    BuiltObject built{index, {}};
    for (const auto& c : spec.colors) {
        if (!table.contains(id + "." + c.part)) add_part(table, id, c.part, c.part, leaves, ranges, spec.tex, c.mark);
        for (std::size_t leaf : table.leaves(*table.find(id + "." + c.part))) {
            table[leaf].style.fill = c.color;
            table[leaf].style.stroke = c.color;
            built.own_colors.emplace_back(leaf, c.color);
        }
    }
    return built;
}

}  // namespace attnreel
