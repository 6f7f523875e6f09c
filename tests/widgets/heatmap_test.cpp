#include "widgets/heatmap.hpp"
#include "widgets/number_text.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <limits>

using namespace attnreel;
using Catch::Detail::Approx;

namespace {

constexpr double kMasked = -std::numeric_limits<double>::infinity();
const SourceMark kMark{"scene.yaml", 4, 5};

text::FontLibrary& library() {
    static text::FontLibrary fonts;
    return fonts;
}

HeatmapSpec spec_of(std::vector<std::vector<double>> values) {
    HeatmapSpec s;
    s.values = std::move(values);
    s.values_mark = {"scene.yaml", 5, 15};
    s.rows_mark = {"scene.yaml", 6, 13};
    s.columns_mark = {"scene.yaml", 7, 16};
    return s;
}

struct Built {
    ObjectTable table;
    std::size_t index = 0;

    const Object& at(const std::string& id) const {
        const auto i = table.find(id);
        INFO(id);
        REQUIRE(i);
        return table[*i];
    }
    BBox bounds(const std::string& id) const { return table.bounds(*table.find(id)); }
};

Built build(const HeatmapSpec& spec) {
    Built b;
    SceneFonts fonts{&library(), {}, 0};
    b.index = build_heatmap(b.table, fonts, "hm", spec, kMark);
    return b;
}

InputError error_of(const HeatmapSpec& spec) {
    try {
        build(spec);
    } catch (const InputError& e) {
        return e;
    }
    FAIL("expected an InputError");
    throw std::logic_error("unreachable");
}

}  // namespace

TEST_CASE("heatmap cells sit on a regular grid centred on the origin, row 0 at the top", "[heatmap]") {
    HeatmapSpec s = spec_of({{1, 2, 3}, {4, 5, 6}});
    s.cell_size = 0.8;
    const Built b = build(s);
    for (int i = 0; i < 2; ++i)
        for (int j = 0; j < 3; ++j) {
            const BBox box = b.bounds("hm[" + std::to_string(i) + "][" + std::to_string(j) + "].box");
            INFO(i << "," << j);
            CHECK(box.center().x() == Approx((j - 1) * 0.8).margin(1e-9));
            CHECK(box.center().y() == Approx((0.5 - i) * 0.8).margin(1e-9));
            // Square, and a thin gap to the next cell.
            CHECK(box.width() == Approx(box.height()));
            CHECK(box.width() < 0.8);
            CHECK(box.width() > 0.8 * 0.85);
        }
    BBox cells;
    for (std::size_t c : b.at("hm.cells").children) cells.add(b.table.bounds(c));
    CHECK(cells.center().x() == Approx(0).margin(1e-9));
    CHECK(cells.center().y() == Approx(0).margin(1e-9));
}

TEST_CASE("heatmap labels stand left of their rows and above their columns", "[heatmap]") {
    HeatmapSpec s = spec_of({{1, 2, 3}, {4, 5, 6}});
    s.row_labels = {"query", "q"};
    s.column_labels = {"the", "cat", "sat"};
    const Built b = build(s);
    const double grid_left = b.bounds("hm[0][0].box").min.x(), grid_top = b.bounds("hm[0][0].box").max.y();
    for (int i = 0; i < 2; ++i) {
        const BBox label = b.bounds("hm.rows[" + std::to_string(i) + "]");
        const BBox row = b.bounds("hm[" + std::to_string(i) + "][0].box");
        CHECK(label.max.x() < grid_left);
        CHECK(label.max.x() > grid_left - 0.3);  // near the grid, not far off
        CHECK(label.min.y() > row.min.y());
        CHECK(label.max.y() < row.max.y());
    }
    // Right-aligned: both row labels end at the same x.
    CHECK(b.bounds("hm.rows[0]").max.x() == Approx(b.bounds("hm.rows[1]").max.x()).margin(1e-9));
    double baseline = 0;
    for (int j = 0; j < 3; ++j) {
        const BBox label = b.bounds("hm.columns[" + std::to_string(j) + "]");
        const BBox column = b.bounds("hm[0][" + std::to_string(j) + "].box");
        CHECK(label.min.y() > grid_top);
        CHECK(label.center().x() == Approx(column.center().x()).margin(0.03));
        CHECK(label.width() < column.width() + 0.05);  // fitted to its column
        if (j == 0) baseline = label.min.y();
    }
    // One baseline: "the" and "cat" have no descenders, so their ink bottoms agree.
    CHECK(b.bounds("hm.columns[1]").min.y() == Approx(baseline).margin(1e-3));
}

