// Heatmap entries through the loader and compile: numbers taken from the data block's model
// (checked against the attention module's own steps), masks, errors at file:line:col, and
// the timeline growing a heatmap cell by cell.
#include "loader_test_support.hpp"

#include "attention/model.hpp"
#include "attention/softmax.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>

using namespace attnreel;
using namespace attnreel::testing;
using Catch::Detail::Approx;

namespace {

const std::string kData = "data:\n"
                          "  tokens: [the, cat, sat, on]\n"
                          "  model: {d_model: 8, heads: 2, seed: 3, mask: causal}\n";

// The same model as kData, computed here, and head 1's weights recomputed from its Q and K
// step by step: QKᵀ, / √d_k, softmax over the keys the causal mask allows.
struct Expected {
    attention::ComputedModel model;
    Eigen::MatrixXd scaled, weights;
    attention::Mask mask;
};

Expected expected_head1() {
    attention::ModelSpec spec;
    spec.tokens = {"the", "cat", "sat", "on"};
    spec.d_model = 8;
    spec.heads = 2;
    spec.seed = 3;
    spec.mask.kind = attention::MaskKind::causal;
    Expected e{attention::build_model(spec), {}, {}, {}};
    const auto& head = e.model.layers[0].heads[1];
    e.scaled = attention::scale_scores(attention::attention_scores(head.Q, head.K), e.model.d_k);
    e.mask = attention::make_mask(spec.mask, 4, 4);
    e.weights = attention::softmax_rows(e.scaled, e.mask);
    return e;
}

const Object& object(const Scene& s, const std::string& id) {
    const auto i = s.objects.find(id);
    INFO(id);
    REQUIRE(i);
    return s.objects[*i];
}

std::string cell(int i, int j) { return "hm[" + std::to_string(i) + "][" + std::to_string(j) + "]"; }

std::string two_decimals(double v) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.2f", v);
    return buf;
}

// The DrawList items whose path is centred on `c`.
std::vector<DrawItem> items_at(const DrawList& list, const Vec2& c) {
    std::vector<DrawItem> out;
    for (const auto& item : list.items)
        if (!item.path.empty() && (item.path.bounds().center() - c).norm() < 0.02) out.push_back(item);
    return out;
}

}  // namespace

TEST_CASE("a heatmap of a head's weights shows the model's numbers and its causal mask", "[loader][heatmap]") {
    const Scene s = compiled(kData + "objects:\n"
                                     "  - id: hm\n"
                                     "    heatmap: {matrix: \"model.layer[0].head[1]\", rows: $tokens, columns: $tokens}\n"
                                     "timeline: []\n");
    const Expected e = expected_head1();
    int shown = 0;
    for (int i = 0; i < 4; ++i)
        for (int j = 0; j < 4; ++j) {
            INFO(cell(i, j));
            const Object& box = object(s, cell(i, j) + ".box");
            if (!e.mask(i, j)) {
                // Masked (a key after the query): an empty outline, no number.
                CHECK_FALSE(box.style.has_fill());
                CHECK_FALSE(s.objects.find(cell(i, j) + ".label"));
                continue;
            }
            ++shown;
            // Weights are coloured over [0, 1].
            CHECK(box.style.fill == mix_oklab(kScaleLow, kScaleHigh, e.weights(i, j)));
            const Object& label = object(s, cell(i, j) + ".label");
            const std::string text = two_decimals(e.weights(i, j));
            CHECK(label.match_key == "heatmap [" + std::to_string(i) + "][" + std::to_string(j) + "].label=" + text);
            CHECK(label.parts.size() == text.size());  // one glyph per character: "0.42"
        }
    CHECK(shown == 10);
    CHECK(object(s, "hm.rows").children.size() == 4);
    CHECK(object(s, "hm.columns[2]").match_key == "heatmap columns[2]=sat");
}

