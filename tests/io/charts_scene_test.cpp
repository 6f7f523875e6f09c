// Charts, vectors, matrices, panels and head grids as a scene file makes them: where their
// parts are (bars stand on the axis, brackets span the matrix, a panel holds what is put
// in it) and which numbers they print (the model's, at the printed precision).
#include "loader_test_support.hpp"

#include "scene/text_object.hpp"
#include "widgets/number_text.hpp"

#include <algorithm>

#include <cmath>

using namespace attnreel;
using namespace attnreel::testing;
using Catch::Detail::Approx;

namespace {

constexpr double kTolerance = 1e-6;

const std::string kModel = R"(data:
  tokens: [the, cat, sat, on, the, mat]
  model: {d_model: 16, heads: 4, layers: 2, seed: 3, mask: causal}
)";

Scene with_model(const std::string& entries, const std::string& timeline = "timeline: []\n") {
    return compiled(kModel + "objects:\n" + entries + timeline);
}

BBox bounds_of(const Scene& scene, const std::string& id) {
    const auto i = scene.objects.find(id);
    INFO(id);
    REQUIRE(i);
    return scene.objects.bounds(*i);
}

bool has(const Scene& scene, const std::string& id) { return scene.objects.find(id).has_value(); }

// What a number leaf prints.
std::string printed(const Scene& scene, const std::string& id) {
    const Object& o = object_named(scene, id);
    INFO(id);
    REQUIRE(o.number);
    return format_number(o.number->value, o.number->format);
}

double model_number(const Scene& scene, const std::string& path) {
    const attention::ModelValue v = scene.model->value(path);
    REQUIRE(v.shape == attention::ModelValue::Shape::number);
    return v.values(0, 0);
}

std::string nth(const std::string& id, std::size_t i) { return id + "[" + std::to_string(i) + "]"; }

// Whether text leaf `id` spells `expected` in `font`: the same glyphs, outline for outline
// (whatever size and place it was set at).
bool spells(const Scene& scene, const std::string& id, const std::string& expected, const std::string& font = "sans") {
    static text::FontLibrary library;
    SceneFonts fonts{&library, {}};
    const Object reference = make_text_object(fonts, "", expected, 24, font, SourceMark{});
    const Object& leaf = object_named(scene, id);
    if (leaf.parts.size() != reference.parts.size()) return false;
    for (std::size_t k = 0; k < leaf.parts.size(); ++k)
        if (!leaf.parts[k].same_structure(reference.parts[k])) return false;
    return true;
}

}  // namespace

TEST_CASE("every bar stands on the axis and is as long as its value", "[charts][bar_chart]") {
    const Scene scene = with_model(R"(  - id: bc
    bar_chart: {values: [0.5, 2, 1.25, 0], height: 4, range: [0, 2]}
    move_to: [1, -0.5]
)");
    const BBox baseline = bounds_of(scene, "bc.baseline");
    const double unit = 4.0 / 2.0;  // the plot's height over the range
    const std::vector<double> values = {0.5, 2, 1.25, 0};
    for (std::size_t i = 0; i < values.size(); ++i) {
        INFO("bar " << i);
        const Object& bar = object_named(scene, nth("bc.bar", i));
        REQUIRE(bar.grow_from);
        CHECK(bar.grow_from->base.y() == Approx(baseline.center().y()).margin(kTolerance));
        CHECK(bar.grow_from->direction == Vec2(0, 1));
        if (values[i] == 0) continue;  // a bar of 0 has no height to measure
        const BBox box = bounds_of(scene, nth("bc.bar", i));
        CHECK(box.min.y() == Approx(baseline.center().y()).margin(kTolerance));
        CHECK(box.height() == Approx(values[i] * unit).margin(kTolerance));
        // Its value sits just above its end, centred on it.
        const BBox value = bounds_of(scene, nth("bc.value", i));
        CHECK(value.min.y() > box.max.y());
        CHECK(value.min.y() < box.max.y() + 0.3);
        CHECK(value.center().x() == Approx(box.center().x()).margin(0.02));
    }
}

