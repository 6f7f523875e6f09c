// Heatmap options: gap, numbers left out when too small, number font and colour, diverging
// scales, the legend, and column labels that turn or thin out so many tokens stay legible.
#include "widgets/heatmap.hpp"

#include <catch2/catch.hpp>

#include <cmath>

using namespace attnreel;
using Catch::Detail::Approx;

namespace {

text::FontLibrary& library() {
    static text::FontLibrary fonts;
    return fonts;
}

struct Built {
    ObjectTable table;
    const Object& at(const std::string& id) const {
        const auto i = table.find(id);
        INFO(id);
        REQUIRE(i);
        return table[*i];
    }
    BBox bounds(const std::string& id) const { return table.bounds(*table.find(id)); }
    bool has(const std::string& id) const { return table.find(id).has_value(); }
};

Built build(const HeatmapSpec& spec) {
    Built b;
    SceneFonts fonts{&library(), {}, 0};
    build_heatmap(b.table, fonts, "hm", spec, {"scene.yaml", 1, 1});
    return b;
}

HeatmapSpec square(std::size_t n, const std::string& prefix = "t") {
    HeatmapSpec s;
    s.values.assign(n, std::vector<double>(n, 0.0));
    for (std::size_t i = 0; i < n; ++i)
        for (std::size_t j = 0; j < n; ++j) s.values[i][j] = double((i * 7 + j * 3) % 10) / 10;
    for (std::size_t j = 0; j < n; ++j) s.column_labels.push_back(prefix + std::to_string(j));
    s.row_labels = s.column_labels;
    return s;
}

std::string column(std::size_t j) { return "hm.columns[" + std::to_string(j) + "]"; }

}  // namespace

TEST_CASE("gap sets the space between cells", "[heatmap]") {
    HeatmapSpec s = square(3);
    s.cell_size = 1;
    s.gap = 0.25;
    const Built b = build(s);
    CHECK(b.bounds("hm[0][0].box").width() == Approx(0.75));
    CHECK(b.bounds("hm[0][1].box").min.x() - b.bounds("hm[0][0].box").max.x() == Approx(0.25));
    s.gap = 1;
    CHECK_THROWS_AS(build(s), InputError);
}

TEST_CASE("a large heatmap fits 7 units by default and leaves out numbers too small to read", "[heatmap]") {
    const Built big = build(square(32));
    BBox cells;
    for (std::size_t c : big.at("hm.cells").children) cells.add(big.table.bounds(c));
    CHECK(cells.width() <= 7 + 1e-9);
    CHECK_FALSE(big.has("hm[0][0].label"));
    HeatmapSpec asked = square(32);
    asked.numbers = true;
    CHECK(build(asked).has("hm[0][0].label"));
    CHECK(build(square(8)).has("hm[0][0].label"));  // 8 × 8: numbers fit at the default size
}

TEST_CASE("number font and colour can be chosen", "[heatmap]") {
    HeatmapSpec s = square(2);
    s.number_color = Color{1, 0, 0, 1};
    s.number_font = "sans";
    const Built b = build(s);
    CHECK(b.at("hm[0][1].label").style.fill == Color{1, 0, 0, 1});
    CHECK_THROWS_AS([&] {
        HeatmapSpec bad = square(2);
        bad.number_font = "monoo";
        build(bad);
    }(), InputError);
}

TEST_CASE("a diverging heatmap colours signed values about mid", "[heatmap]") {
    HeatmapSpec s;
    s.values = {{-2, 0, 1}};
    s.scale.mid = 0;
    const Built b = build(s);
    CHECK(b.at("hm[0][0].box").style.fill == kDivergingLow);
    CHECK(b.at("hm[0][1].box").style.fill == kDivergingMid);
    CHECK(b.at("hm[0][2].box").style.fill == mix_oklab(kDivergingMid, kDivergingHigh, 0.5));
}