TEST_CASE("heatmap ids: cells, rows, columns and labels", "[heatmap]") {
    HeatmapSpec s = spec_of({{1, 2}, {3, 4}, {5, 6}});
    s.row_labels = {"a", "b", "c"};
    s.column_labels = {"x", "y"};
    const Built b = build(s);
    const Object& hm = b.at("hm");
    CHECK(hm.is_group());
    CHECK(b.table.find("hm") == b.index);
    // The label groups, then the cells in reading order: a lag over `hm` goes cell by cell.
    REQUIRE(hm.children.size() == 2 + 6);
    CHECK(b.table[hm.children[0]].id == "hm.rows");
    CHECK(b.table[hm.children[1]].id == "hm.columns");
    CHECK(b.table[hm.children[2]].id == "hm[0][0]");
    CHECK(b.table[hm.children[3]].id == "hm[0][1]");
    CHECK(b.table[hm.children[4]].id == "hm[1][0]");
    CHECK(b.table[hm.children[7]].id == "hm[2][1]");
    // A cell is its box and its number.
    const Object& cell = b.at("hm[1][0]");
    REQUIRE(cell.children.size() == 2);
    CHECK(b.table[cell.children[0]].id == "hm[1][0].box");
    CHECK(b.table[cell.children[1]].id == "hm[1][0].label");
    CHECK(b.at("hm[1][0].label").shape == ObjectShape::Text);
    // Rows, columns and all rows hold the same cells.
    const Object& row = b.at("hm.row[2]");
    REQUIRE(row.children.size() == 2);
    CHECK(b.table[row.children[0]].id == "hm[2][0]");
    CHECK(b.table[row.children[1]].id == "hm[2][1]");
    const Object& column = b.at("hm.column[1]");
    REQUIRE(column.children.size() == 3);
    CHECK(b.table[column.children[2]].id == "hm[2][1]");
    const Object& grid = b.at("hm.grid");
    REQUIRE(grid.children.size() == 3);
    CHECK(b.table[grid.children[1]].id == "hm.row[1]");
    // The cells without the labels, in reading order.
    const Object& cells = b.at("hm.cells");
    REQUIRE(cells.children.size() == 6);
    CHECK(std::equal(cells.children.begin(), cells.children.end(), hm.children.begin() + 2));
    CHECK(b.at("hm.rows").children.size() == 3);
    CHECK(b.at("hm.columns[1]").shape == ObjectShape::Text);
    // Without labels there are no label groups.
    const Built bare = build(spec_of({{1}}));
    CHECK_FALSE(bare.table.find("hm.rows"));
    CHECK_FALSE(bare.table.find("hm.columns"));
    CHECK(bare.at("hm").children.size() == 1);
}

TEST_CASE("heatmap colours run from low at the minimum to high at the maximum, mixed in OKLab", "[heatmap]") {
    HeatmapSpec s = spec_of({{-2, 0, 6}});
    const Color low{0.1, 0.2, 0.3, 1}, high{1, 0.8, 0.2, 1};
    s.scale.low = low;
    s.scale.high = high;
    const Built b = build(s);
    CHECK(b.at("hm[0][0].box").style.fill == low);
    CHECK(b.at("hm[0][2].box").style.fill == high);
    CHECK(b.at("hm[0][1].box").style.fill == mix_oklab(low, high, 0.25));
    CHECK(b.at("hm[0][1].box").style.fill_opacity == 1);

    // A given range: values beyond it take its end colours.
    s.scale.range = std::pair(0.0, 4.0);
    const Built ranged = build(s);
    CHECK(ranged.at("hm[0][0].box").style.fill == low);
    CHECK(ranged.at("hm[0][1].box").style.fill == low);
    CHECK(ranged.at("hm[0][2].box").style.fill == high);
    CHECK(heatmap_scale(s).at(1.0) == mix_oklab(low, high, 0.25));
}

TEST_CASE("heatmap numbers stay readable: dark on light cells, light on dark ones", "[heatmap]") {
    HeatmapSpec s = spec_of({{0, 1}});
    s.scale.low = Color{0.05, 0.05, 0.1, 1};
    s.scale.high = Color{1, 0.95, 0.7, 1};
    const Built b = build(s);
    const Color on_dark = b.at("hm[0][0].label").style.fill, on_light = b.at("hm[0][1].label").style.fill;
    auto lightness = [](const Color& c) { return 0.2126 * c.r + 0.7152 * c.g + 0.0722 * c.b; };
    CHECK(lightness(on_dark) > 0.8);
    CHECK(lightness(on_light) < 0.2);
}

