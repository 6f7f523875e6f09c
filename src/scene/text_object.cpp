#include "scene/text_object.hpp"

#include "text/shape.hpp"

namespace attnreel {

Object make_text_object(SceneFonts& fonts, const std::string& id, const std::string& content, double font_size,
                        const std::string& font, const SourceMark& mark) {
    Object o;
    o.id = id;
    o.mark = mark;
    o.shape = ObjectShape::Text;
    o.style.fill_opacity = 1;
    o.style.stroke_width = 0;
    try {
        std::vector<text::FaceId> chain{fonts.library->face(font)};
        chain.insert(chain.end(), fonts.extra.begin(), fonts.extra.end());
        const text::ShapedText shaped = text::shape(*fonts.library, content, chain, text::font_size_to_em(font_size));
        // Centre horizontally on the advance and vertically on the font's line box, so that
        // texts of one size line up whatever letters they hold.
        const Similarity centre =
            Similarity::translation({-shaped.width / 2, (shaped.descent - shaped.ascent) / 2});
        for (const auto& g : shaped.glyphs)
            if (!g.outline.empty()) o.parts.push_back(g.outline.transformed(centre));
    } catch (const InputError& e) {
        throw InputError(mark, e.message());
    }
    return o;
}

}  // namespace attnreel