TEST_CASE("a negative bar hangs from the zero line, and horizontal bars start at the axis", "[charts][bar_chart]") {
    const Scene scene = with_model(R"(  - id: signed
    bar_chart: {values: [1, -1]}
  - id: across
    bar_chart: {values: [0.25, 0.75], orientation: horizontal, range: [0, 1], width: 4}
    move_to: [0, -2]
)");
    const double zero = bounds_of(scene, "signed.baseline").center().y();
    CHECK(bounds_of(scene, "signed.bar[0]").min.y() == Approx(zero).margin(kTolerance));
    CHECK(bounds_of(scene, "signed.bar[1]").max.y() == Approx(zero).margin(kTolerance));
    CHECK(object_named(scene, "signed.bar[1]").grow_from->direction == Vec2(0, -1));

    const double axis = bounds_of(scene, "across.baseline").center().x();
    for (std::size_t i = 0; i < 2; ++i) {
        const BBox bar = bounds_of(scene, nth("across.bar", i));
        CHECK(bar.min.x() == Approx(axis).margin(kTolerance));
        CHECK(bar.width() == Approx(4 * (i == 0 ? 0.25 : 0.75)).margin(kTolerance));
    }
}

TEST_CASE("while create plays, a bar grows out of the axis and its value counts up", "[charts][bar_chart]") {
    const Scene scene = with_model(R"(  - id: bc
    bar_chart: {values: [2], range: [0, 2], height: 4, color: "#ff0000"}
)",
                                   "timeline:\n  - play: {create: \"bc.bar[0]\", run_time: 2, rate_func: linear}\n");
    const double axis = bounds_of(scene, "bc.baseline").center().y();
    auto drawn_bar = [&](double t) {
        BBox box;
        for (const DrawItem& item : frame_at(scene, t).items)
            if (item.fill && item.fill->r > 0.99 && item.fill->g < 0.01) box.add(item.path.bounds());
        return box;
    };
    const BBox half = drawn_bar(1.0), whole = drawn_bar(2.0);
    REQUIRE(!half.empty());
    CHECK(half.min.y() == Approx(axis).margin(1e-3));
    CHECK(whole.min.y() == Approx(axis).margin(1e-3));
    CHECK(half.height() == Approx(whole.height() / 2).margin(0.02));
    CHECK(whole.height() == Approx(4).margin(1e-3));
}

TEST_CASE("a bar chart of a head's row prints the model's weights as percentages", "[charts][bar_chart]") {
    const Scene scene = with_model(R"(  - id: bc
    bar_chart: {values: "model.layer[1].head[2].row[3]", format: percent}
)");
    const std::vector<std::string> tokens = {"the", "cat", "sat", "on", "the", "mat"};
    for (std::size_t j = 0; j < tokens.size(); ++j) {
        INFO("key " << j);
        const std::string entry = "model.layer[1].head[2][3][" + std::to_string(j) + "]";
        // Keys after "on" are hidden by the causal mask: no bar, and 0 %.
        const double w = j <= 3 ? model_number(scene, entry) : 0.0;
        const std::string expected = std::to_string(int(std::lround(w * 100))) + "%";
        CHECK(printed(scene, nth("bc.value", j)) == expected);
        // Labels default to the keys' tokens.
        CHECK(object_named(scene, nth("bc.label", j)).match_key.ends_with("=" + tokens[j]));
    }
    const Object& value = object_named(scene, "bc.value[1]");
    REQUIRE(value.shown.size() == 1);
    CHECK(value.shown[0].path == "model.layer[1].head[2].weights.row[3][1]");
}

TEST_CASE("softmax bars show the head's own weights, summing to 100 %", "[charts][softmax_bars]") {
    const Scene scene = with_model(R"(  - id: sm
    softmax_bars: {scores: "model.layer[0].head[1].scaled_scores.row[3]"}
)");
    double sum = 0, exp_sum = 0;
    for (std::size_t j = 0; j < 6; ++j) {
        INFO("key " << j);
        const double w = object_named(scene, nth("sm.weights.value", j)).number->value;
        sum += w;
        if (j > 3) {
            // Masked keys: −∞ as a score, no bar, weight 0.
            CHECK(printed(scene, nth("sm.scores.value", j)) == "\u2212\u221e");
            CHECK(w == 0);
            continue;
        }
        const double score = model_number(scene, "model.layer[0].head[1].scaled_scores[3][" + std::to_string(j) + "]");
        const double weight = model_number(scene, "model.layer[0].head[1][3][" + std::to_string(j) + "]");
        CHECK(printed(scene, nth("sm.scores.value", j)) == format_number(score, 2));
        CHECK(object_named(scene, nth("sm.exp.value", j)).number->value == Approx(std::exp(score)));
        CHECK(w == Approx(weight).margin(1e-12));
        CHECK(printed(scene, nth("sm.weights.value", j)) == format_number(weight, NumberFormat{0, true}));
        exp_sum += std::exp(score);
        // The weight's bar is its share of the track.
        const double track = bounds_of(scene, nth("sm.weights.track", j)).width();
        if (weight > 0.05) CHECK(bounds_of(scene, nth("sm.weights.bar", j)).width() == Approx(weight * track).margin(1e-6));
    }
    CHECK(sum == Approx(1).margin(1e-12));
    CHECK(spells(scene, "sm.weights.sum", "\u03a3 = 100%"));
    CHECK(spells(scene, "sm.exp.sum", "\u03a3 = " + format_number(exp_sum, 2)));
}