TEST_CASE("a heatmap of scaled scores spans their own range and masks what the head masks", "[loader][heatmap]") {
    const Scene s = compiled(kData + "objects:\n"
                                     "  - {id: hm, heatmap: {matrix: \"model.layer[0].head[1].scaled_scores\"}}\n"
                                     "timeline: []\n");
    const Expected e = expected_head1();
    double lo = INFINITY, hi = -INFINITY;
    int lo_i = 0, lo_j = 0, hi_i = 0, hi_j = 0;
    for (int i = 0; i < 4; ++i)
        for (int j = 0; j <= i; ++j) {
            if (e.scaled(i, j) < lo) lo = e.scaled(i, j), lo_i = i, lo_j = j;
            if (e.scaled(i, j) > hi) hi = e.scaled(i, j), hi_i = i, hi_j = j;
        }
    CHECK(object(s, cell(lo_i, lo_j) + ".box").style.fill == kScaleLow);
    CHECK(object(s, cell(hi_i, hi_j) + ".box").style.fill == kScaleHigh);
    CHECK_FALSE(object(s, cell(1, 3) + ".box").style.has_fill());
    // The scores above the diagonal exist in the model, but the mask hides them.
    CHECK(std::isfinite(e.model.layers[0].heads[1].scaled_scores(1, 3)));
}

TEST_CASE("heatmap values in the file: -inf masks a cell, range and colours are read", "[loader][heatmap]") {
    const Scene s = compiled(scene_with("  - id: hm\n"
                                        "    heatmap:\n"
                                        "      values: [[0.5, -inf], [2, -.inf]]\n"
                                        "      range: [0, 2]\n"
                                        "      low: black\n"
                                        "      high: white\n"
                                        "      decimals: 1\n"));
    CHECK(object(s, "hm[0][0].box").style.fill == mix_oklab(*parse_color("black"), *parse_color("white"), 0.25));
    CHECK(object(s, "hm[1][0].box").style.fill == *parse_color("white"));
    CHECK_FALSE(object(s, "hm[0][1].box").style.has_fill());
    CHECK_FALSE(object(s, "hm[1][1].box").style.has_fill());
    CHECK(object(s, "hm[0][0].label").match_key == "heatmap [0][0].label=0.5");
}

