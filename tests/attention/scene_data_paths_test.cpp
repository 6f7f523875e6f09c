// Every model path resolves to the model's own number: each item checked against the
// attention module's steps recomputed here, slices against Eigen's blocks, and wrong paths
// against their messages.
#include "attention/scene_data.hpp"

#include "attention/mechanism.hpp"
#include "attention/rollout.hpp"
#include "attention/softmax.hpp"

#include <catch2/catch.hpp>

using namespace attnreel;
using namespace attnreel::attention;

namespace {

ModelSpec small_spec() {
    ModelSpec spec;
    spec.tokens = {"the", "cat", "sat", "on"};
    spec.d_model = 6;
    spec.heads = 2;
    spec.layers = 2;
    spec.seed = 5;
    spec.mask.kind = MaskKind::causal;
    return spec;
}

SceneData data_with(const ModelSpec& spec) {
    DataSpec d;
    d.tokens = spec.tokens;
    ModelBlock& b = d.models.emplace_back();
    b.computed = spec;
    return SceneData::build(d);
}

std::string message_of(const SceneData& data, const std::string& path) {
    try {
        data.value(path, SourceMark{"s.yaml", 3, 7});
    } catch (const InputError& e) {
        CHECK(e.mark().line == 3);
        CHECK(e.mark().column == 7);
        return e.message();
    }
    FAIL("expected an error for " << path);
    return "";
}

bool same(const Eigen::MatrixXd& a, const Eigen::MatrixXd& b) {
    return a.rows() == b.rows() && a.cols() == b.cols() && a.isApprox(b, 1e-12);
}

}  // namespace

TEST_CASE("head paths are the head's own steps, recomputed from its inputs", "[model][path]") {
    const ModelSpec spec = small_spec();
    const ComputedModel model = build_model(spec);
    const SceneData data = data_with(spec);
    const LayerComputation& layer = model.layers[1];
    const HeadComputation& head = layer.heads[1];
    const Eigen::MatrixXd Q = project(layer.input, head.W_Q), K = project(layer.input, head.W_K),
                          V = project(layer.input, head.W_V);
    const Eigen::MatrixXd scaled = scale_scores(attention_scores(Q, K), model.d_k);
    const Mask mask = make_mask(spec.mask, 4, 4);
    const Eigen::MatrixXd weights = softmax_rows(scaled, mask);

    CHECK(same(data.value("model.layer[1].head[1].q").values, Q));
    CHECK(same(data.value("model.layer[1].head[1].k").values, K));
    CHECK(same(data.value("model.layer[1].head[1].v").values, V));
    CHECK(same(data.value("model.layer[1].head[1].scores").values, attention_scores(Q, K)));
    CHECK(same(data.value("model.layer[1].head[1].scaled_scores").values, scaled));
    CHECK(same(data.value("model.layer[1].head[1]").values, weights));
    CHECK(same(data.value("model.layer[1].head[1].weights").values, weights));
    CHECK(same(data.value("model.layer[1].head[1].output").values, weights * V));
    CHECK(same(data.value("model.layer[1].head[1].mask").values, mask.cast<double>()));
    CHECK(same(data.value("model.layer[1].head[1].W_Q").values, head.W_Q));
}

TEST_CASE("model and layer paths: embeddings, positions, inputs, projections, concat, output, head mean, rollout",
          "[model][path]") {
    const ModelSpec spec = small_spec();
    const ComputedModel model = build_model(spec);
    const SceneData data = data_with(spec);
    CHECK(same(data.value("model.embeddings").values, model.token_embeddings));
    CHECK(same(data.value("model.positions").values, model.positions));
    CHECK(same(data.value("model.inputs").values, model.token_embeddings + model.positions));
    CHECK(same(data.value("model.layer[0].input").values, model.token_embeddings + model.positions));

    const LayerComputation& layer = model.layers[0];
    // Full-width projections: the heads' blocks side by side, as multi_head splits them.
    Eigen::MatrixXd W_Q(6, 6);
    W_Q << layer.heads[0].W_Q, layer.heads[1].W_Q;
    CHECK(same(data.value("model.layer[0].W_Q").values, W_Q));
    CHECK(same(data.value("model.layer[0].W_O").values, layer.W_O));
    Eigen::MatrixXd concat(4, 6);
    concat << layer.heads[0].output, layer.heads[1].output;
    CHECK(same(data.value("model.layer[0].concat").values, concat));
    CHECK(same(data.value("model.layer[0].attention_output").values, concat * layer.W_O));
    CHECK(same(data.value("model.layer[0].output").values, layer.input + concat * layer.W_O));
    CHECK(same(data.value("model.layer[1].input").values, layer.output));
    CHECK(same(data.value("model.layer[0].head_mean").values, (layer.heads[0].weights + layer.heads[1].weights) / 2));

    const AttentionStack stack = {{model.layers[0].heads[0].weights, model.layers[0].heads[1].weights},
                                  {model.layers[1].heads[0].weights, model.layers[1].heads[1].weights}};
    CHECK(same(data.value("model.rollout").values, attention_rollout(stack)));
    CHECK(same(data.value("model.layer[0].rollout").values, attention_rollout_by_layer(stack)[0]));
    CHECK(same(data.value("model.layer[1].rollout").values, attention_rollout(stack)));
}

