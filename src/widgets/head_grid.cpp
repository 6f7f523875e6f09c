#include "widgets/head_grid.hpp"

#include "text/shape.hpp"
#include "widgets/head_diagram.hpp"
#include "widgets/heatmap.hpp"

#include <algorithm>
#include <cmath>

namespace attnreel {

namespace {

constexpr double kGap = 0.32;        // between thumbnails
constexpr double kViewGap = 0.7;     // between the grid and the view
constexpr double kRingRoom = 0.2;    // between a thumbnail and its title or caption: the selection ring's
constexpr double kPixelsPerUnit = 135;  // font sizes are pixels at 1080p, 8 units high
const Color kDark{0x1e / 255.0, 0x29 / 255.0, 0x3b / 255.0, 1};
const Color kWhite{1, 1, 1, 1};

bool is_masked(double v) { return v == -INFINITY; }

std::size_t rows_of(const HeadGridSpec::Item& item) { return item.weights.size(); }
std::size_t columns_of(const HeadGridSpec::Item& item) { return item.weights.empty() ? 0 : item.weights[0].size(); }

// A small heatmap filling a side × side square at `centre`: one leaf per visible cell.
std::vector<std::size_t> thumbnail_cells(WidgetBuilder& b, const std::string& name, const HeadGridSpec::Item& item,
                                         const Vec2& centre, double side) {
    const std::size_t r = rows_of(item), c = columns_of(item);
    const double pitch = side / double(std::max(r, c));
    const Vec2 top_left = centre + Vec2(-pitch * double(c) / 2, pitch * double(r) / 2);
    std::vector<std::size_t> cells;
    for (std::size_t i = 0; i < r; ++i)
        for (std::size_t j = 0; j < c; ++j) {
            const double w = item.weights[i][j];
            if (is_masked(w)) continue;
            const Vec2 at = top_left + Vec2(pitch * (double(j) + 0.5), -pitch * (double(i) + 0.5));
            Object cell = b.shape(rectangle_path(at, pitch * 0.9, pitch * 0.9, pitch * 0.12),
                                  mix_oklab(kDark, item.color, std::clamp(w, 0.0, 1.0)));
            cells.push_back(b.add(std::move(cell), name + indices({i, j})));
        }
    return cells;
}

// A small bipartite graph: queries on the left, keys on the right, a line per weight whose
// width and opacity grow with it (the seed's 8·w and 0.3 + 0.6·w, at thumbnail scale).
std::pair<std::vector<std::size_t>, std::size_t> thumbnail_graph(WidgetBuilder& b, const std::string& name,
                                                                 const HeadGridSpec::Item& item, const Vec2& centre,
                                                                 double side) {
    const std::size_t r = rows_of(item), c = columns_of(item);
    const double x0 = centre.x() - side / 2 + 0.08, x1 = centre.x() + side / 2 - 0.08;
    auto y_of = [&](std::size_t i, std::size_t n) {
        return n == 1 ? centre.y() : centre.y() + side / 2 - 0.08 - (side - 0.16) * double(i) / double(n - 1);
    };
    std::vector<std::size_t> lines;
    for (std::size_t i = 0; i < r; ++i)
        for (std::size_t j = 0; j < c; ++j) {
            const double w = item.weights[i][j];
            if (is_masked(w) || w < 0.02) continue;  // no line into the future, none for nothing
            Object line = b.outline(polyline_path({Vec2(x0, y_of(i, r)), Vec2(x1, y_of(j, c))}, false), item.color,
                                    0.4 + 4 * w);
            line.style.stroke_opacity = 0.3 + 0.6 * w;
            lines.push_back(b.add(std::move(line), name + ".line" + indices({i, j})));
        }
    Object dots = b.shape(Path{}, widget_colors::kLabel);
    dots.parts.clear();
    for (std::size_t i = 0; i < r; ++i) dots.parts.push_back(circle_path(Vec2(x0, y_of(i, r)), 0.035));
    for (std::size_t j = 0; j < c; ++j) dots.parts.push_back(circle_path(Vec2(x1, y_of(j, c)), 0.035));
    return {lines, b.add(std::move(dots), name + ".dots")};
}

// A font size at which `text` is at most `width` wide (never above `size`, never below half).
double fitting(WidgetBuilder& b, const std::string& text, double size, double width) {
    const double w = leaf_bounds(b.text(text, size, "sans", {}, {})).width();
    return w > width ? std::max(size * width / w, size * 0.5) : size;
}

}  // namespace

std::size_t build_head_grid(ObjectTable& table, SceneFonts& fonts, const std::string& id, const HeadGridSpec& spec,
                            const SourceMark& mark) {
    using namespace widget_colors;
    const std::size_t n = spec.items.size();
    if (n == 0) throw InputError(spec.mark, "the model has no heads to show");
    WidgetBuilder b(table, fonts, id, mark, spec.layers ? "layer_stack" : "head_grid");
    const std::size_t columns = spec.columns ? spec.columns : spec.layers ? n : std::min<std::size_t>(n, 4);
    const double T = spec.thumb_size;
    const double title_em = text::font_size_to_em(spec.font_size);
    const double caption_size = spec.font_size * 0.8;
    const double pitch_x = T + kGap;
    const double pitch_y = T + 1.2 * title_em + (spec.patterns ? 1.2 * text::font_size_to_em(caption_size) : 0) + kGap +
                           2 * kRingRoom;

    std::vector<std::size_t> members, frames;
    for (std::size_t k = 0; k < n; ++k) {
        const HeadGridSpec::Item& item = spec.items[k];
        const std::size_t row = k / columns, col = k % columns;
        const Vec2 centre(pitch_x * double(col), -pitch_y * double(row));
        const std::string name = indices({k});
        std::vector<std::size_t> parts;
        Object frame = b.shape(rectangle_path(centre, T + 0.08, T + 0.08, 0.08), kDark, 0.6, faded(item.color, 0.5), 1.5);
        const std::size_t f = b.add(std::move(frame), name + ".frame");
        frames.push_back(f);
        parts.push_back(f);
        if (spec.thumbnail == HeadGridSpec::Thumbnail::Heatmap) {
            parts.push_back(b.group(name + ".cells", thumbnail_cells(b, name + ".cell", item, centre, T - 0.06)));
        } else {
            const auto [lines, dots] = thumbnail_graph(b, name, item, centre, T - 0.06);
            parts.push_back(b.group(name + ".lines", lines));
            parts.push_back(dots);
        }
        const double top = centre.y() + T / 2 + 0.04;
        parts.push_back(b.add(b.text(item.title, spec.font_size, "sans-bold", item.color,
                                     {Vec2(centre.x() - T / 2 - 0.04, top + kRingRoom + 0.6 * title_em), 0}),
                              name + ".title"));
        if (spec.patterns && !item.caption.empty()) {
            const double size = fitting(b, item.caption, caption_size, pitch_x - 0.06);
            parts.push_back(b.add(b.text(item.caption, size, "sans", kMuted,
                                         {Vec2(centre.x(), centre.y() - T / 2 - kRingRoom - 0.6 * text::font_size_to_em(size)),
                                          0.5}),
                                  name + ".caption"));
        }
        members.push_back(b.group(name, parts));
    }
    // The grid centred on the origin.
    BBox grid;
    for (std::size_t m : members) grid.add(table.bounds(m));
    const Vec2 shift = -grid.center();
    for (std::size_t m : members) table.transform(m, Similarity::translation(shift));
    grid = BBox{};
    for (std::size_t m : members) grid.add(table.bounds(m));

    // The selected thumbnail, or -1 for none (a view without `select` shows the first).
    const int selected = spec.select.value_or(spec.view ? 0 : -1);
    if (selected >= 0) {
        const BBox f = table.bounds(frames[std::size_t(selected)]);
        const Vec2 c = f.center();
        const double side = f.width() + 0.1;
        Object glow = b.outline(rectangle_path(c, side + 0.04, side + 0.04, 0.14), kWhite, 12);
        glow.style.stroke_opacity = 0.18;
        Object ring = b.outline(rectangle_path(c, side, side, 0.12), kWhite, 4);
        members.push_back(b.group(".selection", {b.add(std::move(glow), ".selection.glow"),
                                                 b.add(std::move(ring), ".selection.ring")}));
    }
    if (spec.view) {
        // Each thumbnail's view, side by side in the same place: only the selected one shows.
        std::vector<std::size_t> views;
        for (std::size_t k = 0; k < n; ++k) {
            const HeadGridSpec::Item& item = spec.items[k];
            HeatmapSpec h;
            h.values = item.weights;
            h.values_source = item.source;
            h.row_labels = spec.queries.size() == rows_of(item) ? spec.queries : std::vector<std::string>{};
            h.column_labels = spec.keys.size() == columns_of(item) ? spec.keys : std::vector<std::string>{};
            h.cell_size = spec.view_size / double(std::max(rows_of(item), columns_of(item)));
            h.numbers = h.cell_size >= 0.42;
            // Labels a little smaller than a heatmap's own, so that neighbouring tokens
            // ("the mat") keep a clear gap over the view's narrow columns.
            h.label_font_size = std::clamp(0.38 * *h.cell_size * kPixelsPerUnit, 14.0, 30.0);
            h.scale.low = kDark;
            h.scale.high = item.color;
            h.scale.range = std::pair(0.0, 1.0);
            const std::string name = ".view" + indices({k});
            const std::size_t map = build_heatmap(table, fonts, id + name + ".map", h, mark);
            const BBox box = table.bounds(map);
            std::string caption = (spec.layers ? "Layer " : "Head ") + item.title.substr(1);
            if (!item.caption.empty()) caption += " \u00b7 " + item.caption;
            Object title = b.text(caption, spec.font_size * 1.1, "sans-semibold", item.color,
                                  {Vec2(box.center().x(), box.max.y() + 0.25 + 0.6 * title_em), 0.5});
            title.match_key = "head_grid view title " + caption;
            const std::size_t t = b.add(std::move(title), name + ".title");
            const std::size_t view = b.group(name, {map, t});
            const BBox whole = table.bounds(view);
            table.transform(view, Similarity::translation(Vec2(grid.max.x() + kViewGap - whole.min.x(),
                                                               grid.center().y() - whole.center().y())));
            views.push_back(view);
        }
        members.push_back(b.group(".view", {views[std::size_t(selected)]}));
    }
    if (spec.diagram && !spec.layers) members.push_back(build_head_diagram(b, spec, grid));
    const std::size_t whole = b.group("", members);
    // Views not shown at first are not members, but go wherever the grid goes.
    if (spec.view)
        for (std::size_t k = 0; k < n; ++k)
            if (static_cast<int>(k) != selected) table.follow(whole, *table.find(id + ".view" + indices({k})));
    table.transform(whole, Similarity::translation(-table.bounds(whole).center()));
    return whole;
}

}  // namespace attnreel
