#include "widgets/attention_graph.hpp"

#include "core/head_palette.hpp"
#include "core/token_palette.hpp"
#include "scene/layout.hpp"
#include "scene/shapes.hpp"
#include "text/shape.hpp"
#include "widgets/number_text.hpp"
#include "widgets/token_box.hpp"
#include "widgets/widget_groups.hpp"

#include <algorithm>
#include <cmath>

namespace attnreel {

namespace {

constexpr double kLineGap = 0.05;      // between a line's ends and the boxes
constexpr double kBoxHeightEm = 1.55;  // a token box's height, in ems of its label
constexpr double kPitchEm = 2.3;       // from one box to the next in a column, in ems


// One side of the graph: its boxes' centres and sizes.
struct Side {
    std::vector<Vec2> centres;
    std::vector<double> widths;
    double height = 0;
};

// A line leaves its source and meets its target square to the boxes, bending in between.
Path connection(const Vec2& from, const Vec2& to, bool down) {
    Path p;
    p.move_to(from);
    if (down) {
        const double d = 0.45 * (from.y() - to.y());
        p.cubic_to(from - Vec2(0, d), to + Vec2(0, d), to);
    } else {
        const double d = 0.45 * (to.x() - from.x());
        p.cubic_to(from + Vec2(d, 0), to - Vec2(d, 0), to);
    }
    return p;
}

std::size_t add_legend(ObjectTable& table, SceneFonts& fonts, const std::string& id, const AttentionGraphSpec& spec,
                       const Color& color, int head, int layer, const SourceMark& mark) {
    const double font_size = std::clamp(spec.font_size * 0.8, 18.0, 28.0);
    const double em = text::font_size_to_em(font_size);
    Object legend = group_object(id + ".legend", mark);
    double x = 0;
    const auto place_text = [&](const std::string& suffix, const std::string& words) {
        Object text = make_text_object(fonts, id + ".legend." + suffix, words, font_size, spec.font, mark);
        const BBox ink = leaf_bounds(text);
        for (auto& p : text.parts) p = p.transformed(Similarity::translation(Vec2(x - ink.min.x(), 0)));
        text.style.fill = Color{0.8, 0.84, 0.89, 1};
        // Keyed by its words: "head 0" and "head 1" cross-fade in a transform rather than
        // morph glyph into glyph, which reads as garbage half-way.
        text.match_key = "legend " + words;
        x += ink.width();
        legend.children.push_back(table.add(std::move(text)));
    };
    // A sample line at a weight of 0.6, so the width reads as "this thick is a lot".
    const double y = 0;  // the texts are centred on the line too
    Object swatch;
    swatch.id = id + ".legend.line";
    swatch.mark = mark;
    swatch.parts.push_back(polyline_path({Vec2(0, y), Vec2(1.6 * em, y)}, false));
    swatch.style.stroke = color;
    swatch.style.stroke_width = std::max(1.0, spec.width(0.6));
    swatch.style.stroke_opacity = std::clamp(spec.opacity(0.6), 0.0, 1.0);
    swatch.match_key = "legend line";
    legend.children.push_back(table.add(std::move(swatch)));
    x = 2.0 * em;
    place_text("width", "line width = attention weight");
    if (head >= 0 || layer >= 0) {
        x += 1.4 * em;
        Object dot;
        dot.id = id + ".legend.head_dot";
        dot.mark = mark;
        dot.parts.push_back(circle_path(Vec2(x + 0.3 * em, y), 0.3 * em));
        dot.style.fill = color;
        dot.style.fill_opacity = 1;
        dot.style.stroke_width = 0;
        dot.match_key = "legend dot";
        legend.children.push_back(table.add(std::move(dot)));
        x += 0.9 * em;
        std::string words;
        if (layer >= 0) words = "layer " + std::to_string(layer);
        if (head >= 0) words += (words.empty() ? "head " : " \u00b7 head ") + std::to_string(head);
        place_text("head", words);
    }
    return table.add(std::move(legend));
}

}  // namespace

void check_connection_weights(const ConnectionWeights& weights, std::size_t rows, std::size_t columns,
                              const SourceMark& rows_mark, const SourceMark& columns_mark, const std::string& what) {
    const auto& v = weights.values;
    const std::string from = weights.source.empty() ? "the weights" : "'" + weights.source + "'";
    const auto size = [](std::size_t r, std::size_t c) { return std::to_string(r) + "\u00d7" + std::to_string(c); };
    const std::size_t found_columns = v.empty() ? 0 : v[0].size();
    if (v.size() != rows)
        throw InputError(weights.path || rows_mark.line == 0 ? weights.mark : rows_mark,
                         "expected a " + size(rows, columns) + " matrix, one row per " + what + ", and " + from +
                             (weights.source.empty() ? " are " : " is ") + size(v.size(), found_columns));
    for (std::size_t i = 0; i < v.size(); ++i)
        if (v[i].size() != columns)
            throw InputError(weights.path || columns_mark.line == 0 ? weights.mark : columns_mark,
                             "expected " + std::to_string(columns) + " weights in each row, one per target token, " +
                                 "and " + from + " has " + std::to_string(v[i].size()) + " in row " +
                                 std::to_string(i));
    for (std::size_t i = 0; i < v.size(); ++i)
        for (std::size_t j = 0; j < v[i].size(); ++j) {
            const double w = v[i][j];
            if (std::isinf(w) && w < 0) continue;  // masked
            if (!(w >= 0 && w <= 1))
                throw InputError(weights.mark, "expected attention weights in [0, 1], and " + from + " has " +
                                                   format_number(w, 3) + " at [" + std::to_string(i) + "][" +
                                                   std::to_string(j) + "]" +
                                                   (weights.path ? " (a head's weights are its path without an item, "
                                                                   "or .weights)"
                                                                 : ""));
        }
}

std::size_t build_attention_graph(ObjectTable& table, SceneFonts& fonts, const std::string& id,
                                  const AttentionGraphSpec& spec, const SourceMark& mark) {
    const std::vector<std::string>& sources = spec.sources;
    const std::vector<std::string>& targets = spec.targets.empty() ? spec.sources : spec.targets;
    check_connection_weights(spec.weights, sources.size(), targets.size(), spec.sources_mark,
                             spec.targets.empty() ? spec.sources_mark : spec.targets_mark, "source token");

    // The font shrinks until the longer side fits in `extent`.
    double font_size = spec.font_size;
    std::vector<Object> source_labels, target_labels;
    const auto measure = [&] {
        source_labels = token_labels(fonts, id + ".sources", sources, font_size, spec.font, mark, spec.font_features);
        target_labels = token_labels(fonts, id + ".targets", targets, font_size, spec.font, mark, spec.font_features);
    };
    const auto side_length = [&](const std::vector<Object>& labels) {
        const double em = text::font_size_to_em(font_size);
        if (!spec.down) return labels.size() * kPitchEm * em;
        double length = 0;
        for (const auto& l : labels) length += leaf_bounds(l).width() + 2 * token_box_padding(font_size) + 0.5 * em;
        return length;
    };
    measure();
    const double longest = std::max(side_length(source_labels), side_length(target_labels));
    if (longest > spec.extent) {
        font_size *= spec.extent / longest;
        measure();
    }
    const double em = text::font_size_to_em(font_size);
    const double box_height = kBoxHeightEm * em;

    const auto layout_side = [&](const std::vector<Object>& labels, double across) {
        Side side;
        side.height = box_height;
        double widest = 0;
        for (const auto& l : labels)
            widest = std::max(widest, std::max(leaf_bounds(l).width() + 2 * token_box_padding(font_size), 2.2 * em));
        const std::size_t n = labels.size();
        if (!spec.down) {
            for (std::size_t i = 0; i < n; ++i) {
                side.centres.emplace_back(across, ((n - 1) / 2.0 - i) * kPitchEm * em);
                side.widths.push_back(widest);
            }
            return side;
        }
        double x = 0;
        for (const auto& l : labels) {
            const double w = std::max(leaf_bounds(l).width() + 2 * token_box_padding(font_size), 2.2 * em);
            side.centres.emplace_back(x + w / 2, across);
            side.widths.push_back(w);
            x += w + 0.5 * em;
        }
        const double shift = (x - 0.5 * em) / 2;
        for (auto& c : side.centres) c.x() -= shift;
        return side;
    };
    Side left, right;
    if (!spec.down) {
        left = layout_side(source_labels, 0);
        right = layout_side(target_labels, 0);
        const double lw = left.widths.empty() ? 0 : left.widths[0], rw = right.widths.empty() ? 0 : right.widths[0];
        for (auto& c : left.centres) c.x() = -(spec.spacing / 2 + lw / 2);
        for (auto& c : right.centres) c.x() = spec.spacing / 2 + rw / 2;
    } else {
        left = layout_side(source_labels, spec.spacing / 2 + box_height / 2);
        right = layout_side(target_labels, -(spec.spacing / 2 + box_height / 2));
    }

    // The head and layer for the colour and the legend: given, else the path's; -1: none.
    const auto* path = spec.weights.path ? &spec.weights.path->path : nullptr;
    const int head = spec.head.value_or(path && path->head ? int(*path->head) : -1);
    const int layer = spec.layer.value_or(path && path->layer ? int(*path->layer) : -1);
    const Color color = spec.color.value_or(head_color(std::size_t(std::max(0, head))));
    const TokenPalette& palette = spec.palette;

    Object graph = group_object(id, mark);
    graph.stagger = 0.6;
    graph.tokens = sources;
    Object source_group = group_object(id + ".sources", mark), target_group = group_object(id + ".targets", mark);
    // A source token that is also a target keeps the target's colour (a graph of one query
    // row shows "sat" in the colour "sat" has among the keys).
    // A colour given to a source (`colors`) wins on both sides.
    const auto own_color = [&](const std::string& token) -> std::optional<Color> {
        for (std::size_t i = 0; i < sources.size() && i < palette.own.size(); ++i)
            if (sources[i] == token && palette.own[i]) return palette.own[i];
        return std::nullopt;
    };
    const auto source_color = [&](std::size_t i) {
        if (i < palette.own.size() && palette.own[i]) return *palette.own[i];
        if (&targets == &sources) return token_fill(palette, i);
        const auto same = std::find(targets.begin(), targets.end(), sources[i]);
        return token_fill(palette, same == targets.end() ? i : std::size_t(same - targets.begin()));
    };
    const auto target_color = [&](std::size_t j) { return own_color(targets[j]).value_or(token_fill(palette, j)); };
    for (std::size_t i = 0; i < sources.size(); ++i)
        source_group.children.push_back(add_token_box(table, std::move(source_labels[i]), index_id(id + ".sources", i),
                                                      "source " + std::to_string(i), left.centres[i], left.widths[i],
                                                      box_height, source_color(i), mark));
    for (std::size_t j = 0; j < targets.size(); ++j)
        target_group.children.push_back(add_token_box(table, std::move(target_labels[j]), index_id(id + ".targets", j),
                                                      "target " + std::to_string(j), right.centres[j], right.widths[j],
                                                      box_height, target_color(j), mark));
    graph.children.push_back(table.add(std::move(source_group)));
    graph.children.push_back(table.add(std::move(target_group)));

    Object all_lines = group_object(id + ".lines", mark);
    for (std::size_t i = 0; i < sources.size(); ++i) {
        Object lines = group_object(index_id(id + ".lines", i), mark);
        for (std::size_t j = 0; j < targets.size(); ++j) {
            const double w = spec.weights.values[i][j];
            if (std::isinf(w) || w < spec.min_weight || w <= 0) continue;  // masked, or too faint to draw
            const Vec2 from = left.centres[i] + (spec.down ? Vec2(0, -(box_height / 2 + kLineGap))
                                                           : Vec2(left.widths[i] / 2 + kLineGap, 0));
            const Vec2 to = right.centres[j] + (spec.down ? Vec2(0, box_height / 2 + kLineGap)
                                                          : Vec2(-(right.widths[j] / 2 + kLineGap), 0));
            Object line;
            line.id = index_id(index_id(id + ".lines", i), j);
            line.mark = mark;
            line.parts.push_back(connection(from, to, spec.down));
            line.style.stroke = color;
            line.style.stroke_width = std::max(0.0, spec.width(w));
            line.style.stroke_opacity = std::clamp(spec.opacity(w), 0.0, 1.0);
            line.match_key = "line " + std::to_string(i) + " " + std::to_string(j);
            line.link = Link{int(i), int(j), w, true};
            if (!spec.weights.source.empty())
                line.shown.push_back({format_number(w, 2), spec.weights.source + "[" + std::to_string(i) + "][" +
                                                               std::to_string(j) + "]"});
            lines.children.push_back(table.add(std::move(line)));
        }
        const std::size_t lines_index = table.add(std::move(lines));
        graph.children.push_back(lines_index);
        all_lines.children.push_back(lines_index);
    }
    all_lines.stagger = 0.6;
    table.add(std::move(all_lines));

    if (spec.legend) {
        const std::size_t legend = add_legend(table, fonts, id, spec, color, head, layer, mark);
        BBox body;
        for (std::size_t c : graph.children) body.add(table.bounds(c));
        const BBox box = table.bounds(legend);
        shift_by(table, legend, Vec2(body.center().x() - box.center().x(), body.min.y() - 0.45 - box.max.y()));
        graph.children.push_back(legend);
    }
    const std::size_t index = table.add(std::move(graph));
    move_center_to(table, index, {0, 0});
    return index;
}

}  // namespace attnreel
