#include "widgets/matrix.hpp"

#include "text/shape.hpp"
#include "widgets/number_text.hpp"
#include "widgets/vector_boxes.hpp"

#include <algorithm>
#include <cmath>

namespace attnreel {

namespace {

constexpr double kBracketGap = 0.1;     // between the cells and a bracket
constexpr double kBracketSerif = 0.13;  // a bracket's arms
constexpr double kLabelGap = 0.18;
constexpr double kNumberPadding = 0.26;  // around the widest number, in a fitted cell
const Color kNeutral{0x1e / 255.0, 0x29 / 255.0, 0x3b / 255.0, 1};
const Color kNegative{0xf4 / 255.0, 0x3f / 255.0, 0x5e / 255.0, 1};

bool is_masked(double v) { return v == -INFINITY; }

void check(const MatrixSpec& spec) {
    const std::size_t rows = spec.values.size();
    if (rows == 0) throw InputError(spec.values_mark, "the matrix is empty: expected at least one row of numbers");
    const std::size_t columns = spec.values[0].size();
    if (columns == 0) throw InputError(spec.values_mark, "the matrix needs at least one number per row");
    for (std::size_t i = 1; i < rows; ++i)
        if (spec.values[i].size() != columns)
            throw InputError(spec.values_mark, "row " + std::to_string(i) + " has " +
                                                   count_of(spec.values[i].size(), "value") + ", expected " +
                                                   std::to_string(columns) + " like row 0");
    if (rows > kMaxMatrixSide || columns > kMaxMatrixSide)
        throw InputError(spec.values_mark, "a matrix shows at most " + std::to_string(kMaxMatrixSide) + "×" +
                                               std::to_string(kMaxMatrixSide) + " numbers; this one is " +
                                               std::to_string(rows) + "×" + std::to_string(columns) +
                                               " (a heatmap shows up to 64×64)");
    auto check_labels = [](const Labels& labels, std::size_t n, const std::string& what) {
        if (labels.given && labels.names.size() != n)
            throw InputError(labels.mark, "expected " + count_of(n, what + " label") + ", one per " + what +
                                              " of the matrix, found " + std::to_string(labels.names.size()));
    };
    check_labels(spec.rows, rows, "row");
    check_labels(spec.columns, columns, "column");
    for (const auto& h : spec.highlights) {
        const std::size_t n = h.kind == MatrixHighlight::Kind::Row ? rows : columns;
        if (h.kind != MatrixHighlight::Kind::Diagonal && h.index >= n)
            throw InputError(h.mark, std::string(h.kind == MatrixHighlight::Kind::Row ? "row " : "column ") +
                                         std::to_string(h.index) + " is out of range (the matrix has " +
                                         count_of(n, h.kind == MatrixHighlight::Kind::Row ? "row" : "column") + ")");
    }
}

// What a cell prints: its value, or −∞ where masked (0 in a matrix of probabilities).
double shown_value(const MatrixSpec& spec, double v) { return is_masked(v) && spec.probabilities ? 0.0 : v; }

// A square bracket, opening to the right (side −1, the left one) or to the left (side 1).
Path bracket(double x, double top, double bottom, int side) {
    const double arm = -side * kBracketSerif;
    return polyline_path({Vec2(x + arm, top), Vec2(x, top), Vec2(x, bottom), Vec2(x + arm, bottom)}, false);
}

}  // namespace

std::size_t build_matrix(ObjectTable& table, SceneFonts& fonts, const std::string& id, const MatrixSpec& spec,
                         const SourceMark& mark) {
    using namespace widget_colors;
    check(spec);
    const std::size_t rows = spec.values.size(), columns = spec.values[0].size();
    WidgetBuilder b(table, fonts, id, mark, "matrix");

    // Numbers at the spec's size unless a fixed cell is too small for them; cells as wide as
    // the widest number (at least "−0.00" in the format), so that matrices of one shape and
    // format keep one geometry as their numbers change.
    std::vector<std::string> texts{format_number(-0.0001 - std::pow(10.0, -spec.format.decimals), spec.format)};
    for (const auto& row : spec.values)
        for (double v : row) texts.push_back(format_number(shown_value(spec, v), spec.format));
    const double h = spec.cell_height;
    double number_size = std::min(spec.font_size, fitted_number_size(fonts, texts, 1e9, 0.36 * h, mark));
    const auto probe = number_glyphs(fonts, "mono", number_size, mark);
    double widest = 0;
    for (const auto& t : texts) widest = std::max(widest, number_width(*probe, t));
    const double w = spec.cell_width.value_or(widest + kNumberPadding);
    if (spec.cell_width && widest > 0.88 * w) number_size *= 0.88 * w / widest;
    const auto glyphs = number_glyphs(fonts, "mono", number_size, mark);
    auto centre_of = [&](std::size_t i, std::size_t j) {
        return Vec2((double(j) - (columns - 1) / 2.0) * w, ((rows - 1) / 2.0 - double(i)) * h);
    };
    double max_abs = 0;
    for (const auto& row : spec.values)
        for (double v : row)
            if (!is_masked(v)) max_abs = std::max(max_abs, std::abs(v));
    if (spec.probabilities) max_abs = 1;

    std::vector<std::size_t> members;
    const double half_w = w * columns / 2, half_h = h * rows / 2;
    {
        const double top = half_h + 0.04, bottom = -half_h - 0.04;
        Object left = b.outline(bracket(-half_w - kBracketGap, top, bottom, -1), kLabel, 3);
        Object right = b.outline(bracket(half_w + kBracketGap, top, bottom, 1), kLabel, 3);
        if (spec.brackets)
            members.push_back(b.group(".brackets", {b.add(std::move(left), ".brackets.left"),
                                                    b.add(std::move(right), ".brackets.right")}));
    }
    const double label_size = std::min(spec.font_size, 0.55 * h / text::font_size_to_em(1));
    const double outer_x = half_w + (spec.brackets ? kBracketGap + 0.04 : 0);
    if (spec.rows.given) {
        std::vector<std::size_t> labels;
        for (std::size_t i = 0; i < rows; ++i)
            labels.push_back(b.add(b.text(spec.rows.names[i], label_size, "sans", kLabel,
                                          {Vec2(-outer_x - kLabelGap, centre_of(i, 0).y()), 1}),
                                   ".rows" + indices({i})));
        members.push_back(b.group(".rows", labels));
    }
    if (spec.columns.given) {
        std::vector<std::size_t> labels;
        const double y = half_h + 0.04 + kLabelGap + 0.6 * text::font_size_to_em(label_size);
        for (std::size_t j = 0; j < columns; ++j)
            labels.push_back(b.add(b.text(spec.columns.names[j], label_size, "sans", kLabel,
                                          {Vec2(centre_of(0, j).x(), y), 0.5}),
                                   ".columns" + indices({j})));
        members.push_back(b.group(".columns", labels));
    }

    std::vector<std::size_t> cells;
    std::vector<std::vector<std::size_t>> by_row(rows), by_column(columns);
    std::vector<std::size_t> diagonal;
    for (std::size_t i = 0; i < rows; ++i)
        for (std::size_t j = 0; j < columns; ++j) {
            const std::string place = indices({i, j});
            const double v = spec.values[i][j];
            const Vec2 c = centre_of(i, j);
            std::vector<std::size_t> parts;
            Color fill = kNeutral;
            std::optional<std::size_t> box_index;
            if (spec.shade) {
                fill = is_masked(v) ? kGrid : signed_color(v, max_abs, kNegative, kNeutral, *spec.shade);
                Object box = b.shape(rectangle_path(c, w - 0.05, h - 0.05, 0.06), fill, is_masked(v) ? 0.5 : 1);
                box_index = b.add(std::move(box), place + ".box");
                parts.push_back(*box_index);
            }
            const double shown = shown_value(spec, v);
            Object value = make_number_object("", mark, glyphs, shown, spec.format, c);
            value.style.fill = is_masked(v) ? kMasked : spec.shade ? text_color_on(fill) : kLightText;
            value.on_box = box_index;  // indicate or set on the cell keeps the number readable
            if (!spec.source.empty())
                value.shown.push_back({format_number(shown, spec.format),
                                       spec.source + (spec.source_is_vector ? indices({j}) : place)});
            parts.push_back(b.add(std::move(value), place + ".value"));
            const std::size_t cell = b.group(place, parts);
            cells.push_back(cell);
            by_row[i].push_back(cell);
            by_column[j].push_back(cell);
            if (i == j) diagonal.push_back(cell);
        }
    std::vector<std::size_t> row_groups, column_groups;
    for (std::size_t i = 0; i < rows; ++i) row_groups.push_back(b.group(".row" + indices({i}), by_row[i]));
    for (std::size_t j = 0; j < columns; ++j) column_groups.push_back(b.group(".column" + indices({j}), by_column[j]));
    b.group(".cells", cells);
    b.group(".grid", row_groups);
    if (!diagonal.empty()) b.group(".diagonal", diagonal);
    const auto& units = spec.reveal == MatrixSpec::Reveal::Row      ? row_groups
                        : spec.reveal == MatrixSpec::Reveal::Column ? column_groups
                                                                    : cells;
    members.insert(members.end(), units.begin(), units.end());

    std::vector<std::size_t> highlights;
    for (std::size_t k = 0; k < spec.highlights.size(); ++k) {
        const MatrixHighlight& hl = spec.highlights[k];
        Object outline = b.outline(Path{}, spec.highlight_color, 4);
        const double pad = 0.03;
        if (hl.kind == MatrixHighlight::Kind::Row)
            outline.parts.push_back(rectangle_path(Vec2(0, centre_of(hl.index, 0).y()), 2 * half_w + pad, h + pad, 0.1));
        else if (hl.kind == MatrixHighlight::Kind::Column)
            outline.parts.push_back(rectangle_path(Vec2(centre_of(0, hl.index).x(), 0), w + pad, 2 * half_h + pad, 0.1));
        else
            for (std::size_t d = 0; d < std::min(rows, columns); ++d)
                outline.parts.push_back(rectangle_path(centre_of(d, d), w + pad, h + pad, 0.1));
        highlights.push_back(b.add(std::move(outline), ".highlight" + indices({k})));
    }
    const std::size_t whole = b.group("", members);
    if (!highlights.empty()) table.follow(whole, b.group(".highlights", highlights));
    return whole;
}

}  // namespace attnreel