TEST_CASE("the legend is a colour bar beside the grid with its end values", "[heatmap]") {
    HeatmapSpec s = square(4);
    s.legend = true;
    s.scale.range = std::pair(0.0, 1.0);
    const Built b = build(s);
    const BBox bar = b.bounds("hm.legend.bar");
    CHECK(bar.min.x() > b.bounds("hm[0][3].box").max.x());
    // One rectangle filled through the scale: low at the bottom, high at the top.
    const Object& filled = b.at("hm.legend.bar");
    REQUIRE(filled.style.gradient);
    const Gradient& g = *filled.style.gradient;
    CHECK(g.from.y() == Approx(bar.min.y()));
    CHECK(g.to.y() == Approx(bar.max.y()));
    CHECK(g.stops.front().second == kScaleLow);
    CHECK(g.stops.back().second == kScaleHigh);
    CHECK(g.stops[g.stops.size() / 2].second == mix_oklab(kScaleLow, kScaleHigh, 0.5));
    CHECK(b.at("hm.legend.ticks[0]").match_key == "heatmap legend.ticks[0]=1.00");
    CHECK(b.at("hm.legend.ticks[1]").match_key == "heatmap legend.ticks[1]=0.00");
    CHECK(b.bounds("hm.legend.ticks[0]").center().y() > b.bounds("hm.legend.ticks[1]").center().y());
    // It belongs to the heatmap, after the cells.
    const Object& hm = b.at("hm");
    CHECK(b.table[hm.children.back()].id == "hm.legend");
}

TEST_CASE("column labels too wide for their columns stand up instead of running together", "[heatmap]") {
    HeatmapSpec s = square(8, "token");
    s.cell_size = 0.5;
    const Built b = build(s);
    for (std::size_t j = 0; j < 8; ++j) {
        const BBox label = b.bounds(column(j)), col = b.bounds("hm[0][" + std::to_string(j) + "].box");
        INFO(j);
        CHECK(label.height() > 2 * label.width());           // turned upright
        CHECK(label.min.y() > col.max.y());                  // above the grid
        CHECK(label.center().x() == Approx(col.center().x()).margin(0.05));
        if (j > 0) CHECK(label.min.x() > b.bounds(column(j - 1)).max.x());  // never touching
    }
    // Short labels stay level, on one baseline.
    HeatmapSpec short_labels = square(3);
    short_labels.column_labels = {"cat", "owl", "ant"};
    const Built level = build(short_labels);
    CHECK(level.bounds(column(1)).width() > level.bounds(column(1)).height());
    CHECK(level.bounds(column(0)).min.y() == Approx(level.bounds(column(2)).min.y()));
}

TEST_CASE("column_label_angle turns the labels, each starting over its column", "[heatmap]") {
    HeatmapSpec s = square(4, "word");
    s.column_label_angle = 45;
    s.cell_size = 0.8;
    const Built b = build(s);
    for (std::size_t j = 0; j < 4; ++j) {
        const BBox label = b.bounds(column(j)), col = b.bounds("hm[0][" + std::to_string(j) + "].box");
        INFO(j);
        CHECK(label.min.y() > col.max.y());
        CHECK(label.min.x() == Approx(col.center().x()).margin(0.12));  // leaning right from its column
        CHECK(label.width() == Approx(label.height()).epsilon(0.35));
    }
}

TEST_CASE("128 labels thin out to every k-th, keeping their column's index", "[heatmap]") {
    const Built b = build(square(128));
    std::size_t shown = 0;
    for (std::size_t j = 0; j < 128; ++j) shown += b.has(column(j));
    CHECK(shown <= 64);
    CHECK(shown >= 16);
    CHECK(b.has(column(0)));
    // Those shown never touch, and are at least 16 px (at 1080p) high.
    double last_right = -1e9;
    for (std::size_t j = 0; j < 128; ++j) {
        if (!b.has(column(j))) continue;
        const BBox label = b.bounds(column(j));
        CHECK(label.min.x() > last_right);
        last_right = label.max.x();
    }
    std::size_t rows = 0;
    for (std::size_t i = 0; i < 128; ++i) rows += b.has("hm.rows[" + std::to_string(i) + "]");
    CHECK(rows <= 64);
}
