// The data block: several models by name, cross-attention, inputs and weights written in
// the scene, synthetic patterns chosen per head, token lists; and their errors at
// file:line:col.
#include "loader_test_support.hpp"


using namespace attnreel;
using namespace attnreel::testing;
using Catch::Detail::Approx;

namespace {

Scene compiled_data(const std::string& data) { return compiled(data + "objects: []\ntimeline: []\n"); }

InputError data_error(const std::string& data) { return error_of(data + "objects: []\ntimeline: []\n"); }

}  // namespace

TEST_CASE("several models by name, each with its own mask, side by side", "[loader][data]") {
    const Scene s = compiled_data("data:\n"
                                  "  tokens: [a, b, c, d, e]\n"
                                  "  models:\n"
                                  "    causal: {d_model: 8, heads: 2, seed: 1, mask: causal}\n"
                                  "    local: {d_model: 8, heads: 2, seed: 1, mask: {kind: local, window: 1}}\n"
                                  "    plain: {d_model: 8, heads: 2, seed: 1, mask: none, positional: false}\n");
    REQUIRE(s.model->models().size() == 3);
    const attention::ModelValue causal = s.model->value("models.causal.layer[0].head[0].mask");
    const attention::ModelValue local = s.model->value("models.local.layer[0].head[0].mask");
    CHECK(causal.values(1, 3) == 0.0);
    CHECK(causal.values(3, 1) == 1.0);
    CHECK(local.values(3, 1) == 0.0);
    CHECK(local.values(3, 4) == 1.0);
    CHECK(s.model->value("models.plain.positions").values.isZero());
    // Same seed and tokens: the same embeddings, so the masks alone make the difference.
    CHECK(s.model->value("models.causal.embeddings").values == s.model->value("models.local.embeddings").values);
    CHECK_THROWS_WITH(s.model->value("models.casual.inputs"),
                      Catch::Contains("unknown model 'models.casual'; did you mean 'models.causal'?"));
    CHECK_THROWS_WITH(s.model->value("model.inputs"), Catch::Contains("the data block has no 'model:'"));
}

TEST_CASE("cross-attention: queries from one sequence, keys and values from another", "[loader][data]") {
    const Scene s = compiled("data:\n"
                             "  queries: [Le, chat, noir]\n"
                             "  keys: [The, black, cat, sat]\n"
                             "  model: {d_model: 8, heads: 2, seed: 4}\n"
                             "objects:\n"
                             "  - {id: hm, heatmap: {matrix: \"model.layer[0].head[1]\", rows: $queries, columns: $keys}}\n"
                             "timeline: []\n");
    const attention::ModelValue w = s.model->value("model.layer[0].head[1]");
    CHECK(w.values.rows() == 3);
    CHECK(w.values.cols() == 4);
    CHECK(w.hidden.count() == 0);  // no mask by default across sequences
    CHECK(s.model->value("model.key_inputs").values.rows() == 4);
    CHECK(s.model->value("model.inputs").values.rows() == 3);
    CHECK(s.objects.find("hm[2][3]"));
    CHECK(s.objects.find("hm.columns[3]"));
    CHECK_THROWS_WITH(s.model->value("model.rollout"), Catch::Contains("is cross-attention"));

    // Per model, beside a self-attention model.
    const Scene both = compiled_data("data:\n"
                                     "  tokens: [x, y]\n"
                                     "  models:\n"
                                     "    self: {d_model: 4, heads: 1}\n"
                                     "    cross: {d_model: 4, heads: 1, queries: [p, q, r], keys: [x, y]}\n");
    CHECK(both.model->value("models.self.layer[0].head[0]").values.rows() == 2);
    CHECK(both.model->value("models.cross.layer[0].head[0]").values.rows() == 3);
}