TEST_CASE("slices select rows, columns, ranges, the transpose and single entries", "[model][path]") {
    const ModelSpec spec = small_spec();
    const ComputedModel model = build_model(spec);
    const SceneData data = data_with(spec);
    const Eigen::MatrixXd& A = model.layers[0].heads[1].weights;
    const Eigen::MatrixXd& X = model.embeddings;

    const ModelValue row = data.value("model.layer[0].head[1].row[2]");
    CHECK(row.shape == ModelValue::Shape::vector);
    CHECK(same(row.values, A.row(2)));
    CHECK(row.path == "model.layer[0].head[1].weights.row[2]");
    // A row keeps the mask of its query: keys after it are hidden.
    REQUIRE(row.hidden.size() == 4);
    CHECK(row.hidden(0, 3));
    CHECK_FALSE(row.hidden(0, 2));

    const ModelValue column = data.value("model.inputs.column[1]");
    CHECK(column.shape == ModelValue::Shape::vector);
    CHECK(same(column.values, X.col(1).transpose()));
    CHECK(same(data.value("model.inputs.rows[1:3]").values, X.middleRows(1, 2)));
    CHECK(same(data.value("model.inputs.columns[2:]").values, X.rightCols(4)));
    CHECK(same(data.value("model.inputs.columns[:2]").values, X.leftCols(2)));
    CHECK(same(data.value("model.inputs.transpose").values, X.transpose()));
    CHECK(same(data.value("model.inputs.transpose.rows[0:2].column[3]").values, X.row(3).head(2)));
    const ModelValue entry = data.value("model.layer[0].head[1][3][1]");
    CHECK(entry.shape == ModelValue::Shape::number);
    CHECK(entry.values(0, 0) == A(3, 1));
    CHECK(entry.path == "model.layer[0].head[1].weights[3][1]");
    CHECK(data.value("model.inputs.row[2][4]").values(0, 0) == X(2, 4));
    CHECK(same(data.value("model.inputs.row[2][1:3]").values, X.row(2).segment(1, 2)));
}

TEST_CASE("wrong paths name what exists", "[model][path]") {
    const SceneData data = data_with(small_spec());
    CHECK(message_of(data, "model.layer[2].output") == "layer 2 is out of range (the model has 2)");
    CHECK(message_of(data, "model.layer[0].head[5]") == "head 5 is out of range (layer 0 has 2)");
    CHECK(message_of(data, "model.inputs.row[9]") == "row 9 is out of range (the matrix has 4)");
    CHECK(message_of(data, "model.inputs.columns[2:9]") == "the range [2:9] is out of range (there are 6 columns)");
    CHECK(message_of(data, "model.inputs.row[0].row[0]") ==
          "'model.inputs.row[0]' is a vector of 6 numbers: select with [i] or [a:b] (.row, .column, .rows, .columns "
          "and .transpose are for matrices)");
    CHECK(message_of(data, "model.inputs[0]") ==
          "'model.inputs' is a 4×6 matrix: one entry is [i][j], one row .row[i]");
    CHECK(message_of(data, "models.causal.inputs") == "unknown model 'models.causal' (the data block declares model)");
    CHECK(message_of(data, "model.key_inputs") ==
          "'key_inputs' exists only for cross-attention (queries and keys); model is self-attention: use inputs");
    CHECK(message_of(data, "model.prediction") == "'prediction' exists only for a trained model (one with 'train:')");
    CHECK(message_of(data, "model.inputs.rwo[1]").find("did you mean 'model.inputs.row[…]'?") != std::string::npos);
    CHECK(message_of(SceneData::build(DataSpec{}), "model.inputs") == "'model.inputs' needs a model in the data block");
}

TEST_CASE("matrix and vector tell a widget what it got", "[model][path]") {
    const SceneData data = data_with(small_spec());
    const auto ref = [](const std::string& text) { return PathRef{text, parse_model_path(text), {"s.yaml", 2, 4}}; };
    CHECK(data.matrix(ref("model.inputs.row[1]")).shape == ModelValue::Shape::vector);
    CHECK_THROWS_WITH(data.matrix(ref("model.inputs[1][1]")),
                      "s.yaml:2:4: 'model.inputs[1][1]' is a number; a matrix or a vector is expected here");
    CHECK_THROWS_WITH(data.vector(ref("model.inputs")),
                      "s.yaml:2:4: 'model.inputs' is a 4×6 matrix; a vector is expected here: pick one row with .row[i]");
    CHECK(data.vector(ref("model.layer[0].head[0].row[1]")).values.cols() == 4);
}
