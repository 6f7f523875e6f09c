#include "scene/text_object.hpp"

#include "core/limits.hpp"
#include "text/paragraph.hpp"
#include "text/shape.hpp"
#include "text/style_faces.hpp"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <optional>

namespace attnreel {

namespace {

Object text_leaf(const std::string& id, const SourceMark& mark) {
    Object o;
    o.id = id;
    o.mark = mark;
    o.shape = ObjectShape::Text;
    o.style.fill_opacity = 1;
    o.style.stroke_width = 0;
    return o;
}

// The face chain of each styled run: its own face, then the text's font, then the scene's.
std::vector<text::FaceRange> face_ranges(SceneFonts& fonts, const TextSpec& spec) {
    const text::FaceId base = fonts.library->face(spec.font);
    std::vector<text::FaceRange> ranges;
    for (const text::StyledRun& run : spec.content.runs) {
        const std::string face = text::face_for_style(spec.font, run.style);
        std::vector<text::FaceId> chain{fonts.library->face(face)};
        if (chain.front() != base) chain.push_back(base);
        chain.insert(chain.end(), fonts.extra.begin(), fonts.extra.end());
        // Code is shown as written; prose keeps the font's ligatures. The entry's own
        // features come last, so they win.
        text::FontFeatures features = face.starts_with("mono") ? text::as_written_features() : text::FontFeatures{};
        features.insert(features.end(), spec.font_features.begin(), spec.font_features.end());
        // <sup> and <sub>: each level 70 % of the size around it, raised a third of that em
        // or lowered a fifth, from the baseline of the level around it.
        double size = 1, rise = 0;
        for (const char shift : run.style.script) {
            rise += shift == '^' ? 0.34 * size : -0.2 * size;
            size *= 0.7;
        }
        // Runs that differ only in colour shape as one, so kerning carries across them.
        if (!ranges.empty() && ranges.back().chain == chain && ranges.back().features == features &&
            ranges.back().size == size && ranges.back().rise == rise && ranges.back().end == run.begin)
            ranges.back().end = run.end;
        else ranges.push_back({run.begin, run.end, std::move(chain), std::move(features), size, rise});
    }
    if (ranges.empty()) {  // no text: the font still sets the (empty) line's box
        std::vector<text::FaceId> chain{base};
        chain.insert(chain.end(), fonts.extra.begin(), fonts.extra.end());
        ranges.push_back({0, 0, std::move(chain), spec.font_features, 1, 0});
    }
    return ranges;
}

// The span colour of the character at `byte`, if its span set one.
std::optional<Color> color_at(const text::StyledText& content, std::size_t byte) {
    const auto run = std::upper_bound(content.runs.begin(), content.runs.end(), byte,
                                      [](std::size_t b, const text::StyledRun& r) { return b < r.begin; });
    if (run == content.runs.begin()) return std::nullopt;
    return std::prev(run)->style.color;
}

}  // namespace

void SceneFonts::charge_text(std::string_view text) {
    text_bytes += text.size();
    if (text_bytes > limits::scene_text_bytes)
        throw InputError("this text brings the scene's texts to " + std::to_string(text_bytes) +
                         " bytes; a scene may draw at most " + std::to_string(limits::scene_text_bytes) +
                         " bytes of text in all (texts, labels, tokens and titles count)");
}

Object make_text_object(SceneFonts& fonts, const std::string& id, const std::string& content, double font_size,
                        const std::string& font, const SourceMark& mark, const text::FontFeatures& features) {
    Object o = text_leaf(id, mark);
    o.alt_text.words = std::make_shared<const std::string>(content);
    try {
        fonts.charge_text(content);
        std::vector<text::FaceId> chain{fonts.library->face(font)};
        chain.insert(chain.end(), fonts.extra.begin(), fonts.extra.end());
        const text::ShapedText shaped = text::shape(*fonts.library, content, chain, text::font_size_to_em(font_size), features);
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

BuiltObject add_text_object(ObjectTable& table, SceneFonts& fonts, const std::string& id, const TextSpec& spec,
                            const SourceMark& mark) {
    // Glyphs grouped into stretches of one colour, in the order they are laid out.
    struct Stretch {
        std::optional<Color> color;
        std::vector<Path> parts;
    };
    std::vector<Stretch> stretches;
    try {
        fonts.charge_text(spec.content.text);
        text::ParagraphStyle style;
        style.em_size = text::font_size_to_em(spec.font_size);
        style.width = spec.width;
        style.align = spec.align;
        style.line_spacing = spec.line_spacing;
        const text::Paragraph paragraph = text::lay_out_paragraph(
            *fonts.library, spec.content.text, face_ranges(fonts, spec), fonts.library->face(spec.font), style);
        for (const text::PlacedGlyph& g : paragraph.glyphs) {
            if (g.outline.empty()) continue;  // spaces: nothing to draw, and no reason to split a stretch
            const std::optional<Color> color = color_at(spec.content, g.byte);
            if (stretches.empty() || stretches.back().color != color) stretches.push_back({color, {}});
            stretches.back().parts.push_back(g.outline);
        }
    } catch (const InputError& e) {
        // At the text's value, unless that value comes before its entry: then it is an alias
        // of a text written earlier, and the entry says which use of it went wrong.
        const bool aliased = spec.mark.line < mark.line || (spec.mark.line == mark.line && spec.mark.column < mark.column);
        throw InputError(spec.mark.line && !aliased ? spec.mark : mark, e.message());
    }

    BuiltObject built;
    const AltText words{std::make_shared<const std::string>(spec.content.text)};
    if (stretches.size() <= 1) {
        Object o = text_leaf(id, mark);
        o.alt_text = words;
        const std::optional<Color> color = stretches.empty() ? std::nullopt : stretches.front().color;
        if (!stretches.empty()) o.parts = std::move(stretches.front().parts);
        if (color) o.style.fill = *color;
        built.index = table.add(std::move(o));
        if (color) built.own_colors.emplace_back(built.index, *color);
        return built;
    }
    Object group;
    group.id = id;
    group.mark = mark;
    group.shape = ObjectShape::Group;
    for (std::size_t k = 0; k < stretches.size(); ++k) {
        Object leaf = text_leaf(id + ".span[" + std::to_string(k) + "]", mark);
        leaf.parts = std::move(stretches[k].parts);
        leaf.alt_text = words;
        if (stretches[k].color) leaf.style.fill = *stretches[k].color;
        const std::size_t index = table.add(std::move(leaf));
        group.children.push_back(index);
        if (stretches[k].color) built.own_colors.emplace_back(index, *stretches[k].color);
    }
    built.index = table.add(std::move(group));
    return built;
}

}  // namespace attnreel