TEST_CASE("heatmap errors point at the key or value at fault", "[loader][heatmap][errors]") {
    check_exact(error_of(scene_with("  - id: hm\n    heatmap:\n      values: [[1, 2], [3]]\n")), 4, 24,
                "row 1 has 1 value, expected 2 like row 0");
    check_exact(error_of(scene_with("  - {id: hm, heatmap: {values: [[1, x]]}}\n")), 2, 37,
                "expected a number for 'values', found 'x'");
    check_exact(error_of(scene_with("  - {id: hm, heatmap: {values: [1, 2]}}\n")), 2, 33,
                "expected a list of numbers for each row of 'values'");
    check_exact(error_of(scene_with("  - id: hm\n    heatmap:\n      values: [[1, 2]]\n      rows: [a, b]\n")), 5, 13,
                "expected 1 row label, one per row of the matrix, found 2");
    check_exact(error_of(scene_with("  - id: hm\n    heatmap:\n      values: [[1, 2]]\n      columns: [a]\n")), 5, 16,
                "expected 2 column labels, one per column of the matrix, found 1");
    check_exact(error_of(scene_with("  - {id: hm, heatmap: {cell_size: 0.6}}\n")), 2, 23,
                "a heatmap needs 'values' (rows of numbers) or 'matrix' (a model path such as "
                "\"model.layer[0].head[0]\")");
    check_exact(error_of(scene_with("  - {id: hm, heatmap: {values: [[1]], matrix: x}}\n")), 2, 39,
                "a heatmap takes 'values' or 'matrix', not both");
    check_exact(error_of(scene_with("  - {id: hm, heatmap: {values: [[1]], range: [1, 0]}}\n")), 2, 46,
                "'range' needs min < max, found [1, 0]");
    check_exact(error_of(scene_with("  - {id: hm, heatmap: {values: [[1]], range: [1]}}\n")), 2, 46,
                "'range' needs two numbers, [min, max]");
    check_exact(error_of(scene_with("  - {id: hm, heatmap: {values: [[1]], colums: [a]}}\n")), 2, 39,
                "unknown key 'colums' in heatmap; did you mean 'columns'?");
    check_exact(error_of(scene_with("  - {id: hm, heatmap: {values: [[1]], rows: $tokens}}\n")), 2, 45,
                "'$tokens' needs 'tokens' in the data block");

    // Sizes known only from the model are checked when the scene compiles, at the same keys.
    check_exact(error_of(kData + "objects:\n  - id: hm\n    heatmap:\n      matrix: \"model.layer[0].head[0]\"\n"
                                 "      rows: [a, b]\ntimeline: []\n"),
                8, 13, "expected 4 row labels, one per row of the matrix, found 2");
    check_exact(error_of(kData + "objects:\n  - {id: hm, heatmap: {matrix: \"model.layer[0].head[5]\"}}\n"
                                 "timeline: []\n"),
                5, 32, "head 5 is out of range (layer 0 has 2)");
    check_exact(error_of(scene_with("  - {id: hm, heatmap: {matrix: \"model.layer[0].head[0]\"}}\n")), 2, 32,
                "'model.layer[0].head[0]' needs a model in the data block");

    // More than 128×128: 129 rows of one value.
    std::string rows;
    for (int i = 0; i < 129; ++i) rows += std::string(i ? ", " : "") + "[0]";
    check_exact(error_of(scene_with("  - {id: hm, heatmap: {values: [" + rows + "]}}\n")), 2, 32,
                "a heatmap shows at most 128×128 cells; this matrix is 129×1");
    std::string tokens;
    for (int i = 0; i < 129; ++i) tokens += std::string(i ? ", " : "") + "t" + std::to_string(i);
    check_exact(error_of("data:\n  tokens: [" + tokens + "]\n  model: {d_model: 4, heads: 1}\n"
                         "objects:\n  - {id: hm, heatmap: {matrix: \"model.layer[0].head[0].scores\"}}\ntimeline: []\n"),
                5, 32, "a heatmap shows at most 128×128 cells; this matrix is 129×129");
}

TEST_CASE("heatmap ids are references: rows, columns and cells resolve to their entry", "[loader][heatmap]") {
    const Scene s = compiled(scene_with("  - {id: hm, heatmap: {values: [[1, 2], [3, 4]], rows: [a, b], columns: [x, y]}}\n"
                                        "  - {id: mark, dot: {}, move_to: \"hm[1][0]\"}\n"
                                        "  - {id: note, text: keys, next_to: {target: hm.columns, direction: up}}\n"
                                        "  - {id: both, group: [\"hm.row[1]\", \"hm.rows[0]\"]}\n"));
    CHECK((object(s, "mark").parts[0].bounds().center() - s.objects.bounds(*s.objects.find("hm[1][0].box")).center())
              .norm() < 1e-9);
    CHECK(s.objects.bounds(*s.objects.find("note")).min.y() > s.objects.bounds(*s.objects.find("hm.columns")).max.y());
}

