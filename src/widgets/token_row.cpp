#include "widgets/token_row.hpp"

#include "scene/layout.hpp"
#include "text/shape.hpp"

#include <algorithm>

namespace attnreel {

namespace {

constexpr double kPaddingX = 0.22;  // between the label's ink and the box's side
constexpr double kMinWidth = 0.9;
constexpr double kCornerRadius = 0.12;
constexpr double kTint = 0.22;  // how much of its token's colour a box's fill takes
const Color kNeutralFill{0x1e / 255.0, 0x29 / 255.0, 0x3b / 255.0, 1};
const Color kNeutralStroke{0x47 / 255.0, 0x55 / 255.0, 0x69 / 255.0, 1};

}  // namespace

std::size_t build_token_row(ObjectTable& table, SceneFonts& fonts, const std::string& id, const TokenRowSpec& spec,
                            const SourceMark& mark) {
    std::vector<Object> labels;
    double height = 0;
    for (std::size_t i = 0; i < spec.tokens.size(); ++i) {
        labels.push_back(make_text_object(fonts, id + "[" + std::to_string(i) + "].label", spec.tokens[i],
                                          spec.font_size, spec.font, mark, spec.font_features));
        height = std::max(height, text::font_size_to_em(spec.font_size) * 1.9);
    }
    Object row;
    row.id = id;
    row.mark = mark;
    row.shape = ObjectShape::Group;
    double x = 0;
    for (std::size_t i = 0; i < labels.size(); ++i) {
        const bool highlighted = std::find(spec.highlight.begin(), spec.highlight.end(), int(i)) != spec.highlight.end();
        const std::string token_id = id + "[" + std::to_string(i) + "]";
        const double width = std::max(kMinWidth, leaf_bounds(labels[i]).width() + 2 * kPaddingX);
        const Vec2 centre(x + width / 2, 0);
        x += width + spec.buff;

        Object box;
        box.id = token_id + ".box";
        box.mark = mark;
        box.parts.push_back(rectangle_path(centre, width, height, kCornerRadius));
        // The token's own colour outlines its box and tints its fill; a box colour the
        // author gave wins, and highlighting wins over both.
        const std::optional<Color> own = token_color(spec.palette, i);
        const Color fill = spec.box_fill ? *spec.box_fill : own ? mix_oklab(kNeutralFill, *own, kTint) : kNeutralFill;
        const Color stroke = spec.box_stroke ? *spec.box_stroke : own.value_or(kNeutralStroke);
        box.style.fill = highlighted ? mix_oklab(fill, spec.highlight_color, 0.25) : fill;
        box.style.fill_opacity = 1;
        box.style.stroke = highlighted ? spec.highlight_color : stroke;
        box.style.stroke_width = highlighted ? 5 : 2.5;

        Object& label = labels[i];
        for (auto& p : label.parts) p = p.transformed(Similarity::translation(centre));
        label.style.fill = highlighted ? spec.highlight_color : spec.label_color;

        Object token;
        token.id = token_id;
        token.mark = mark;
        token.shape = ObjectShape::Group;
        label.on_box = table.add(std::move(box));
        token.children.push_back(*label.on_box);
        token.children.push_back(table.add(std::move(label)));
        row.children.push_back(table.add(std::move(token)));
    }
    const std::size_t row_index = table.add(std::move(row));
    move_center_to(table, row_index, {0, 0});
    return row_index;
}

std::size_t token_box(const ObjectTable& table, std::size_t row, int i, const SourceMark& mark) {
    const std::string& id = table[row].id;
    const auto box = table.find(id + "[" + std::to_string(i) + "].box");
    if (!box) {
        if (!table.find(id + "[0].box"))
            throw InputError(mark, "'" + id + "' is not a token_row");
        throw InputError(mark, "token index " + std::to_string(i) + " is out of range for '" + id + "' (" +
                                   std::to_string(table[row].children.size()) + " tokens)");
    }
    return *box;
}

}  // namespace attnreel
