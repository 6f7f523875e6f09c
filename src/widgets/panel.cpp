#include "widgets/panel.hpp"

#include "text/shape.hpp"

#include <algorithm>

namespace attnreel {

namespace {

// The shadow: kShadowLayers rings, each kShadowSpread wider than the last, centred a little
// below the box (light from above), so it shows mostly under the box and barely at its top.
constexpr int kShadowLayers = 6;
constexpr double kShadowSpread = 0.018;
constexpr double kShadowOpacity = 0.09;
const Vec2 kShadowOffset{0, -0.05};
const Color kShadow{0, 0, 0, 1};

// Moves every leaf of `index` so that its bounds' top-left corner sits at `top_left`.
void put_top_left(ObjectTable& table, std::size_t index, const Vec2& top_left) {
    const BBox box = table.bounds(index);
    if (box.empty()) return;
    table.transform(index, Similarity::translation(top_left - Vec2(box.min.x(), box.max.y())));
}

TextSpec body_text(const text::StyledText& content, double font_size, const std::string& font, double width) {
    TextSpec t;
    t.content = content;
    t.font_size = font_size;
    t.font = font;
    t.width = width;
    t.align = text::Align::Left;
    t.line_spacing = 1.25;
    return t;
}

}  // namespace

std::size_t build_panel(ObjectTable& table, SceneFonts& fonts, const std::string& id, const PanelSpec& spec,
                        const SourceMark& mark) {
    WidgetBuilder b(table, fonts, id, mark, "panel");
    const double w = spec.width, h = spec.height, r = spec.corner_radius;
    std::vector<std::size_t> members;
    if (spec.shadow) {
        // A soft drop shadow: rings around the box, each a little wider and fainter, shifted
        // down. The box itself is left out of every ring (a hole wound the other way), so
        // the shadow never shows through the translucent box.
        Eigen::Matrix2d mirror;
        mirror << -1, 0, 0, 1;  // a mirror image winds the other way
        const Path box_hole = rectangle_path(Vec2(0, 0), w, h, r).affine(mirror, Vec2(0, 0));
        Object shadow = b.shape(Path{}, kShadow, kShadowOpacity);
        shadow.parts.clear();
        for (int k = 1; k <= kShadowLayers; ++k) {
            const double spread = kShadowSpread * k;
            Path ring = rectangle_path(kShadowOffset, w + 2 * spread, h + 2 * spread, r + spread);
            ring.append(box_hole);
            shadow.parts.push_back(std::move(ring));
        }
        members.push_back(b.add(std::move(shadow), ".shadow"));
    }
    // A pastel of the tint over the slide: the tint, mostly transparent; its border brighter.
    Object box = b.shape(rectangle_path(Vec2(0, 0), w, h, r), spec.tint, 0.13, mix_oklab(spec.tint, {1, 1, 1, 1}, 0.15), 2);
    box.style.stroke_opacity = 0.6;
    members.push_back(b.add(std::move(box), ".box"));
    double top = h / 2 - spec.padding;
    if (!spec.title.empty()) {
        const double em = text::font_size_to_em(spec.font_size);
        Object title = b.text(spec.title, spec.font_size, "sans-bold", mix_oklab(spec.tint, {1, 1, 1, 1}, 0.35),
                              {Vec2(-w / 2 + spec.padding, top - 0.6 * em), 0});
        top -= 1.2 * em + 0.2;
        members.push_back(b.add(std::move(title), ".title"));
    }
    // The room inside: an outline drawn by nobody, kept for `in:` to measure.
    Object area = b.outline(rectangle_path(Vec2(0, (top + (-h / 2 + spec.padding)) / 2), w - 2 * spec.padding,
                                           std::max(0.01, top - (-h / 2 + spec.padding))),
                            spec.tint, 0);
    area.style.stroke_opacity = 0;
    members.push_back(b.add(std::move(area), ".area"));  // a member, so that layout moves it with the box
    return b.group("", members);
}

std::size_t build_callout(ObjectTable& table, SceneFonts& fonts, const std::string& id, const CalloutSpec& spec,
                          const SourceMark& mark) {
    WidgetBuilder b(table, fonts, id, mark, "callout");
    constexpr double kPad = 0.22, kBar = 0.07;
    const double inner = spec.width - 2 * kPad - kBar;
    const double left = -spec.width / 2 + kBar + kPad;
    double y = 0;  // the top of the next line, built from the top down and centred afterwards
    std::vector<std::size_t> content;
    if (!spec.title.empty()) {
        const double em = text::font_size_to_em(spec.font_size);
        Object title = b.text(spec.title, spec.font_size, "sans-bold", spec.color, {Vec2(left, -0.6 * em), 0});
        content.push_back(b.add(std::move(title), ".title"));
        y = -1.2 * em - 0.08;
    }
    if (!spec.text.text.empty()) {
        const BuiltObject text = add_text_object(table, fonts, id + ".text", body_text(spec.text, spec.font_size, "sans", inner), mark);
        for (std::size_t leaf : table.leaves(text.index)) {
            Object& l = table[leaf];
            bool own = false;
            for (const auto& [i, c] : text.own_colors) own = own || i == leaf;
            if (!own) l.style.fill = widget_colors::kLightText;
            l.match_key = "callout text " + l.id.substr(id.size());
        }
        put_top_left(table, text.index, Vec2(left, y));
        content.push_back(text.index);
    }
    BBox inside;
    for (std::size_t c : content) inside.add(table.bounds(c));
    const double height = (inside.empty() ? 0 : -inside.min.y()) + 2 * kPad;
    // Shift the content down by the padding, then build the box around it.
    for (std::size_t c : content) table.transform(c, Similarity::translation(Vec2(0, -kPad)));
    const Vec2 centre(0, -height / 2);
    Object box = b.shape(rectangle_path(centre, spec.width, height, 0.12), spec.color, 0.12, spec.color, 1.5);
    box.style.stroke_opacity = 0.45;
    Object bar = b.shape(rectangle_path(Vec2(-spec.width / 2 + kBar / 2 + 0.06, centre.y()), kBar, height - 0.2, kBar / 2),
                         spec.color);
    std::vector<std::size_t> members{b.add(std::move(box), ".box"), b.add(std::move(bar), ".bar")};
    members.insert(members.end(), content.begin(), content.end());
    const std::size_t whole = b.group("", members);
    table.transform(whole, Similarity::translation(Vec2(0, height / 2)));
    return whole;
}

std::size_t build_note(ObjectTable& table, SceneFonts& fonts, const std::string& id, const NoteSpec& spec,
                       const SourceMark& mark) {
    WidgetBuilder b(table, fonts, id, mark, "note");
    constexpr double kGap = 0.16;
    const BuiltObject text = add_text_object(table, fonts, id + ".text",
                                             body_text(spec.text, spec.font_size, "sans-italic", spec.width), mark);
    for (std::size_t leaf : table.leaves(text.index)) {
        Object& l = table[leaf];
        bool own = false;
        for (const auto& [i, c] : text.own_colors) own = own || i == leaf;
        if (!own) l.style.fill = spec.color;
        l.match_key = "note text " + l.id.substr(id.size());
    }
    put_top_left(table, text.index, Vec2(kGap, 0));
    const BBox ink = table.bounds(text.index);
    const double bottom = ink.empty() ? -0.2 : ink.min.y();
    Object rule = b.outline(polyline_path({Vec2(0, 0.02), Vec2(0, bottom - 0.02)}, false), spec.color, 2.5);
    rule.style.stroke_opacity = 0.55;
    const std::size_t whole = b.group("", {b.add(std::move(rule), ".rule"), text.index});
    table.transform(whole, Similarity::translation(-table.bounds(whole).center()));
    return whole;
}

BBox panel_area(const ObjectTable& table, const std::string& panel, const SourceMark& mark) {
    const auto area = table.find(panel + ".area");
    if (!area) throw InputError(mark, "'" + panel + "' is not a panel: 'in' places an object inside a panel");
    return table.bounds(*area);
}

Similarity place_in(const BBox& box, const BBox& room, const Vec2& at) {
    if (box.empty()) return {};
    const double k = std::min({1.0, room.width() / std::max(box.width(), 1e-9), room.height() / std::max(box.height(), 1e-9)});
    const Similarity shrink = Similarity::scaling_about(box.center(), k);
    const Vec2 half(box.width() * k / 2, box.height() * k / 2);
    const Vec2 room_half(room.width() / 2, room.height() / 2);
    const Vec2 target = room.center() + at.cwiseProduct(room_half - half);
    return Similarity::translation(target - box.center()).after(shrink);
}

}  // namespace attnreel