TEST_CASE("inputs and weights written in the scene give exactly the numbers promised", "[loader][data]") {
    // [3, 5] through one head: uniform attention (W_Q = 0) averages the values, W_V doubles them.
    const Scene s = compiled_data("data:\n"
                                  "  tokens: ['3', '5']\n"
                                  "  model:\n"
                                  "    inputs: [[3], [5]]\n"
                                  "    W_Q: [[0]]\n"
                                  "    W_K: [[1]]\n"
                                  "    W_V: [[2]]\n"
                                  "    W_O: [[1]]\n"
                                  "    mask: none\n"
                                  "    residual: false\n");
    CHECK(s.model->value("model.inputs").values == (Eigen::MatrixXd(2, 1) << 3, 5).finished());
    CHECK(s.model->value("model.positions").values.isZero());
    CHECK(s.model->value("model.layer[0].head[0].weights[1][0]").values(0, 0) == 0.5);
    CHECK(s.model->value("model.layer[0].output[1][0]").values(0, 0) == Approx(8.0));

    // Two heads, per-head projections; the rest stays seeded.
    const Scene h = compiled_data("data:\n"
                                  "  tokens: [a, b, c]\n"
                                  "  model:\n"
                                  "    embeddings: [[1, 0], [0, 1], [1, 1]]\n"
                                  "    W_Q: [[[1], [0]], [[0], [1]]]\n"
                                  "    W_K: [[1, 0], [0, 1]]\n");
    const attention::ModelValue q1 = h.model->value("model.layer[0].head[1].W_Q");
    CHECK(q1.values == (Eigen::MatrixXd(2, 1) << 0, 1).finished());
    CHECK(h.model->value("model.layer[0].head[0].W_K").values == (Eigen::MatrixXd(2, 1) << 1, 0).finished());
    CHECK(h.model->value("model.layer[0].W_K").values == Eigen::MatrixXd::Identity(2, 2));
    // Embeddings get positions added; inputs do not.
    CHECK(h.model->value("model.inputs").values(0, 1) != 0.0);

    // Several layers, each with its weights.
    const Scene l = compiled_data("data:\n"
                                  "  tokens: [a, b]\n"
                                  "  model:\n"
                                  "    inputs: [[1, 0], [0, 1]]\n"
                                  "    layers:\n"
                                  "      - {W_O: [[1, 0], [0, 1]]}\n"
                                  "      - {W_O: [[0, 1], [1, 0]]}\n");
    CHECK(l.model->value("model.layer[1].W_O").values(0, 1) == 1.0);
    CHECK_THROWS(l.model->value("model.layer[2].W_O"));
}

TEST_CASE("written matrices are checked for shape at their line and column", "[loader][data]") {
    check_exact(data_error("data:\n  tokens: [a, b]\n  model:\n    inputs: [[1, 0], [0]]\n"), 4, 22,
                "row 1 of 'inputs' has 1 numbers, expected 2 like row 0");
    check_exact(data_error("data:\n  tokens: [a, b]\n  model:\n    inputs: [[1, 0], [0, 1], [1, 1]]\n"), 4, 13,
                "'inputs' is 3×2 but must be 2×2 (one row per token, d_model 2 numbers each)");
    check_exact(data_error("data:\n  tokens: [a, b]\n  model:\n    inputs: [[1, 0], [0, 1]]\n    W_Q: [[1, 2, 3]]\n"),
                5, 10,
                "'W_Q' is 1×3 but must be 2×2 (d_model × d_model, its columns split into 1 head of 2), or a list "
                "of 1 per-head matrices of 2×2");
    check_exact(data_error("data:\n  tokens: [a, b]\n  model:\n    inputs: [[1, 0], [0, 1]]\n    heads: 2\n"
                           "    W_V: [[[1], [0]]]\n"),
                6, 10, "'W_V' lists 1 per-head matrices but the model has 2 heads");
    check_exact(data_error("data:\n  tokens: [a, b]\n  model:\n    inputs: [[1, 0], [0, 1]]\n    W_O: [[1, 0]]\n"), 5, 10,
                "'W_O' is 1×2 but must be 2×2 (d_model × d_model)");
    check_exact(data_error("data:\n  tokens: [a, b]\n  model:\n    inputs: [[1, x], [0, 1]]\n"), 4, 18,
                "expected a number for 'inputs', found 'x'");
    check_exact(data_error("data:\n  tokens: [a, b]\n  model: {inputs: [[1, 0], [0, 1]], positional: true}\n"), 3, 49,
                "'inputs' enter layer 0 as written, without positions: use 'embeddings' to have positions added");
    check_exact(data_error("data:\n  tokens: [a, b]\n  model: {key_inputs: [[1, 0], [0, 1]]}\n"), 3, 11,
                "'key_inputs' does not apply to self-attention: keys come from the same tokens");
}

