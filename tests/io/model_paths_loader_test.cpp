// Model paths in scene files: slices reach widgets, every label records the path of the
// number it shows, and a wrong path is an error at its line and column.
#include "loader_test_support.hpp"

#include <cstdio>

using namespace attnreel;
using namespace attnreel::testing;

namespace {

const std::string kData = "data:\n"
                          "  tokens: [the, cat, sat, on]\n"
                          "  model: {d_model: 8, heads: 2, seed: 3, mask: causal}\n";

const Object& object(const Scene& s, const std::string& id) {
    const auto i = s.objects.find(id);
    INFO(id);
    REQUIRE(i);
    return s.objects[*i];
}

std::string two_decimals(double v) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.2f", v);
    return std::string(buf) == "-0.00" ? "0.00" : buf;
}

}  // namespace

TEST_CASE("a heatmap of a vector path is one row, each label names the entry it shows", "[loader][path]") {
    const Scene s = compiled(kData + "objects:\n"
                                     "  - {id: hm, heatmap: {matrix: \"model.layer[0].head[1].row[2]\", columns: $tokens}}\n"
                                     "timeline: []\n");
    const attention::ModelValue row = s.model->value("model.layer[0].head[1].row[2]");
    for (int j = 0; j < 3; ++j) {
        const Object& label = object(s, "hm[0][" + std::to_string(j) + "].label");
        REQUIRE(label.shown.size() == 1);
        CHECK(label.shown[0].path == "model.layer[0].head[1].weights.row[2][" + std::to_string(j) + "]");
        CHECK(label.shown[0].text == two_decimals(row.values(0, j)));
    }
    CHECK_FALSE(s.objects.find("hm[0][3].label"));  // "on" comes after "sat": masked, no number
    CHECK_FALSE(s.objects.find("hm[1][0]"));
}

TEST_CASE("attention arrows take a vector path whole and label each arrow with its entry", "[loader][path]") {
    const Scene s = compiled(kData + "objects:\n"
                                     "  - {id: row, token_row: {tokens: $tokens}}\n"
                                     "  - {id: arrows, attention_arrows: {row: row, source: 3, "
                                     "weights: \"model.layer[0].head_mean.row[3]\"}}\n"
                                     "timeline: []\n");
    const attention::ModelValue mean = s.model->value("model.layer[0].head_mean");
    const Object& label = object(s, "arrows.labels[1].text");
    REQUIRE(label.shown.size() == 1);
    CHECK(label.shown[0].path == "model.layer[0].head_mean.row[3][1]");
    CHECK(label.shown[0].text == two_decimals(mean.values(3, 1)));

    // A matrix path gives the source's row; its labels name that row.
    const Scene m = compiled(kData + "objects:\n"
                                     "  - {id: row, token_row: {tokens: $tokens}}\n"
                                     "  - {id: arrows, attention_arrows: {row: row, source: 2, "
                                     "weights: \"model.layer[0].head[0]\"}}\n"
                                     "timeline: []\n");
    CHECK(object(m, "arrows.labels[0].text").shown.at(0).path == "model.layer[0].head[0].weights.row[2][0]");
}

TEST_CASE("typed numbers carry no model path", "[loader][path]") {
    const Scene s = compiled(scene_with("  - {id: hm, heatmap: {values: [[0.5, 0.25]]}}\n"));
    CHECK(object(s, "hm[0][0].label").shown.empty());
}

TEST_CASE("a path's grammar is checked when the file loads, at the mistake's own column", "[loader][path]") {
    // Plain scalar: the column of the misspelt name itself.
    check_exact(error_of(kData + "objects:\n  - id: hm\n    heatmap:\n      matrix: model.layer[0].head[1].scroes\n"
                                 "timeline: []\n"),
                7, 38,
                "unknown name 'scroes' after 'model.layer[0].head[1]'; did you mean "
                "'model.layer[0].head[1].scores'? (valid here: model.layer[0].head[1].weights, "
                "model.layer[0].head[1].mask, model.layer[0].head[1].q, model.layer[0].head[1].k, "
                "model.layer[0].head[1].v, model.layer[0].head[1].scores, model.layer[0].head[1].scaled_scores, "
                "model.layer[0].head[1].output, model.layer[0].head[1].W_Q, model.layer[0].head[1].W_K, "
                "model.layer[0].head[1].W_V)");
    // Single quotes: inside the quotes.
    check_exact(error_of(kData + "objects:\n  - id: hm\n    heatmap:\n      matrix: 'model.inputs.rows[3:1]'\n"
                                 "timeline: []\n"),
                7, 33, "the range [3:1] is empty; write [a:b] with a < b");
    // What the model lacks is found when the scene compiles, at the value.
    check_exact(error_of(kData + "objects:\n  - id: hm\n    heatmap:\n      matrix: \"model.inputs.row[7]\"\n"
                                 "timeline: []\n"),
                7, 15, "row 7 is out of range (the matrix has 4)");
    check_exact(error_of(kData + "objects:\n  - {id: hm, heatmap: {matrix: \"analysis.layer[0].head[0].entropy\"}}\n"
                                 "timeline: []\n"),
                5, 32, "'analysis.layer[0].head[0].entropy' is a number; a matrix or a vector is expected here");
}

TEST_CASE("a vector of attention weights prints 0 for a key the mask hides as charts and matrices do",
          "[loader][path]") {
    const Scene s = compiled(kData + "objects:\n"
                                     "  - {id: w, vector: {values: \"model.layer[0].head[0].row[1]\"}}\n"
                                     "  - {id: s, vector: {values: \"model.layer[0].head[0].scaled_scores.row[1]\"}}\n"
                                     "timeline: []\n");
    const attention::ModelValue row = s.model->value("model.layer[0].head[0].row[1]");
    CHECK(object(s, "w[0].value").shown.at(0).text == two_decimals(row.values(0, 0)));
    // "sat" comes after "cat": hidden, so its weight is exactly 0 (not −∞, which is a score's).
    CHECK(object(s, "w[2].value").shown.at(0).text == "0.00");
    CHECK(object(s, "s[2].value").shown.at(0).text != "0.00");
}
