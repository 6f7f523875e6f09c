#include "widgets/token_box.hpp"

#include "core/path.hpp"
#include "text/shape.hpp"

#include <algorithm>

namespace attnreel {

std::vector<Object> token_labels(SceneFonts& fonts, const std::string& prefix, const std::vector<std::string>& tokens,
                                 double font_size, const std::string& font, const SourceMark& mark,
                                 const text::FontFeatures& features) {
    std::vector<Object> labels;
    for (std::size_t i = 0; i < tokens.size(); ++i) {
        Object label = make_text_object(fonts, prefix + "[" + std::to_string(i) + "].label", tokens[i], font_size,
                                        font, mark, features);
        // Centred on its ink, so that it sits in the middle of its box whatever its letters.
        const BBox ink = leaf_bounds(label);
        if (!ink.empty())
            for (auto& p : label.parts) p = p.transformed(Similarity::translation(-ink.center()));
        labels.push_back(std::move(label));
    }
    return labels;
}

Color token_fill(const TokenPalette& palette, std::size_t i) {
    return token_color(palette, i).value_or(Color{0x47 / 255.0, 0x55 / 255.0, 0x69 / 255.0, 1});  // #475569
}

double token_box_padding(double font_size) { return 0.45 * text::font_size_to_em(font_size); }

std::size_t add_token_box(ObjectTable& table, Object label, const std::string& id, const std::string& key,
                          const Vec2& centre, double width, double height, const Color& fill,
                          const SourceMark& mark) {
    Object box;
    box.id = id + ".box";
    box.mark = mark;
    box.parts.push_back(rectangle_path(centre, width, height, std::min(0.1, height * 0.25)));
    box.style.fill = fill;
    box.style.fill_opacity = 1;
    box.style.stroke_width = 0;
    box.match_key = key + " box";
    box.z = 1;

    for (auto& p : label.parts) p = p.transformed(Similarity::translation(centre));
    label.style.fill = readable_on(fill);
    label.match_key = key + " label";
    label.z = 2;

    Object token;
    token.id = id;
    token.mark = mark;
    token.shape = ObjectShape::Group;
    token.children.push_back(table.add(std::move(box)));
    token.children.push_back(table.add(std::move(label)));
    return table.add(std::move(token));
}

}  // namespace attnreel
