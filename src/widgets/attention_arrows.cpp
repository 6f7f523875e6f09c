#include "widgets/attention_arrows.hpp"

#include "scene/shapes.hpp"
#include "text/shape.hpp"
#include "widgets/number_text.hpp"
#include "widgets/token_row.hpp"

#include <algorithm>
#include <cmath>

namespace attnreel {

namespace {

// Arrows are bridges: they leave the source box straight up and land on the target box
// straight down, higher the farther they go. Nearer targets leave from nearer the source
// box's side, so the bridges nest inside one another instead of crossing.
constexpr double kGap = 0.06;          // between an arrow's ends and the boxes
constexpr double kBaseHeight = 0.75;   // control-point height of a bridge to a neighbour...
constexpr double kHeightPerUnit = 0.4; // ...plus this much per unit of horizontal distance
constexpr double kApex = 0.75;         // a bridge's apex is this share of its control height
constexpr double kFrameMargin = 0.12;  // kept free between the tallest label and the frame's edge
constexpr double kLeastScale = 0.3;    // bridges are never squashed flatter than this

// `sign` +1 bridges above the row, −1 below it.
Path bridge(const Vec2& from, const Vec2& to, double height, double sign) {
    Path p;
    p.move_to(from);
    p.cubic_to(from + Vec2(0, sign * height), to + Vec2(0, sign * height), to);
    return p;
}

// The label's text colour: the arrow's colour washed light when it reads on the pill,
// else whichever of dark or light reads best there.
Color label_color(const AttentionArrowsSpec& spec, double w) {
    const Color washed = mix_oklab(Color{0.9, 0.92, 0.95, 1}, spec.high, std::clamp(w, 0.0, 1.0));
    return contrast_ratio(washed, spec.label_background) >= 4.5 ? washed : readable_on(spec.label_background);
}


// The weight written at the top of its arc, on a small pill of the background colour so
// that the arcs passing behind it do not cut through the digits.
std::size_t add_label(ObjectTable& table, SceneFonts& fonts, const std::string& id, std::size_t j, double w,
                      const AttentionArrowsSpec& spec, const Vec2& apex, const SourceMark& mark) {
    const std::string label_id = id + ".labels[" + std::to_string(j) + "]";
    const std::string digits = format_number(w, spec.decimals);
    Object text = make_text_object(fonts, label_id + ".text", digits, spec.label_font_size, spec.label_font, mark);
    if (!spec.weights_source.empty()) text.shown.push_back({digits, spec.weights_source + "[" + std::to_string(j) + "]"});
    text.style.fill = label_color(spec, w);
    const BBox ink = leaf_bounds(text);
    const Similarity place = Similarity::translation(apex - ink.center());
    for (auto& p : text.parts) p = p.transformed(place);
    text.z = 2;

    Object pill;
    pill.id = label_id + ".pill";
    pill.mark = mark;
    pill.parts.push_back(rectangle_path(apex, ink.width() + 0.16, ink.height() + 0.12, 0.08));
    pill.style.fill = spec.label_background;
    pill.style.fill_opacity = 1;
    // A thin ring in the arrow's colour ties the label to its arc and sets it off any box.
    pill.style.stroke = mix_oklab(spec.low, spec.high, std::clamp(w, 0.0, 1.0));
    pill.style.stroke_width = 1.5;
    pill.style.stroke_opacity = 0.8;
    pill.z = 1;

    Object label;
    label.id = label_id;
    label.mark = mark;
    label.shape = ObjectShape::Group;
    text.on_box = table.add(std::move(pill));
    label.children.push_back(*text.on_box);
    label.children.push_back(table.add(std::move(text)));
    return table.add(std::move(label));
}

}  // namespace

std::size_t build_attention_arrows(ObjectTable& table, SceneFonts& fonts, std::size_t row, const std::string& id,
                                   const AttentionArrowsSpec& spec, const FrameBox& frame, const SourceMark& mark) {
    const std::size_t tokens = table[row].children.size();
    if (spec.weights.size() != tokens)
        throw InputError(spec.weights_mark, "expected " + std::to_string(tokens) + " weights, one per token of '" +
                                                table[row].id + "', found " + std::to_string(spec.weights.size()));
    const BBox source_box = table.bounds(token_box(table, row, spec.source, spec.source_mark));

    Object arrows;
    arrows.id = id;
    arrows.mark = mark;
    arrows.shape = ObjectShape::Group;
    Object labels = arrows;
    labels.id = id + ".labels";

    // Where each arrow leaves the source box: spread over the half facing its target,
    // nearest target outermost.
    const int left_count = spec.source, right_count = int(tokens) - spec.source - 1;
    const double half = source_box.width() / 2;
    auto start_x = [&](int j) {
        const int distance = std::abs(j - spec.source);  // 1 = neighbour
        const int count = j > spec.source ? right_count : left_count;
        const double offset = half * (0.2 + 0.6 * (count - distance + 1) / std::max(1, count));
        return source_box.center().x() + (j > spec.source ? offset : -offset);
    };

    // Heights: from arc_height (the apex over a neighbour) or the defaults, then lowered
    // together until the tallest bridge and its label stay inside the frame.
    const auto drawn = [&](std::size_t j) { return int(j) != spec.source && spec.weights[j] != 0.0; };
    const auto natural_height = [&](std::size_t j) {
        const BBox target = table.bounds(token_box(table, row, int(j), mark));
        return kBaseHeight + kHeightPerUnit * std::abs(target.center().x() - start_x(int(j)));
    };
    double tallest = 0, lowest = 1e300;
    for (std::size_t j = 0; j < tokens; ++j)
        if (drawn(j)) {
            tallest = std::max(tallest, natural_height(j));
            lowest = std::min(lowest, natural_height(j));
        }
    // arc_height is the apex of the nearest arc; the others keep their proportions to it.
    const double raise = spec.arc_height && tallest > 0 ? *spec.arc_height / (kApex * lowest) : 1.0;
    const auto height = [&](std::size_t j) { return raise * natural_height(j); };
    tallest *= raise;
    const BBox row_box = table.bounds(row);
    const double label_room = spec.labels ? text::font_size_to_em(spec.label_font_size) * 0.9 + 0.12 : 0.1;
    const double room_above = frame.half_height - kFrameMargin - label_room - (row_box.max.y() + kGap);
    const double room_below = row_box.min.y() - kGap - (-frame.half_height + kFrameMargin + label_room);
    const double needed = kApex * tallest;
    const bool above = spec.above.value_or(room_above >= needed || room_above >= room_below);
    const double room = above ? room_above : room_below;
    const double squash = tallest > 0 ? std::clamp(room / needed, kLeastScale, 1.0) : 1.0;
    const double sign = above ? 1 : -1;

    for (std::size_t j = 0; j < tokens; ++j) {
        const double w = spec.weights[j];
        // No arrow to itself, and none where the mask leaves exactly nothing to attend to.
        if (!drawn(j)) continue;
        const BBox target = table.bounds(token_box(table, row, int(j), mark));
        const Vec2 from(start_x(int(j)), above ? source_box.max.y() + kGap : source_box.min.y() - kGap);
        const Vec2 to(target.center().x(), above ? target.max.y() + kGap : target.min.y() - kGap);
        const Path centre = bridge(from, to, height(j) * squash, sign);

        Object arrow;
        arrow.id = id + "[" + std::to_string(j) + "]";
        arrow.mark = mark;
        arrow.shape = ObjectShape::Arrow;
        arrow.parts.push_back(centre);
        arrow.style.stroke = mix_oklab(spec.low, spec.high, std::clamp(w, 0.0, 1.0));
        arrow.style.stroke_width = spec.min_width + spec.width_per_weight * w;
        arrow.tip_length = tip_length_for_width(arrow.style.stroke_width);
        arrow.link = Link{spec.source, int(j), w, true};
        arrows.children.push_back(table.add(std::move(arrow)));

        if (spec.labels) labels.children.push_back(add_label(table, fonts, id, j, w, spec, centre.point_at(0.5), mark));
    }
    table.add(std::move(labels));
    return table.add(std::move(arrows));
}

}  // namespace attnreel
