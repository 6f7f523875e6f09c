#pragma once
// The pieces of a heatmap besides its cells, built by widgets/heatmap.cpp: the grid's
// geometry, the row and column labels (fitted, rotated and thinned so that 8, 32 or 128
// of them stay legible), and the colour-bar legend. Internal to the heatmap widget.
#include "core/color_scale.hpp"
#include "scene/object_table.hpp"
#include "scene/scene_spec.hpp"
#include "scene/text_object.hpp"

#include <initializer_list>
#include <string>

namespace attnreel::heatmap_parts {

// Where the cells are: a regular grid centred on the origin, row 0 at the top.
struct Grid {
    std::size_t rows = 0, columns = 0;
    double pitch = 0.6;  // centre to centre
    double side = 0.55;  // a cell's side: the pitch less the gap

    Vec2 centre_of(std::size_t i, std::size_t j) const {
        return {(double(j) - (double(columns) - 1) / 2.0) * pitch, ((double(rows) - 1) / 2.0 - double(i)) * pitch};
    }
    double half_width() const { return (double(columns) * pitch - (pitch - side)) / 2; }   // to the cells' ink
    double half_height() const { return (double(rows) * pitch - (pitch - side)) / 2; }
};

// "[2][3]".
std::string indices(std::initializer_list<std::size_t> list);
// Leaves are keyed by their place so that transform pairs cells of two heatmaps.
inline std::string key(const std::string& place) { return "heatmap " + place; }
Object group(const std::string& id, const SourceMark& mark);

// Group `id.rows`: labels right-aligned left of their rows, every k-th when rows are too
// thin for all. Added to `table`; returns its index.
std::size_t add_row_labels(ObjectTable& table, SceneFonts& fonts, const std::string& id, const HeatmapSpec& spec,
                           const Grid& grid, const SourceMark& mark);
// Group `id.columns`: labels above their columns on one baseline, turned by
// column_label_angle (or by 90° when level ones would touch), every k-th when even turned
// ones would touch.
std::size_t add_column_labels(ObjectTable& table, SceneFonts& fonts, const std::string& id, const HeatmapSpec& spec,
                              const Grid& grid, const SourceMark& mark);
// Group `id.legend`: a colour bar right of the grid, `id.legend.bar` of thin slices, and
// its end values (and the centre of a diverging scale) `id.legend.ticks[k]`.
std::size_t add_legend(ObjectTable& table, SceneFonts& fonts, const std::string& id, const HeatmapSpec& spec,
                       const ColorScale& scale, const Grid& grid, const SourceMark& mark);

constexpr double kMinLabelFontSize = 16;  // px at 1080p: below this, labels are thinned instead
const Color kLabelColor{0xcb / 255.0, 0xd5 / 255.0, 0xe1 / 255.0, 1};

}  // namespace attnreel::heatmap_parts
