#include "widgets/heatmap_parts.hpp"

#include "text/shape.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numbers>

namespace attnreel::heatmap_parts {

namespace {

constexpr double kLabelBuffRatio = 0.22;  // space between labels and cells, of the pitch
constexpr double kMinLabelBuff = 0.08;
constexpr double kLabelMaxFontSize = 44;  // fitted labels grow with the cell up to this
constexpr double kTouching = 1.12;        // labels closer than 1.12 × their thickness touch

void place(Object& o, const Similarity& s) {
    for (auto& p : o.parts) p = p.transformed(s);
}

double buff_of(const Grid& grid) { return std::max(kMinLabelBuff, kLabelBuffRatio * grid.pitch); }

// Labels as large as the cell's height allows, up to a limit, and never below the
// smallest legible size.
double fitted_size(const Grid& grid) {
    return std::clamp(0.5 * grid.pitch / text::font_size_to_em(1), kMinLabelFontSize, kLabelMaxFontSize);
}

std::vector<Object> make_labels(SceneFonts& fonts, const std::string& group_id,
                                const std::vector<std::string>& labels, double size, const SourceMark& mark,
                                const text::FontFeatures& features) {
    std::vector<Object> made;
    for (std::size_t k = 0; k < labels.size(); ++k)
        made.push_back(make_text_object(fonts, group_id + indices({k}), labels[k], size, "sans", mark, features));
    return made;
}

// The tallest ink among the labels: how thick a line of them is across its direction.
double thickness(const std::vector<Object>& labels) {
    double h = 0;
    for (const Object& o : labels) h = std::max(h, leaf_bounds(o).height());
    return h;
}

double widest(const std::vector<Object>& labels) {
    double w = 0;
    for (const Object& o : labels) w = std::max(w, leaf_bounds(o).width());
    return w;
}

// Every k-th label shows when labels `spacing` apart are each `extent` thick.
std::size_t stride(double extent, double spacing) {
    if (spacing <= 0) return 1;
    return std::max<std::size_t>(1, static_cast<std::size_t>(std::ceil(kTouching * extent / spacing - 1e-9)));
}

}  // namespace

std::string indices(std::initializer_list<std::size_t> list) {
    // Written piece by piece: GCC 12 misreads "[" + std::to_string(i) as overlapping.
    std::string s;
    for (std::size_t k : list) {
        s += '[';
        s += std::to_string(k);
        s += ']';
    }
    return s;
}

Object group(const std::string& id, const SourceMark& mark) {
    Object g;
    g.id = id;
    g.mark = mark;
    g.shape = ObjectShape::Group;
    return g;
}

std::size_t add_row_labels(ObjectTable& table, SceneFonts& fonts, const std::string& id, const HeatmapSpec& spec,
                           const Grid& grid, const SourceMark& mark) {
    Object labels = group(id + ".rows", mark);
    std::vector<Object> made =
        make_labels(fonts, labels.id, spec.row_labels, spec.label_font_size.value_or(fitted_size(grid)), mark,
                    spec.font_features);
    const std::size_t k = stride(thickness(made), grid.pitch);
    const double right = -grid.half_width() - buff_of(grid);
    for (std::size_t i = 0; i < made.size(); i += k) {
        Object& label = made[i];
        // Right-aligned against the grid, the line box centred on its row.
        place(label, Similarity::translation({right - leaf_bounds(label).max.x(), grid.centre_of(i, 0).y()}));
        label.style.fill = token_color(spec.row_palette, i).value_or(kLabelColor);
        label.match_key = key("rows" + indices({i}) + "=" + spec.row_labels[i]);
        labels.children.push_back(table.add(std::move(label)));
    }
    return table.add(std::move(labels));
}

std::size_t add_column_labels(ObjectTable& table, SceneFonts& fonts, const std::string& id, const HeatmapSpec& spec,
                              const Grid& grid, const SourceMark& mark) {
    Object labels = group(id + ".columns", mark);
    double size = spec.label_font_size.value_or(fitted_size(grid));
    std::vector<Object> made = make_labels(fonts, labels.id, spec.column_labels, size, mark, spec.font_features);
    double degrees = spec.column_label_angle.value_or(0);
    const double room = grid.pitch / kTouching;  // the widest a level label may be
    if (!spec.column_label_angle && widest(made) > room) {
        // Level labels would touch: shrink them a little if that is enough, else stand
        // them up.
        const double shrunk = size * room / widest(made) * 0.999;
        if (!spec.label_font_size && shrunk >= std::max(0.75 * size, kMinLabelFontSize)) {
            size = shrunk;
            made = make_labels(fonts, labels.id, spec.column_labels, size, mark, spec.font_features);
        } else {
            degrees = 90;
        }
    }
    const double radians = degrees * std::numbers::pi / 180;
    // Level labels are as wide as their text; turned ones as thick as their line, and
    // closer together across their direction the more they lean.
    const std::size_t k = degrees == 0 ? stride(widest(made), grid.pitch)
                                       : stride(thickness(made), grid.pitch * std::abs(std::sin(radians)));
    const double bottom = grid.half_height() + buff_of(grid);
    double lowest = std::numeric_limits<double>::infinity();  // level labels share a baseline
    for (const Object& o : made)
        if (!o.parts.empty()) lowest = std::min(lowest, leaf_bounds(o).min.y());
    if (!std::isfinite(lowest)) lowest = 0;
    for (std::size_t j = 0; j < made.size(); j += k) {
        Object& label = made[j];
        const double x = grid.centre_of(0, j).x();
        if (degrees == 0) {
            place(label, Similarity::translation({x, bottom - lowest}));
        } else {
            // Turned about the end nearest the grid (its start when turned counter-clockwise),
            // which then sits over the column's centre.
            const BBox ink = leaf_bounds(label);
            const Vec2 end(degrees > 0 ? ink.min.x() : ink.max.x(), ink.center().y());
            place(label, Similarity::rotation_about(end, radians));
            const BBox turned = leaf_bounds(label);
            place(label, Similarity::translation({x - end.x(), bottom - turned.min.y()}));
        }
        label.style.fill = token_color(spec.column_palette, j).value_or(kLabelColor);
        label.match_key = key("columns" + indices({j}) + "=" + spec.column_labels[j]);
        labels.children.push_back(table.add(std::move(label)));
    }
    return table.add(std::move(labels));
}

}  // namespace attnreel::heatmap_parts