TEST_CASE("the brackets of a matrix span its rows, just outside its columns", "[charts][matrix]") {
    const Scene scene = with_model(R"(  - id: m
    matrix: {path: "model.layer[0].head[0].scores", rows: $tokens, columns: $tokens, shade: "#8B5CF6"}
    move_to: [1, 0.5]
)");
    const BBox cells = bounds_of(scene, "m.cells");
    const BBox left = bounds_of(scene, "m.brackets.left"), right = bounds_of(scene, "m.brackets.right");
    for (const BBox& b : {left, right}) {
        CHECK(b.min.y() <= cells.min.y());
        CHECK(b.max.y() >= cells.max.y());
        CHECK(b.height() < cells.height() + 0.4);  // fitted, not towering over the grid
    }
    // The brackets' strokes may graze the outer cells by a hair (under a pixel at 1080p).
    CHECK(left.max.x() <= cells.min.x() + 0.01);
    CHECK(left.max.x() > cells.min.x() - 0.3);
    CHECK(right.min.x() >= cells.max.x() - 0.01);
    CHECK(right.min.x() < cells.max.x() + 0.3);
    // Row labels left of the left bracket, column labels above the grid.
    CHECK(bounds_of(scene, "m.rows[0]").max.x() < left.min.x());
    CHECK(bounds_of(scene, "m.columns[0]").min.y() > cells.max.y());
}

TEST_CASE("a matrix prints the model's numbers, and −∞ where the mask hides a key", "[charts][matrix]") {
    const Scene scene = with_model(R"(  - id: m
    matrix: {path: "model.layer[0].head[0].scores"}
)");
    for (std::size_t i = 0; i < 6; ++i)
        for (std::size_t j = 0; j < 6; ++j) {
            INFO(i << ", " << j);
            const std::string id = "m[" + std::to_string(i) + "][" + std::to_string(j) + "].value";
            if (j > i) {
                CHECK(printed(scene, id) == "\u2212\u221e");
                continue;
            }
            const double s = model_number(scene, "model.layer[0].head[0].scores[" + std::to_string(i) + "][" +
                                                     std::to_string(j) + "]");
            CHECK(printed(scene, id) == format_number(s, 2));
            REQUIRE(object_named(scene, id).shown.size() == 1);
        }
}

TEST_CASE("what is put in a panel stays inside its room, against the edges 'at' names", "[charts][panel]") {
    const Scene scene = with_model(R"(  - {id: panel_b, panel: {title: Attention, width: 4.4, height: 6}, move_to: [2, -0.5]}
  - id: m
    matrix: {path: "model.layer[0].head[0]", rows: $tokens, columns: $tokens}
    in: panel_b
    at: top_left
  - id: v
    vector: {values: "model.layer[0].head[0].q.row[1]", label: 'q_1'}
    in: panel_b
    at: bottom_right
  - id: wide
    bar_chart: {values: [1, 2, 3], width: 20, height: 10}
    in: panel_b
    at: center
)");
    const BBox room = bounds_of(scene, "panel_b.area");
    const BBox box = bounds_of(scene, "panel_b.box");
    CHECK(room.min.x() > box.min.x());
    CHECK(room.max.y() < bounds_of(scene, "panel_b.title").min.y());
    for (const std::string id : {"m", "v", "wide"}) {
        INFO(id);
        const BBox b = bounds_of(scene, id);
        CHECK(b.min.x() >= room.min.x() - kTolerance);
        CHECK(b.max.x() <= room.max.x() + kTolerance);
        CHECK(b.min.y() >= room.min.y() - kTolerance);
        CHECK(b.max.y() <= room.max.y() + kTolerance);
    }
    const BBox m = bounds_of(scene, "m"), v = bounds_of(scene, "v");
    CHECK(m.min.x() == Approx(room.min.x()).margin(kTolerance));
    CHECK(m.max.y() == Approx(room.max.y()).margin(kTolerance));
    CHECK(v.max.x() == Approx(room.max.x()).margin(kTolerance));
    CHECK(v.min.y() == Approx(room.min.y()).margin(kTolerance));
    // Too large for the room: shrunk to fit it, centred.
    CHECK(bounds_of(scene, "wide").center().x() == Approx(room.center().x()).margin(kTolerance));
}

