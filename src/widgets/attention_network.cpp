#include "widgets/attention_network.hpp"

#include "attention/clusters.hpp"
#include "core/head_palette.hpp"
#include "core/token_palette.hpp"
#include "scene/shapes.hpp"
#include "text/shape.hpp"
#include "widgets/attention_graph.hpp"
#include "widgets/force_layout.hpp"
#include "widgets/token_box.hpp"
#include "widgets/widget_groups.hpp"

#include <algorithm>
#include <cmath>
#include <numbers>

namespace attnreel {

namespace {

constexpr double kLabelGap = 0.07;   // between a node and its label
constexpr double kNodeGap = 0.12;    // between two nodes' footprints
constexpr double kHullPadding = 0.14;
constexpr double kMostCovered = 0.3; // footprints cover at most this share of the box; else all shrink


// The convex hull (counter-clockwise) of points, by Andrew's monotone chain.
std::vector<Vec2> convex_hull(std::vector<Vec2> pts) {
    std::sort(pts.begin(), pts.end(), [](const Vec2& a, const Vec2& b) {
        return a.x() < b.x() || (a.x() == b.x() && a.y() < b.y());
    });
    if (pts.size() < 3) return pts;
    const auto cross = [](const Vec2& o, const Vec2& a, const Vec2& b) {
        return (a.x() - o.x()) * (b.y() - o.y()) - (a.y() - o.y()) * (b.x() - o.x());
    };
    std::vector<Vec2> hull(2 * pts.size());
    std::size_t k = 0;
    for (std::size_t i = 0; i < pts.size(); ++i) {
        while (k >= 2 && cross(hull[k - 2], hull[k - 1], pts[i]) <= 0) --k;
        hull[k++] = pts[i];
    }
    for (std::size_t i = pts.size() - 1, t = k + 1; i > 0; --i) {
        while (k >= t && cross(hull[k - 2], hull[k - 1], pts[i - 1]) <= 0) --k;
        hull[k++] = pts[i - 1];
    }
    hull.resize(k - 1);
    return hull;
}

// Points around a footprint, rounded by `pad`, for the hull of a cluster.
void footprint_outline(const Vec2& p, double radius, const BBox& label, double pad, std::vector<Vec2>& out) {
    for (int k = 0; k < 24; ++k) {
        const double a = 2 * std::numbers::pi * k / 24;
        out.push_back(p + Vec2(std::cos(a), std::sin(a)) * (radius + pad));
        const Vec2 corner(a < std::numbers::pi / 2 || a > 3 * std::numbers::pi / 2 ? label.max.x() : label.min.x(),
                          a < std::numbers::pi ? label.max.y() : label.min.y());
        out.push_back(corner + Vec2(std::cos(a), std::sin(a)) * pad);
    }
}

}  // namespace

std::size_t build_attention_network(ObjectTable& table, SceneFonts& fonts, const std::string& id,
                                    const AttentionNetworkSpec& spec, const SourceMark& mark) {
    const std::size_t n = spec.tokens.size();
    const SourceMark& tokens_mark = spec.tokens_mark.line ? spec.tokens_mark : spec.weights.mark;
    check_connection_weights(spec.weights, n, n, tokens_mark, tokens_mark, "token");

    Eigen::MatrixXd w = Eigen::MatrixXd::Zero(Eigen::Index(n), Eigen::Index(n));
    for (std::size_t i = 0; i < n; ++i)
        for (std::size_t j = 0; j < n; ++j)
            if (!std::isinf(spec.weights.values[i][j])) w(Eigen::Index(i), Eigen::Index(j)) = spec.weights.values[i][j];
    const Eigen::MatrixXd mutual = attention::mutual_attention(w);
    const Eigen::VectorXd received = w.colwise().sum().transpose();
    const double least = received.minCoeff(), most = received.maxCoeff();

    const std::vector<int> cluster = spec.clusters > 0
                                         ? attention::cluster_tokens(mutual, std::min<int>(spec.clusters, int(n)))
                                         : std::vector<int>(n, -1);
    const TokenPalette& palette = spec.palette;
    const auto node_color = [&](std::size_t i) {
        if (i < palette.own.size() && palette.own[i]) return *palette.own[i];
        return token_fill(palette, cluster[i] >= 0 ? std::size_t(cluster[i]) : i);
    };

    // Sizes first; when the nodes would crowd the box, or the layout cannot keep them
    // apart in it, everything shrinks together and the layout runs again.
    double scale = 1;
    std::vector<Object> labels;
    std::vector<double> radius(n);
    std::vector<NodeFootprint> footprints(n);
    // Tokens of one cluster pull together a little more, so clusters read as places.
    Eigen::MatrixXd affinity = mutual;
    for (std::size_t i = 0; i < n; ++i)
        for (std::size_t j = 0; j < n; ++j)
            if (i != j && cluster[i] >= 0 && cluster[i] == cluster[j])
                affinity(Eigen::Index(i), Eigen::Index(j)) += 0.3;
    std::vector<Vec2> at;
    for (int attempt = 0; attempt < 12; ++attempt) {
        labels = token_labels(fonts, id + ".nodes", spec.tokens, spec.font_size * scale, spec.font, mark,
                              spec.font_features);
        double covered = 0;
        for (std::size_t i = 0; i < n; ++i) {
            const double t = most > least ? (received(Eigen::Index(i)) - least) / (most - least) : 0.5;
            // The node's area, not its radius, grows with the attention it receives.
            radius[i] = scale * std::sqrt(spec.node_min * spec.node_min +
                                          t * (spec.node_max * spec.node_max - spec.node_min * spec.node_min));
            const BBox ink = leaf_bounds(labels[i]);
            const double half = std::max(radius[i], ink.width() / 2);
            footprints[i] = {half, half, radius[i] + kLabelGap + ink.height(), radius[i]};
            covered += (2 * half + kNodeGap) * (footprints[i].above + footprints[i].below + kNodeGap);
        }
        if (covered > kMostCovered * spec.width * spec.height && attempt < 8) {
            scale *= 0.95 * std::sqrt(kMostCovered * spec.width * spec.height / covered);
            continue;
        }
        at = force_layout(affinity, footprints, spec.width, spec.height, kNodeGap, spec.seed);
        if (!any_overlap(footprints, at, kNodeGap)) break;
        scale *= 0.9;
    }
    if (at.empty()) at = force_layout(affinity, footprints, spec.width, spec.height, kNodeGap, spec.seed);

    Object network = group_object(id, mark);
    network.stagger = 0.35;
    network.tokens = spec.tokens;
    Object nodes = group_object(id + ".nodes", mark), edges = group_object(id + ".edges", mark);
    Object hulls = group_object(id + ".hulls", mark);

    if (spec.clusters > 0 && spec.hulls) {
        const int count = *std::max_element(cluster.begin(), cluster.end()) + 1;
        for (int c = 0; c < count; ++c) {
            std::vector<Vec2> outline;
            for (std::size_t i = 0; i < n; ++i) {
                if (cluster[i] != c) continue;
                const BBox ink = leaf_bounds(labels[i]);
                BBox label;
                label.add(at[i] + Vec2(-ink.width() / 2, -(radius[i] + kLabelGap + ink.height())));
                label.add(at[i] + Vec2(ink.width() / 2, -(radius[i] + kLabelGap)));
                footprint_outline(at[i], radius[i], label, kHullPadding, outline);
            }
            Object hull;
            hull.id = index_id(id + ".hulls", std::size_t(c));
            hull.mark = mark;
            hull.parts.push_back(polyline_path(convex_hull(outline), true));
            const Color color = token_fill(palette, std::size_t(c));
            hull.style.fill = color;
            hull.style.fill_opacity = 0.12;
            hull.style.stroke = color;
            hull.style.stroke_width = 2;
            hull.style.stroke_opacity = 0.45;
            hull.z = -1;
            hull.match_key = "hull " + std::to_string(c);
            hulls.children.push_back(table.add(std::move(hull)));
        }
        network.children.push_back(table.add(std::move(hulls)));
    }

    for (std::size_t i = 0; i < n; ++i) {
        Object circle;
        circle.id = index_id(id + ".nodes", i) + ".circle";
        circle.mark = mark;
        circle.parts.push_back(circle_path(at[i], radius[i]));
        circle.style.fill = node_color(i);
        circle.style.fill_opacity = 1;
        circle.style.stroke = mix_oklab(node_color(i), Color{1, 1, 1, 1}, 0.5);
        circle.style.stroke_width = 2;
        circle.z = 1;
        circle.match_key = "node " + std::to_string(i) + " circle";

        Object& label = labels[i];
        const BBox ink = leaf_bounds(label);
        const Vec2 label_centre = at[i] - Vec2(0, radius[i] + kLabelGap + ink.height() / 2);
        for (auto& p : label.parts) p = p.transformed(Similarity::translation(label_centre - ink.center()));
        label.style.fill = Color{0.886, 0.910, 0.941, 1};
        label.z = 2;
        label.match_key = "node " + std::to_string(i) + " label";

        Object node = group_object(index_id(id + ".nodes", i), mark);
        node.children.push_back(table.add(std::move(circle)));
        node.children.push_back(table.add(std::move(label)));
        const std::size_t node_index = table.add(std::move(node));
        nodes.children.push_back(node_index);
        network.children.push_back(node_index);
    }

    const Color edge_color = spec.color.value_or(head_color(std::size_t(std::max(
        0, spec.head ? *spec.head
                     : spec.weights.path && spec.weights.path->path.head ? int(*spec.weights.path->path.head) : 0))));
    for (std::size_t i = 0; i < n; ++i) {
        Object from_i = group_object(index_id(id + ".edges", i), mark);
        for (std::size_t j = i + 1; j < n; ++j) {
            const double s = mutual(Eigen::Index(i), Eigen::Index(j));
            if (s < spec.min_weight || s <= 0) continue;
            const Vec2 d = (at[j] - at[i]).normalized();
            const Vec2 a = at[i] + d * (radius[i] + 0.03), b = at[j] - d * (radius[j] + 0.03);
            if ((b - a).dot(d) <= 0) continue;  // nodes touching: nothing to draw between them
            Object edge;
            edge.id = index_id(index_id(id + ".edges", i), j);
            edge.mark = mark;
            edge.parts.push_back(polyline_path({a, b}, false));
            edge.style.stroke = edge_color;
            edge.style.stroke_width = std::max(0.0, spec.edge_width(s));
            edge.style.stroke_opacity = std::clamp(spec.edge_opacity(s), 0.0, 1.0);
            edge.match_key = "edge " + std::to_string(i) + " " + std::to_string(j);
            edge.link = Link{int(i), int(j), s, false};
            from_i.children.push_back(table.add(std::move(edge)));
        }
        if (from_i.children.empty()) continue;
        edges.children.push_back(table.add(std::move(from_i)));
    }
    // Edges come after every node, all of them together: one unit of the stagger.
    const std::size_t edges_index = table.add(std::move(edges));
    network.children.push_back(edges_index);
    table.add(std::move(nodes));
    return table.add(std::move(network));
}

}  // namespace attnreel
