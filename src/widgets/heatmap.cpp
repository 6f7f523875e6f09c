#include "widgets/heatmap.hpp"

#include "core/path.hpp"
#include "text/shape.hpp"
#include "widgets/number_text.hpp"

#include <algorithm>
#include <cmath>
#include <initializer_list>
#include <limits>

namespace attnreel {

namespace {

constexpr double kGapRatio = 0.08;          // gap between cells, of the pitch
constexpr double kCornerRatio = 0.08;       // corner radius, of the pitch
constexpr double kNumberWidthRatio = 0.66;  // the widest number's ink, of a box's side
constexpr double kNumberHeightRatio = 0.3;  // digit height, of a box's side
constexpr double kLabelBuffRatio = 0.22;    // space between labels and cells, of the pitch
constexpr double kLabelMaxFontSize = 44;    // fitted labels grow with the cell up to this
const Color kDarkText{0x0f / 255.0, 0x17 / 255.0, 0x2a / 255.0, 1};
const Color kLightText{0xf1 / 255.0, 0xf5 / 255.0, 0xf9 / 255.0, 1};
const Color kLabelColor{0xcb / 255.0, 0xd5 / 255.0, 0xe1 / 255.0, 1};
const Color kMaskedOutline{0x47 / 255.0, 0x55 / 255.0, 0x69 / 255.0, 1};

// "[2][3]" (written piece by piece: GCC 12 misreads "[" + std::to_string(i) as overlapping).
std::string indices(std::initializer_list<std::size_t> list) {
    std::string s;
    for (std::size_t k : list) {
        s += '[';
        s += std::to_string(k);
        s += ']';
    }
    return s;
}

// "1 value", "2 values".
std::string count_of(std::size_t n, const std::string& word) {
    return std::to_string(n) + " " + word + (n == 1 ? "" : "s");
}

bool is_masked(double v) { return v == -std::numeric_limits<double>::infinity(); }

// WCAG relative luminance and contrast ratio: the text colour that reads best on a fill.
double luminance(const Color& c) {
    auto linear = [](double u) { return u <= 0.04045 ? u / 12.92 : std::pow((u + 0.055) / 1.055, 2.4); };
    return 0.2126 * linear(c.r) + 0.7152 * linear(c.g) + 0.0722 * linear(c.b);
}

double contrast(const Color& a, const Color& b) {
    const double la = luminance(a), lb = luminance(b);
    return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

Color text_color_on(const Color& fill) {
    return contrast(kDarkText, fill) > contrast(kLightText, fill) ? kDarkText : kLightText;
}

std::size_t code_points(const std::string& s) {
    return std::count_if(s.begin(), s.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; });
}

void place(Object& o, const Vec2& by) {
    for (auto& p : o.parts) p = p.transformed(Similarity::translation(by));
}

Object group(const std::string& id, const SourceMark& mark) {
    Object g;
    g.id = id;
    g.mark = mark;
    g.shape = ObjectShape::Group;
    return g;
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
    const BBox ink = leaf_bounds(make_text_object(fonts, "", widest, kProbe, "mono", mark));
    return kProbe * std::min(kNumberWidthRatio * side / ink.width(), kNumberHeightRatio * side / ink.height());
}

// Labels as large as the cell's height allows (up to a limit), smaller when the widest
// column label would be wider than its column.
double label_font_size(SceneFonts& fonts, const HeatmapSpec& spec, double pitch, const SourceMark& mark) {
    if (spec.label_font_size) return *spec.label_font_size;
    const double by_height = std::min(kLabelMaxFontSize, 0.5 * pitch / text::font_size_to_em(1));
    double widest = 0;
    for (const auto& label : spec.column_labels)
        widest = std::max(widest, leaf_bounds(make_text_object(fonts, "", label, by_height, "sans", mark)).width());
    const double fits = widest > 0.92 * pitch ? by_height * 0.92 * pitch / widest : by_height;
    return std::max(fits, 0.45 * by_height);  // past this, overlapping beats unreadable
}

// Leaves are keyed by their place so that transform pairs cells of two heatmaps.
std::string key(const std::string& place) { return "heatmap " + place; }

}  // namespace

std::pair<double, double> heatmap_range(const HeatmapSpec& spec) {
    if (spec.range) return *spec.range;
    double lo = std::numeric_limits<double>::infinity(), hi = -lo;
    for (const auto& row : spec.values)
        for (double v : row)
            if (!is_masked(v)) {
                lo = std::min(lo, v);
                hi = std::max(hi, v);
            }
    if (lo > hi) return {0, 1};  // every cell masked
    return {lo, hi};
}

Color heatmap_color(const HeatmapSpec& spec, std::pair<double, double> range, double value) {
    const auto [lo, hi] = range;
    const double t = hi > lo ? std::clamp((value - lo) / (hi - lo), 0.0, 1.0) : 0.5;
    return mix_oklab(spec.low, spec.high, t);
}

std::size_t build_heatmap(ObjectTable& table, SceneFonts& fonts, const std::string& id, const HeatmapSpec& spec,
                          const SourceMark& mark) {
    check_sizes(spec);
    const std::size_t rows = spec.values.size(), columns = spec.values[0].size();
    const auto range = heatmap_range(spec);
    const double pitch = spec.cell_size, side = pitch * (1 - kGapRatio);
    const double number_size = spec.numbers ? number_font_size(fonts, spec, side, mark) : 0;
    auto centre_of = [&](std::size_t i, std::size_t j) {
        return Vec2((double(j) - (columns - 1) / 2.0) * pitch, ((rows - 1) / 2.0 - double(i)) * pitch);
    };

    Object heatmap = group(id, mark);
    const double label_size = label_font_size(fonts, spec, pitch, mark);
    const double buff = kLabelBuffRatio * pitch;
    if (!spec.row_labels.empty()) {
        // Right-aligned against the grid, each on its row's centre line.
        Object labels = group(id + ".rows", mark);
        const double right = -(columns * pitch) / 2 + (pitch - side) / 2 - buff;
        for (std::size_t i = 0; i < rows; ++i) {
            Object label = make_text_object(fonts, labels.id + indices({i}), spec.row_labels[i],
                                            label_size, "sans", mark);
            place(label, Vec2(right - leaf_bounds(label).max.x(), centre_of(i, 0).y()));
            label.style.fill = kLabelColor;
            label.match_key = key("rows" + indices({i}) + "=" + spec.row_labels[i]);
            labels.children.push_back(table.add(std::move(label)));
        }
        heatmap.children.push_back(table.add(std::move(labels)));
    }
    if (!spec.column_labels.empty()) {
        // Centred over their columns on one baseline: the lowest ink sits `buff` above the grid.
        Object labels = group(id + ".columns", mark);
        std::vector<Object> made;
        double lowest = std::numeric_limits<double>::infinity();
        for (std::size_t j = 0; j < columns; ++j) {
            made.push_back(make_text_object(fonts, labels.id + indices({j}), spec.column_labels[j],
                                            label_size, "sans", mark));
            if (!made.back().parts.empty()) lowest = std::min(lowest, leaf_bounds(made.back()).min.y());
        }
        if (!std::isfinite(lowest)) lowest = 0;
        const double top = (rows * pitch) / 2 - (pitch - side) / 2 + buff;
        for (std::size_t j = 0; j < columns; ++j) {
            Object& label = made[j];
            place(label, Vec2(centre_of(0, j).x(), top - lowest));
            label.style.fill = kLabelColor;
            label.match_key = key("columns" + indices({j}) + "=" + spec.column_labels[j]);
            labels.children.push_back(table.add(std::move(label)));
        }
        heatmap.children.push_back(table.add(std::move(labels)));
    }

    Object cells = group(id + ".cells", mark);
    std::vector<Object> row_groups, column_groups;
    for (std::size_t i = 0; i < rows; ++i) row_groups.push_back(group(id + ".row" + indices({i}), mark));
    for (std::size_t j = 0; j < columns; ++j)
        column_groups.push_back(group(id + ".column" + indices({j}), mark));
    for (std::size_t i = 0; i < rows; ++i) {
        for (std::size_t j = 0; j < columns; ++j) {
            const std::string place_name = indices({i, j});
            const double v = spec.values[i][j];
            const Vec2 centre = centre_of(i, j);
            Object cell = group(id + place_name, mark);

            Object box;
            box.id = cell.id + ".box";
            box.mark = mark;
            box.match_key = key(place_name + ".box");
            box.parts.push_back(rectangle_path(centre, side, side, kCornerRatio * pitch));
            if (is_masked(v)) {
                // Nothing to attend to here: an empty, dim outline.
                box.style.fill_opacity = 0;
                box.style.stroke = kMaskedOutline;
                box.style.stroke_width = 1.5;
            } else {
                box.style.fill = heatmap_color(spec, range, v);
                box.style.fill_opacity = 1;
                box.style.stroke_width = 0;
            }
            const Color fill = box.style.fill;
            cell.children.push_back(table.add(std::move(box)));

            if (spec.numbers && !is_masked(v)) {
                const std::string text = format_number(v, spec.decimals);
                Object label = make_text_object(fonts, cell.id + ".label", text, number_size, "mono", mark);
                // Centred on the advance (mono digits line up in columns) and on the ink's height.
                place(label, Vec2(centre.x(), centre.y() - leaf_bounds(label).center().y()));
                label.style.fill = text_color_on(fill);
                label.match_key = key(place_name + ".label=" + text);
                if (!spec.values_source.empty())
                    label.shown.push_back({text, spec.values_source + (spec.values_is_vector ? indices({j}) : place_name)});
                cell.children.push_back(table.add(std::move(label)));
            }
            const std::size_t c = table.add(std::move(cell));
            heatmap.children.push_back(c);
            cells.children.push_back(c);
            row_groups[i].children.push_back(c);
            column_groups[j].children.push_back(c);
        }
    }
    Object grid = group(id + ".grid", mark);
    for (auto& r : row_groups) grid.children.push_back(table.add(std::move(r)));
    for (auto& c : column_groups) table.add(std::move(c));
    table.add(std::move(cells));
    table.add(std::move(grid));
    return table.add(std::move(heatmap));
}

}  // namespace attnreel