TEST_CASE("a panel's shadow lies outside its box, mostly below it", "[charts][panel]") {
    const Scene scene = with_model("  - {id: p, panel: {title: A, width: 4, height: 3}}\n");
    const BBox box = bounds_of(scene, "p.box"), shadow = bounds_of(scene, "p.shadow");
    CHECK(shadow.min.y() < box.min.y());
    CHECK(box.min.y() - shadow.min.y() > shadow.max.y() - box.max.y());  // deeper below than above
    CHECK(shadow.min.x() - box.min.x() == Approx(box.max.x() - shadow.max.x()).margin(kTolerance));  // even sides
    // Every ring leaves the box out, so the translucent box shows no shadow through it:
    // each part winds its outer edge and the box opposite ways (signed areas of opposite sign).
    auto signed_area = [](const Path::Polyline& p) {
        double a = 0;
        for (std::size_t i = 0; i < p.points.size(); ++i) {
            const Vec2& u = p.points[i];
            const Vec2& w = p.points[(i + 1) % p.points.size()];
            a += u.x() * w.y() - w.x() * u.y();
        }
        return a / 2;
    };
    for (const Path& part : object_named(scene, "p.shadow").parts) {
        const auto rings = part.flatten();
        REQUIRE(rings.size() == 2);
        CHECK(signed_area(rings[0]) * signed_area(rings[1]) < 0);
    }
}

TEST_CASE("a vector prints the model's q row, coloured by sign", "[charts][vector]") {
    const Scene scene = with_model(R"(  - id: q
    vector: {values: "model.layer[0].head[0].q.row[2]", color: "#3B82F6", negative_color: "#f43f5e"}
)");
    const attention::ModelValue q = scene.model->value("model.layer[0].head[0].q.row[2]");
    REQUIRE(q.values.cols() == 4);
    double max_abs = 0;
    for (Eigen::Index j = 0; j < 4; ++j) max_abs = std::max(max_abs, std::abs(q.values(0, j)));
    for (Eigen::Index j = 0; j < 4; ++j) {
        INFO("entry " << j);
        const std::string id = "q[" + std::to_string(j) + "]";
        CHECK(printed(scene, id + ".value") == format_number(q.values(0, j), 2));
        const Color fill = object_named(scene, id + ".box").style.fill;
        // Blue above 0 (more blue than red), rose below.
        if (q.values(0, j) > 0.2 * max_abs) CHECK(fill.b > fill.r);
        if (q.values(0, j) < -0.2 * max_abs) CHECK(fill.r > fill.b);
    }
    // The largest magnitude takes the full colour.
    for (Eigen::Index j = 0; j < 4; ++j)
        if (std::abs(q.values(0, j)) == max_abs) {
            const Color fill = object_named(scene, "q[" + std::to_string(j) + "].box").style.fill;
            const Color full = q.values(0, j) > 0 ? Color{0x3b / 255.0, 0x82 / 255.0, 0xf6 / 255.0, 1}
                                                  : Color{0xf4 / 255.0, 0x3f / 255.0, 0x5e / 255.0, 1};
            CHECK(fill.r == Approx(full.r).margin(1e-6));
            CHECK(fill.g == Approx(full.g).margin(1e-6));
            CHECK(fill.b == Approx(full.b).margin(1e-6));
        }
}

TEST_CASE("vectors of like magnitudes print their numbers at one size, whatever their signs", "[charts][vector]") {
    const Scene scene = with_model(R"(  - {id: a, vector: {values: [0.5, 1.25]}}
  - {id: b, vector: {values: [-0.5, -1.25]}, shift: [0, -1]}
)");
    CHECK(bounds_of(scene, "a[1].value").height() == Approx(bounds_of(scene, "b[1].value").height()).margin(1e-9));
}

TEST_CASE("an embedding of a token is that token's row of the model's embeddings", "[charts][embedding]") {
    const Scene scene = with_model("  - {id: e, embedding: {token: sat}}\n");
    const attention::ModelValue row = scene.model->value("model.embeddings.row[2]");
    REQUIRE(row.values.cols() == 16);
    CHECK(has(scene, "e[15].box"));
    CHECK_FALSE(has(scene, "e[16].box"));
    CHECK_FALSE(has(scene, "e[0].value"));  // squares without numbers
    // The strongest entry is drawn in full colour.
    Eigen::Index strongest = 0;
    row.values.row(0).cwiseAbs().maxCoeff(&strongest);
    const Color fill = object_named(scene, "e[" + std::to_string(strongest) + "].box").style.fill;
    CHECK(std::max({fill.r, fill.g, fill.b}) > 0.9);
}

