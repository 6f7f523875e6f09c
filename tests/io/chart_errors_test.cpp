// Bad input to charts, vectors, matrices and head grids: each is an error at the line and
// column of the mistake that says what was expected.
#include "loader_test_support.hpp"

using namespace attnreel;
using namespace attnreel::testing;

namespace {

const std::string kModel = R"(data:
  tokens: [the, cat, sat]
  model: {d_model: 8, heads: 2, layers: 1, seed: 3, mask: causal}
)";

InputError error_with_model(const std::string& entries) {
    return error_of(kModel + "objects:\n" + entries + "timeline: []\n");
}

}  // namespace

TEST_CASE("labels whose count differs from the values' are an error at the labels", "[charts][errors]") {
    check_exact(error_of(scene_with("  - {id: a, bar_chart: {values: [1, 2, 3], labels: [a, b]}}\n")), 2, 52,
                "expected 3 labels, one per value, found 2");
    // A model row has one value per key: three here.
    check_exact(error_with_model("  - id: a\n    bar_chart: {values: \"model.layer[0].head[0].row[1]\", labels: [x, y]}\n"),
                6, 66, "expected 3 labels, one per value, found 2");
    check_exact(error_with_model("  - id: a\n    softmax_bars: {scores: \"model.layer[0].head[0].scaled_scores.row[2]\", "
                                 "labels: [a, b, c, d]}\n"),
                6, 83, "expected 3 labels, one per value, found 4");
    check_exact(error_of(scene_with("  - {id: m, matrix: {values: [[1, 2], [3, 4]], columns: [a, b, c]}}\n")), 2, 57,
                "expected 2 column labels, one per column of the matrix, found 3");
    check_exact(error_of(scene_with("  - {id: l, line_chart: {values: [1, 2, 3], x_labels: [a]}}\n")), 2, 55,
                "expected 3 labels, one per value, found 1");
}

TEST_CASE("an empty series is an error at the series", "[charts][errors]") {
    check_exact(error_of(scene_with("  - {id: a, bar_chart: {values: []}}\n")), 2, 33,
                "'values' is empty: expected at least one number");
    check_exact(error_of(scene_with("  - {id: a, line_chart: {series: [[1, 2], {values: [], label: x}]}}\n")), 2, 52,
                "'values' is empty: expected at least one number");
    check_exact(error_of(scene_with("  - {id: a, line_chart: {series: []}}\n")), 2, 34,
                "'series' is empty: expected at least one series");
    check_exact(error_of(scene_with("  - {id: a, vector: {values: []}}\n")), 2, 30,
                "'values' is empty: expected at least one number");
}

TEST_CASE("a value not above 0 on a log axis is an error naming the entry", "[charts][errors]") {
    check_exact(error_of(scene_with("  - {id: a, bar_chart: {values: [1, -2, 3], scale: log}}\n")), 2, 33,
                "a log axis needs values above 0, and value 1 is \u22122.0000; use a linear scale (scale: linear, "
                "at bad.yaml:2:52)");
    check_exact(error_of(scene_with("  - {id: a, line_chart: {values: [1, 0, 3], scale: log}}\n")), 2, 34,
                "a log axis needs values above 0, and value 1 is 0.0000; use a linear scale (scale: linear, at "
                "bad.yaml:2:52)");
    check_exact(error_of(scene_with("  - {id: a, bar_chart: {values: [1, 2], range: [0, 10], scale: log}}\n")), 2, 48,
                "a log axis needs a range above 0");
    // From the model: the message names the entry's path.
    const InputError e = error_with_model("  - id: a\n    bar_chart: {values: \"model.layer[0].head[0].scores.row[2]\", "
                                          "scale: log}\n");
    CHECK(e.mark().line == 6);
    CHECK(e.message().find("(model.layer[0].head[0].scores.row[2][") != std::string::npos);
}

TEST_CASE("an unknown path is an error at the path naming the nearest valid one", "[charts][errors]") {
    check_exact(error_with_model("  - {id: a, line_chart: {values: analysis.entropy_by_layr}}\n"), 5, 43,
                "unknown name 'entropy_by_layr' after 'analysis'; did you mean 'analysis.entropy_by_layer'? (valid "
                "here: analysis.layer[L], analysis.entropy_by_layer, analysis.distance_profile)");
    const InputError scores = error_with_model("  - {id: a, softmax_bars: {scores: \"model.layer[0].head[0].scroes.row[1]\"}}\n");
    CHECK(scores.mark().line == 5);
    CHECK(scores.message().find("did you mean 'model.layer[0].head[0].scores'") != std::string::npos);
    const InputError head = error_with_model("  - {id: m, matrix: {path: \"model.layer[0].head[5]\"}}\n");
    CHECK(head.mark().line == 5);
    CHECK(head.message() == "head 5 is out of range (layer 0 has 2)");
    // A matrix where a series is expected says how to pick a vector.
    const InputError shape = error_with_model("  - {id: b, bar_chart: {values: \"model.layer[0].head[0]\"}}\n");
    CHECK(shape.mark().line == 5);
    CHECK(shape.message().find("pick one row with .row[i]") != std::string::npos);
    // A series per row of a matrix: a vector is refused there... and a name is no matrix.
    const InputError series = error_with_model("  - {id: c, line_chart: {series: \"analysis.layer[0].head[0].pattern\"}}\n");
    CHECK(series.mark().line == 5);
    CHECK(series.mark().column == 34);
}

TEST_CASE("a head grid's selection, layer and token out of range are errors at their keys", "[charts][errors]") {
    check_exact(error_with_model("  - {id: g, head_grid: {layer: 3}}\n"), 5, 32,
                "layer 3 is out of range (the model has 1 layer)");
    check_exact(error_with_model("  - {id: g, head_grid: {select: 2}}\n"), 5, 33,
                "head 2 is out of range (layer 0 has 2 heads)");
    check_exact(error_with_model("  - {id: g, head_grid: {diagram: true, token: 7}}\n"), 5, 47,
                "token 7 is out of range (3 queries)");
    check_exact(error_with_model("  - {id: s, layer_stack: {head: 4}}\n"), 5, 33,
                "head 4 is out of range (each layer has 2 heads)");
}