TEST_CASE("create with a lag ratio grows a heatmap cell by cell in reading order", "[loader][heatmap][timeline]") {
    const Scene s = compiled("objects:\n"
                             "  - {id: hm, heatmap: {values: [[1, 2], [3, 4]], rows: [a, b], columns: [x, y]}}\n"
                             "timeline:\n"
                             "  - play: {create: hm, lag_ratio: 0.05}\n");
    // Units: the row labels, the column labels, then the four cells.
    auto start_of = [&](const std::string& id) { return s.tracks[*s.objects.find(id)].segments.at(0).start; };
    const double each = 1.0 / (1 + 5 * 0.05);
    CHECK(start_of("hm.rows[0]") == Approx(0));
    CHECK(start_of("hm.rows[1]") == Approx(0));
    CHECK(start_of("hm.columns[0]") == Approx(0.05 * each));
    const std::vector<std::string> reading = {"hm[0][0]", "hm[0][1]", "hm[1][0]", "hm[1][1]"};
    for (std::size_t k = 0; k < reading.size(); ++k) {
        INFO(reading[k]);
        CHECK(start_of(reading[k] + ".box") == Approx((2 + k) * 0.05 * each));
        CHECK(start_of(reading[k] + ".label") == Approx((2 + k) * 0.05 * each));
    }

    // Part way, a cell that started earlier is further along than one that started later:
    // its outline is longer. At the end every box is filled.
    // The outline drawn so far inside a box (Create draws a filled box's outline first).
    auto stroked_length = [&](const DrawList& frame, const std::string& box) {
        const BBox b = s.objects.bounds(*s.objects.find(box));
        double length = 0;
        for (const auto& item : frame.items) {
            const BBox p = item.path.bounds();
            const bool inside = p.min.x() > b.min.x() - 0.01 && p.max.x() < b.max.x() + 0.01 &&
                                p.min.y() > b.min.y() - 0.01 && p.max.y() < b.max.y() + 0.01;
            if (item.stroke && inside) length = std::max(length, item.path.length());
        }
        return length;
    };
    const DrawList early = frame_at(s, 0.2);
    CHECK(stroked_length(early, "hm[0][0].box") > stroked_length(early, "hm[0][1].box"));
    CHECK(stroked_length(early, "hm[0][1].box") > stroked_length(early, "hm[1][0].box"));
    CHECK(stroked_length(early, "hm[1][0].box") > stroked_length(early, "hm[1][1].box"));
    const DrawList before = frame_at(s, 0.5 * 0.05 * each);
    CHECK_FALSE(items_at(before, s.objects.bounds(*s.objects.find("hm[1][1].box")).center()).size());
    const DrawList end = frame_at(s, s.duration);
    for (const auto& id : reading) {
        const auto items = items_at(end, s.objects.bounds(*s.objects.find(id + ".box")).center());
        INFO(id);
        CHECK(std::any_of(items.begin(), items.end(), [](const DrawItem& d) { return d.fill && d.fill->a == 1; }));
    }
}

TEST_CASE("a heatmap transforms into another of the same shape cell by cell", "[loader][heatmap][timeline]") {
    const Scene s = compiled("objects:\n"
                             "  - {id: a, heatmap: {values: [[0, 1], [2, -inf]], columns: [x, y], low: black, high: white}}\n"
                             "  - {id: b, heatmap: {values: [[1, 0], [2, -inf]], columns: [x, y], low: black, high: red}}\n"
                             "timeline:\n"
                             "  - add: a\n"
                             "  - play: {transform: a, to: b, run_time: 1}\n");
    // Each box morphs into its counterpart, blending colours, rather than all of `a`
    // becoming one shape in one colour.
    const DrawList end = frame_at(s, s.duration);
    const Color red = *parse_color("red"), black = *parse_color("black");
    auto fill_at = [&](const std::string& box) -> std::optional<Color> {
        for (const auto& item : items_at(end, s.objects.bounds(*s.objects.find(box)).center()))
            if (item.fill && item.path.bounds().width() > 0.4) return item.fill;
        return std::nullopt;
    };
    // b spans [0, 2]: 1 is half way.
    CHECK(fill_at("b[0][0].box") == mix_oklab(black, red, 0.5));
    CHECK(fill_at("b[0][1].box") == black);
    CHECK(fill_at("b[1][0].box") == red);
    const auto& morph = s.tracks[*s.objects.find("a[0][1].box")].segments.back();
    CHECK(morph.kind == SegmentKind::Morph);
    CHECK(morph.to.style.fill == black);
    // "2.00" stays; "0.00" becoming "1.00" fades out while the new number fades in.
    CHECK(s.tracks[*s.objects.find("a[1][0].label")].segments.back().kind == SegmentKind::Morph);
    CHECK(s.tracks[*s.objects.find("a[0][0].label")].segments.back().kind == SegmentKind::FadeOut);
    CHECK(s.tracks[*s.objects.find("b[0][0].label")].segments.back().kind == SegmentKind::FadeIn);
}