TEST_CASE("a line chart of the distance profile has a line per layer through the analysis' figures", "[charts][line_chart]") {
    const Scene scene = with_model(R"(  - id: lc
    line_chart: {series: analysis.distance_profile, value_labels: true, decimals: 3}
)");
    const attention::ModelValue profile = scene.model->value("analysis.distance_profile");
    REQUIRE(profile.values.rows() == 2);
    CHECK(has(scene, "lc.series[1]"));
    CHECK_FALSE(has(scene, "lc.series[2]"));
    for (Eigen::Index l = 0; l < 2; ++l) {
        INFO("layer " << l);
        const std::string series = "lc.series[" + std::to_string(l) + "]";
        CHECK(spells(scene, series + ".label", "layer " + std::to_string(l)));
        for (Eigen::Index d = 0; d < profile.values.cols(); ++d)
            CHECK(printed(scene, series + ".value[" + std::to_string(d) + "]") == format_number(profile.values(l, d), 3));
    }
    // Distances 0, 1, 2… along x.
    CHECK(spells(scene, "lc.x_axis.tick[5].label", "5"));
}

TEST_CASE("a line chart of entropy by layer shows each layer's mean entropy", "[charts][line_chart]") {
    const Scene scene = with_model(R"(  - id: lc
    line_chart: {values: analysis.entropy_by_layer, value_labels: true}
)");
    for (int l = 0; l < 2; ++l) {
        const double mean = model_number(scene, "analysis.layer[" + std::to_string(l) + "].entropy");
        CHECK(printed(scene, "lc.series[0].value[" + std::to_string(l) + "]") == format_number(mean, 2));
    }
}

TEST_CASE("a head grid names each head's pattern and feeds the diagram from the model", "[charts][head_grid]") {
    const Scene scene = with_model("  - {id: heads, head_grid: {layer: 1, diagram: true, token: 2}}\n");
    for (int h = 0; h < 4; ++h) {
        INFO("head " << h);
        std::string pattern = scene.model->value("analysis.layer[1].head[" + std::to_string(h) + "].pattern").name;
        std::replace(pattern.begin(), pattern.end(), '_', ' ');
        CHECK(spells(scene, "heads[" + std::to_string(h) + "].caption", pattern));
    }
    // The output squares: token 2's attention output, blue-ish above 0 and rose below.
    const attention::ModelValue out = scene.model->value("model.layer[1].attention_output.row[2]");
    REQUIRE(out.values.cols() == 16);
    CHECK(has(scene, "heads.diagram.output.vector[15].box"));
    CHECK_FALSE(has(scene, "heads.diagram.output.vector[16].box"));
    const double largest = out.values.cwiseAbs().maxCoeff();
    for (Eigen::Index j = 0; j < 16; ++j) {
        INFO("output " << j);
        const Color fill = object_named(scene, "heads.diagram.output.vector[" + std::to_string(j) + "].box").style.fill;
        if (out.values(0, j) > 0.3 * largest) CHECK(fill.b > fill.r);
        if (out.values(0, j) < -0.3 * largest) CHECK(fill.r > fill.b);
    }
}

TEST_CASE("a layer stack has a thumbnail per layer, captioned with its mean entropy", "[charts][layer_stack]") {
    const Scene scene = with_model("  - {id: stack, layer_stack: {}}\n");
    CHECK(has(scene, "stack[1]"));
    CHECK_FALSE(has(scene, "stack[2]"));
    const double entropy = model_number(scene, "analysis.layer[1].entropy");
    CHECK(spells(scene, "stack[1].caption", "entropy " + format_number(entropy, 2)));
}

TEST_CASE("a line chart's value labels keep clear of the line: above a peak, below a valley", "[charts][line_chart]") {
    const Scene scene = with_model(R"(  - id: lc
    line_chart: {values: [1, 0.5, 2, 1.5], value_labels: true, range: [0, 2], height: 4}
)");
    const BBox plot = bounds_of(scene, "lc.x_axis.line");
    auto y_of = [&](double v) { return plot.min.y() + 4 * v / 2; };
    const std::vector<double> values = {1, 0.5, 2, 1.5};
    for (std::size_t i = 0; i < values.size(); ++i) {
        INFO("point " << i);
        const BBox label = bounds_of(scene, "lc.series[0].value[" + std::to_string(i) + "]");
        // From points 1 and 3 the line rises on every side it has: their labels go below.
        if (i == 1 || i == 3) CHECK(label.max.y() < y_of(values[i]));
        else CHECK(label.min.y() > y_of(values[i]));
    }
}
