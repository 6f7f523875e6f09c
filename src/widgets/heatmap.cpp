#include "widgets/heatmap.hpp"

#include "core/path.hpp"
#include "text/shape.hpp"
#include "widgets/heatmap_parts.hpp"
#include "widgets/number_text.hpp"

#include <algorithm>
#include <cmath>
#include <initializer_list>
#include <limits>

namespace attnreel {

namespace {

using heatmap_parts::Grid;
using heatmap_parts::group;
using heatmap_parts::indices;
using heatmap_parts::key;

constexpr double kGapRatio = 0.08;          // default gap between cells, of the pitch
constexpr double kCornerRatio = 0.08;       // corner radius, of the pitch
constexpr double kNumberWidthRatio = 0.66;  // the widest number's ink, of a box's side
constexpr double kNumberHeightRatio = 0.3;  // digit height, of a box's side
constexpr double kDefaultPitch = 0.6;
constexpr double kDefaultGridWidth = 7;     // a default grid is at most this wide and high
constexpr double kMinNumberFontSize = 12;   // px at 1080p: smaller numbers are left out by default
const Color kMaskedOutline{0x47 / 255.0, 0x55 / 255.0, 0x69 / 255.0, 1};

// "1 value", "2 values".
std::string count_of(std::size_t n, const std::string& word) {
    return std::to_string(n) + " " + word + (n == 1 ? "" : "s");
}

bool is_masked(double v) { return v == -std::numeric_limits<double>::infinity(); }

std::size_t code_points(const std::string& s) {
    return std::count_if(s.begin(), s.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; });
}

void place(Object& o, const Vec2& by) {
    for (auto& p : o.parts) p = p.transformed(Similarity::translation(by));
}

void check_sizes(const HeatmapSpec& spec) {
    const std::size_t rows = spec.values.size();
    if (rows == 0) throw InputError(spec.values_mark, "a heatmap needs at least one row of values");
    const std::size_t columns = spec.values[0].size();
    if (columns == 0) throw InputError(spec.values_mark, "a heatmap needs at least one value per row");
    for (std::size_t i = 1; i < rows; ++i)
        if (spec.values[i].size() != columns)
            throw InputError(spec.values_mark, "row " + std::to_string(i) + " has " +
                                                   count_of(spec.values[i].size(), "value") + ", expected " +
                                                   std::to_string(columns) + " like row 0");
    if (rows > kMaxHeatmapSide || columns > kMaxHeatmapSide)
        throw InputError(spec.values_mark, "a heatmap shows at most " + std::to_string(kMaxHeatmapSide) + "×" +
                                               std::to_string(kMaxHeatmapSide) + " cells; this matrix is " +
                                               std::to_string(rows) + "×" + std::to_string(columns));
    auto check_labels = [](const std::vector<std::string>& labels, std::size_t n, const char* what,
                           const SourceMark& mark) {
        if (!labels.empty() && labels.size() != n)
            throw InputError(mark, "expected " + count_of(n, what + std::string(" label")) + ", one per " + what +
                                       " of the matrix, found " + std::to_string(labels.size()));
    };
    check_labels(spec.row_labels, rows, "row", spec.rows_mark);
    check_labels(spec.column_labels, columns, "column", spec.columns_mark);
}

Grid grid_of(const HeatmapSpec& spec) {
    Grid g;
    g.rows = spec.values.size();
    g.columns = spec.values[0].size();
    g.pitch = spec.cell_size.value_or(std::min(kDefaultPitch, kDefaultGridWidth / double(std::max(g.rows, g.columns))));
    const double gap = spec.gap.value_or(kGapRatio * g.pitch);
    if (gap >= g.pitch)
        throw InputError(spec.gap_mark, "'gap' must be smaller than the cells' pitch (" + std::to_string(g.pitch) +
                                            "), found " + std::to_string(gap));
    g.side = g.pitch - gap;
    return g;
}

// One font size for every number, the largest at which the longest fits its box.
double number_font_size(SceneFonts& fonts, const HeatmapSpec& spec, double side, const SourceMark& mark) {
    std::string widest;
    for (const auto& row : spec.values)
        for (double v : row)
            if (!is_masked(v)) {
                const std::string s = format_number(v, spec.decimals);
                if (code_points(s) > code_points(widest)) widest = s;
            }
    if (widest.empty()) return 1;  // every cell masked: no numbers to fit
    constexpr double kProbe = 100;
    const BBox ink = leaf_bounds(make_text_object(fonts, "", widest, kProbe, spec.number_font, mark));
    return kProbe * std::min(kNumberWidthRatio * side / ink.width(), kNumberHeightRatio * side / ink.height());
}

}  // namespace