TEST_CASE("heatmap numbers are printed with the decimals asked for, fitted inside their cells", "[heatmap]") {
    CHECK(format_number(0.4567, 2) == "0.46");
    CHECK(format_number(-1.5, 1) == "\u22121.5");  // a real minus sign
    CHECK(format_number(-0.001, 2) == "0.00");      // no "−0.00"
    CHECK(format_number(12, 0) == "12");

    HeatmapSpec s = spec_of({{0.25, -12.5}, {3, 1}});
    const Built b = build(s);
    for (const char* id : {"hm[0][0]", "hm[0][1]", "hm[1][0]", "hm[1][1]"}) {
        const BBox box = b.bounds(std::string(id) + ".box"), label = b.bounds(std::string(id) + ".label");
        INFO(id);
        CHECK(label.min.x() > box.min.x());
        CHECK(label.max.x() < box.max.x());
        CHECK(label.min.y() > box.min.y());
        CHECK(label.max.y() < box.max.y());
        CHECK(label.center().y() == Approx(box.center().y()).margin(1e-6));
    }
    // "−12.50" is the widest number and nearly fills its box; all numbers share one size,
    // so a digit is as tall in every cell.
    CHECK(b.bounds("hm[0][1].label").width() > 0.6 * b.bounds("hm[0][1].box").width());
    CHECK(b.bounds("hm[1][0].label").height() == Approx(b.bounds("hm[1][1].label").height()).epsilon(0.02));
    // "0.25" holds four glyphs, the '.' included.
    CHECK(b.at("hm[0][0].label").parts.size() == 4);

    s.numbers = false;
    const Built plain = build(s);
    CHECK_FALSE(plain.table.find("hm[0][0].label"));
    CHECK(plain.at("hm[0][0]").children.size() == 1);
}

TEST_CASE("heatmap masked cells are empty dim outlines without a number", "[heatmap]") {
    HeatmapSpec s = spec_of({{1, kMasked}, {0.5, 2}});
    const Built b = build(s);
    const Object& box = b.at("hm[0][1].box");
    CHECK_FALSE(box.style.has_fill());
    CHECK(box.style.has_stroke());
    CHECK(box.style.stroke_width <= 2);
    CHECK_FALSE(b.table.find("hm[0][1].label"));
    CHECK(b.at("hm[0][1]").children.size() == 1);
    // The mask is left out of the range: 0.5 is the minimum.
    CHECK(b.at("hm[1][0].box").style.fill == kScaleLow);
    CHECK(heatmap_scale(s).range == std::pair(0.5, 2.0));
}

TEST_CASE("heatmap leaves carry match keys that pair cells of two heatmaps", "[heatmap]") {
    HeatmapSpec s = spec_of({{1, 2}});
    s.row_labels = {"a"};
    const Built b = build(s);
    CHECK(b.at("hm[0][1].box").match_key == "heatmap [0][1].box");
    CHECK(b.at("hm[0][1].label").match_key == "heatmap [0][1].label=2.00");
    CHECK(b.at("hm.rows[0]").match_key == "heatmap rows[0]=a");
}

TEST_CASE("heatmap sizes are checked: rectangular, at most 128×128, one label per row and column", "[heatmap]") {
    InputError e = error_of(spec_of({{1, 2}, {3}}));
    CHECK(e.mark().line == 5);
    CHECK(e.message() == "row 1 has 1 value, expected 2 like row 0");

    e = error_of(spec_of(std::vector<std::vector<double>>(129, std::vector<double>(3, 0.0))));
    CHECK(e.mark().line == 5);
    CHECK(e.message() == "a heatmap shows at most 128×128 cells; this matrix is 129×3");
    CHECK_NOTHROW(build(spec_of(std::vector<std::vector<double>>(1, std::vector<double>(128, 0.0)))));

    HeatmapSpec s = spec_of({{1, 2}});
    s.row_labels = {"a", "b"};
    e = error_of(s);
    CHECK(e.mark().line == 6);
    CHECK(e.mark().column == 13);
    CHECK(e.message() == "expected 1 row label, one per row of the matrix, found 2");
    s.row_labels = {"a"};
    s.column_labels = {"x"};
    e = error_of(s);
    CHECK(e.mark().line == 7);
    CHECK(e.message() == "expected 2 column labels, one per column of the matrix, found 1");

    e = error_of(spec_of({}));
    CHECK(e.message() == "a heatmap needs at least one row of values");
}

TEST_CASE("a heatmap whose cells are all masked or all equal still builds", "[heatmap]") {
    const Built masked = build(spec_of({{kMasked, kMasked}}));
    CHECK_FALSE(masked.table.find("hm[0][0].label"));
    HeatmapSpec s = spec_of({{3, 3}});
    const Built flat = build(s);
    CHECK(flat.at("hm[0][0].box").style.fill == mix_oklab(kScaleLow, kScaleHigh, 0.5));
}
