#include "widgets/attention_arrows.hpp"

#include "scene/shapes.hpp"
#include "widgets/number_text.hpp"
#include "widgets/token_row.hpp"

#include <cmath>

namespace attnreel {

namespace {

// Arrows are bridges: they leave the source box straight up and land on the target box
// straight down, higher the farther they go. Nearer targets leave from nearer the source
// box's side, so the bridges nest inside one another instead of crossing.
constexpr double kGap = 0.06;          // between an arrow's ends and the boxes
constexpr double kBaseHeight = 0.75;   // control-point height of a bridge to a neighbour...
constexpr double kHeightPerUnit = 0.4; // ...plus this much per unit of horizontal distance

Path bridge(const Vec2& from, const Vec2& to) {
    const double h = kBaseHeight + kHeightPerUnit * std::abs(to.x() - from.x());
    Path p;
    p.move_to(from);
    p.cubic_to(from + Vec2(0, h), to + Vec2(0, h), to);
    return p;
}


// The weight written at the top of its arc, on a small pill of the background colour so
// that the arcs passing behind it do not cut through the digits.
std::size_t add_label(ObjectTable& table, SceneFonts& fonts, const std::string& id, std::size_t j, double w,
                      const AttentionArrowsSpec& spec, const Vec2& apex, const SourceMark& mark) {
    const std::string label_id = id + ".labels[" + std::to_string(j) + "]";
    const std::string digits = format_number(w, spec.decimals);
    Object text = make_text_object(fonts, label_id + ".text", digits, spec.label_font_size, spec.label_font, mark);
    if (!spec.weights_source.empty()) text.shown.push_back({digits, spec.weights_source + "[" + std::to_string(j) + "]"});
    text.style.fill = mix_oklab(Color{0.9, 0.92, 0.95, 1}, spec.high, std::clamp(w, 0.0, 1.0));
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
    pill.style.stroke_width = 0;
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
                                   const AttentionArrowsSpec& spec, const SourceMark& mark) {
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

    for (std::size_t j = 0; j < tokens; ++j) {
        const double w = spec.weights[j];
        // No arrow to itself, and none where the mask leaves exactly nothing to attend to.
        if (int(j) == spec.source || w == 0.0) continue;
        const BBox target = table.bounds(token_box(table, row, int(j), mark));
        const Vec2 from(start_x(int(j)), source_box.max.y() + kGap);
        const Vec2 to(target.center().x(), target.max.y() + kGap);
        const Path centre = bridge(from, to);

        Object arrow;
        arrow.id = id + "[" + std::to_string(j) + "]";
        arrow.mark = mark;
        arrow.shape = ObjectShape::Arrow;
        arrow.parts.push_back(centre);
        arrow.style.stroke = mix_oklab(spec.low, spec.high, std::clamp(w, 0.0, 1.0));
        arrow.style.stroke_width = spec.min_width + spec.width_per_weight * w;
        arrow.tip_length = tip_length_for_width(arrow.style.stroke_width);
        arrows.children.push_back(table.add(std::move(arrow)));

        if (spec.labels) labels.children.push_back(add_label(table, fonts, id, j, w, spec, centre.point_at(0.5), mark));
    }
    table.add(std::move(labels));
    return table.add(std::move(arrows));
}

}  // namespace attnreel