TEST_CASE("synthetic patterns chosen per head, by layer or for every layer", "[loader][data]") {
    const Scene s = compiled_data("data:\n"
                                  "  tokens: [the, cat, sat, ., the, cat]\n"
                                  "  models:\n"
                                  "    one: {synthetic: {patterns: [previous, induction, sink, {local: 2}, uniform]}}\n"
                                  "    two:\n"
                                  "      synthetic: {patterns: [[previous, {offset: 3}], [semantic, punctuation]]}\n");
    const auto& one = std::get<attention::SyntheticModel>(s.model->models()[0].model);
    REQUIRE(one.layers.size() == 1);
    REQUIRE(one.layers[0].size() == 5);
    CHECK(one.layers[0][0].pattern == attention::HeadPattern::previous_token);
    CHECK(one.layers[0][1].pattern == attention::HeadPattern::induction);
    CHECK(one.layers[0][2].pattern == attention::HeadPattern::first_token_sink);
    CHECK(one.layers[0][3].pattern == attention::HeadPattern::local);
    CHECK(one.layers[0][3].parameter == 2);
    const auto& two = std::get<attention::SyntheticModel>(s.model->models()[1].model);
    REQUIRE(two.layers.size() == 2);
    CHECK(two.layers[0][1].pattern == attention::HeadPattern::positional_offset);
    CHECK(two.layers[0][1].parameter == 3);
    CHECK(two.layers[1][1].pattern == attention::HeadPattern::punctuation_sink);

    check_exact(data_error("data:\n  tokens: [a, b, c]\n  model: {synthetic: {patterns: [previous, indction]}}\n"), 3,
                44,
                "unknown head pattern 'indction' (expected one of previous_token, local, first_token_sink, "
                "positional_offset, semantic, induction, punctuation_sink, uniform, previous, sink, first_token, "
                "offset, punctuation); did you mean 'induction'?");
    check_exact(data_error("data:\n  tokens: [a, b, c]\n  model: {synthetic: {patterns: [[previous], [sink, local]]}}\n"),
                3, 46, "layer 1 lists 2 patterns but layer 0 lists 1: every layer has as many heads");
    check_exact(data_error("data:\n  tokens: [a, b, c]\n  model: {heads: 3, synthetic: {patterns: [previous]}}\n"), 3, 18,
                "'heads' is 3 but 'patterns' lists 1 per layer");
    check_exact(data_error("data:\n  tokens: [a, b, c]\n  model: {synthetic: {patterns: [{sink: 2}]}}\n"), 3, 41,
                "'sink' takes no parameter (only local takes a window, offset its k)");
}

TEST_CASE("token lists: $queries, $keys and a model's own", "[loader][data]") {
    const Scene s = compiled("data:\n"
                             "  tokens: [a, b]\n"
                             "  models:\n"
                             "    x: {d_model: 4, heads: 1, queries: [p, q, r], keys: [a, b]}\n"
                             "objects:\n"
                             "  - {id: r1, token_row: {tokens: $models.x.queries}}\n"
                             "  - {id: r2, token_row: {tokens: $models.x.keys}}\n"
                             "timeline: []\n");
    CHECK(s.objects.find("r1[2]"));
    CHECK_FALSE(s.objects.find("r2[2]"));
    check_exact(error_of("data:\n  tokens: [a, b]\n  model: {d_model: 4, heads: 1}\n"
                         "objects:\n  - {id: r, token_row: {tokens: $token}}\ntimeline: []\n"),
                5, 33,
                "unknown token list '$token'; did you mean '$tokens'? (valid: $tokens, $queries, $keys, "
                "$model.tokens, $model.queries, $model.keys)");
}

TEST_CASE("what a model block cannot be is an error at its key", "[loader][data]") {
    check_exact(data_error("data:\n  queries: [a, b]\n  model: {}\n"), 2, 3,
                "'queries' needs 'keys' beside it: cross-attention takes its queries from one sequence and its keys "
                "and values from another");
    check_exact(data_error("data:\n  queries: [a]\n  keys: [b]\n  model: {synthetic: true}\n"), 4, 10,
                "synthetic heads draw self-attention patterns over one sequence; for cross-attention use a computed "
                "model or weights from a file");
    check_exact(data_error("data:\n  tokens: [a]\n  models: {a b: {}}\n"), 3, 12,
                "a model's name is a word of letters, digits and '_' (it is used in paths: models.NAME.layer[0]...), "
                "not 'a b'");
    check_exact(data_error("data:\n  models: {m: {}}\n"), 2, 15,
                "a model needs tokens: 'tokens' (or 'queries' and 'keys') in the data block or in the model");
    check_exact(data_error("data:\n  tokens: [a, b]\n  model: {window: 2}\n"), 3, 11,
                "'window' does not apply to a computed model");
}