ColorScale heatmap_scale(const HeatmapSpec& spec) {
    std::vector<double> values;
    for (const auto& row : spec.values) values.insert(values.end(), row.begin(), row.end());
    return resolve_scale(spec.scale, values);  // masked cells (−inf) are not finite: left out
}

std::size_t build_heatmap(ObjectTable& table, SceneFonts& fonts, const std::string& id, const HeatmapSpec& spec,
                          const SourceMark& mark) {
    check_sizes(spec);
    const Grid grid = grid_of(spec);
    const ColorScale scale = heatmap_scale(spec);
    const double number_size = number_font_size(fonts, spec, grid.side, mark);
    // Numbers too small to read are left out unless the author asked for them.
    const bool numbers = spec.numbers.value_or(number_size >= kMinNumberFontSize);

    Object heatmap = group(id, mark);
    if (!spec.row_labels.empty())
        heatmap.children.push_back(heatmap_parts::add_row_labels(table, fonts, id, spec, grid, mark));
    if (!spec.column_labels.empty())
        heatmap.children.push_back(heatmap_parts::add_column_labels(table, fonts, id, spec, grid, mark));

    Object cells = group(id + ".cells", mark);
    std::vector<Object> row_groups, column_groups;
    for (std::size_t i = 0; i < grid.rows; ++i) row_groups.push_back(group(id + ".row" + indices({i}), mark));
    for (std::size_t j = 0; j < grid.columns; ++j)
        column_groups.push_back(group(id + ".column" + indices({j}), mark));
    for (std::size_t i = 0; i < grid.rows; ++i) {
        for (std::size_t j = 0; j < grid.columns; ++j) {
            const std::string place_name = indices({i, j});
            const double v = spec.values[i][j];
            const Vec2 centre = grid.centre_of(i, j);
            Object cell = group(id + place_name, mark);

            Object box;
            box.id = cell.id + ".box";
            box.mark = mark;
            box.match_key = key(place_name + ".box");
            box.parts.push_back(rectangle_path(centre, grid.side, grid.side, std::min(kCornerRatio * grid.pitch, 0.25 * grid.side)));
            if (is_masked(v)) {
                // Nothing to attend to here: an empty, dim outline.
                box.style.fill_opacity = 0;
                box.style.stroke = kMaskedOutline;
                box.style.stroke_width = 1.5;
            } else {
                box.style.fill = scale.at(v);
                box.style.fill_opacity = 1;
                box.style.stroke_width = 0;
            }
            const Color fill = box.style.fill;
            const std::size_t box_index = table.add(std::move(box));
            cell.children.push_back(box_index);

            if (numbers && !is_masked(v)) {
                const std::string text = format_number(v, spec.decimals);
                Object label = make_text_object(fonts, cell.id + ".label", text, number_size, spec.number_font, mark);
                // Centred on the advance (mono digits line up in columns) and on the ink's height.
                place(label, Vec2(centre.x(), centre.y() - leaf_bounds(label).center().y()));
                label.style.fill = spec.number_color.value_or(readable_on(fill));
                label.match_key = key(place_name + ".label=" + text);
                if (!spec.values_source.empty())
                    label.shown.push_back({text, spec.values_source + (spec.values_is_vector ? indices({j}) : place_name)});
                label.on_box = box_index;
                cell.children.push_back(table.add(std::move(label)));
            }
            const std::size_t c = table.add(std::move(cell));
            heatmap.children.push_back(c);
            cells.children.push_back(c);
            row_groups[i].children.push_back(c);
            column_groups[j].children.push_back(c);
        }
    }
    if (spec.legend) heatmap.children.push_back(heatmap_parts::add_legend(table, fonts, id, spec, scale, grid, mark));
    Object grid_group = group(id + ".grid", mark);
    for (auto& r : row_groups) grid_group.children.push_back(table.add(std::move(r)));
    for (auto& c : column_groups) table.add(std::move(c));
    table.add(std::move(cells));
    table.add(std::move(grid_group));
    return table.add(std::move(heatmap));
}

}  // namespace attnreel
