// `train:` in a scene: paths reach the trained model, its checkpoints (model.step[k]...),
// its prediction and loss; bad training settings are errors at their line and column.
#include "loader_test_support.hpp"

#include <cmath>

using namespace attnreel;
using namespace attnreel::testing;

namespace {

const std::string kAdder = "data:\n"
                           "  tokens: [\"3\", \"5\"]\n"
                           "  model:\n"
                           "    train: {task: add, steps: 200, checkpoint_every: 50, seed: 1}\n";

double number(const Scene& s, const std::string& path) {
    const attention::ModelValue v = s.model->value(path);
    REQUIRE(v.shape == attention::ModelValue::Shape::number);
    return v.values(0, 0);
}

}  // namespace

TEST_CASE("a trained adder predicts 3 + 5 within 0.05 of 8, and its checkpoints show it learning", "[loader][train]") {
    const Scene s = compiled(kAdder + "objects:\n"
                                      "  - {id: p, text: \"prediction {model.prediction:.2f} (target {model.target:d})\"}\n"
                                      "  - {id: p0, text: \"at step 0: {model.step[0].prediction:.2f}\"}\n"
                                      "timeline: []\n");
    CHECK(std::abs(number(s, "model.prediction") - 8) < 0.05);
    CHECK(number(s, "model.target") == 8);
    CHECK(number(s, "model.step[200].prediction") == number(s, "model.prediction"));
    CHECK(std::abs(number(s, "model.step[0].prediction") - 8) > 0.5);
    CHECK(number(s, "model.step[0].loss") > 100 * number(s, "model.loss"));

    // Every model path works at a checkpoint, and the weights change during training.
    const attention::ModelValue w0 = s.model->value("model.step[0].layer[0].head[0]");
    const attention::ModelValue w50 = s.model->value("model.step[50].layer[0].head[0]");
    CHECK(w0.values.rows() == 2);
    CHECK(w0.values != w50.values);
    CHECK(s.model->value("model.step[50].layer[0].W_Q").values != s.model->value("model.layer[0].W_Q").values);
    CHECK(s.model->value("model.step[0].embeddings").values.cols() == 4);  // a trained toy is 4 wide
    CHECK(s.model->value("model.step[50].analysis.layer[0].head[0].entropy").shape ==
          attention::ModelValue::Shape::number);

    // The prediction is the read-out of the last token's output.
    const Eigen::MatrixXd out = s.model->value("model.layer[0].output").values;
    const Eigen::MatrixXd r = s.model->value("model.readout").values;
    CHECK(r.row(0).dot(out.row(1)) + number(s, "model.readout_bias") == Approx(number(s, "model.prediction")));

    const attention::ModelValue curve = s.model->value("model.loss_curve");
    REQUIRE(curve.values.cols() == 5);  // steps 0, 50, 100, 150, 200
    CHECK(curve.values(0, 4) == number(s, "model.loss"));

    // Texts show the numbers with their paths.
    const Object& p = object_named(s, "p");
    REQUIRE(p.shown.size() == 2);
    CHECK(p.shown[0].path == "model.prediction");
    CHECK(p.shown[1].text == "8");
    CHECK(object_named(s, "p0").shown.at(0).path == "model.step[0].prediction");
}

TEST_CASE("a named trained model is reached as models.NAME.step[k]", "[loader][train]") {
    const Scene s = compiled("data:\n"
                             "  tokens: [\"3\", \"5\"]\n"
                             "  models:\n"
                             "    adder: {train: {steps: 100, checkpoint_every: 25}}\n"
                             "objects: []\ntimeline: []\n");
    CHECK(s.model->value("models.adder.step[25].prediction").shape == attention::ModelValue::Shape::number);
    CHECK(s.model->value("models.adder.step[25].layer[0].head[0].scores").values.rows() == 2);
}

TEST_CASE("training mistakes are errors at their line and column", "[loader][train][errors]") {
    // Diverging: found when the scene compiles, at the learning rate.
    const InputError diverged = error_of("data:\n  tokens: [\"3\", \"5\"]\n  model:\n"
                                         "    train: {optimizer: sgd, learning_rate: 1000000}\nobjects: []\ntimeline: []\n");
    CHECK(diverged.mark().line == 4);
    CHECK(diverged.mark().column == 44);
    CHECK(diverged.message().rfind("training diverged at step 1: the loss rose to ", 0) == 0);
    CHECK(diverged.message().find("; lower 'learning_rate' (now 1e+06)") != std::string::npos);

    check_exact(error_of("data:\n  tokens: [\"3\", cat]\n  model:\n    train: {steps: 10}\nobjects: []\ntimeline: []\n"),
                4, 12, "a trained model reads its tokens as numbers, and token 1 is 'cat'");
    check_exact(error_of("data:\n  tokens: [\"3\", \"5\"]\n  model:\n    train: {task: ad}\nobjects: []\ntimeline: []\n"),
                4, 19,
                "unknown task 'ad'; did you mean 'add'? (add: the sum of the numbers; previous: the number before "
                "the last)");
    check_exact(error_of("data:\n  tokens: [\"3\", \"5\"]\n  model:\n    layers: 2\n    train: {steps: 10}\n"
                         "objects: []\ntimeline: []\n"),
                5, 12, "a trained model has one layer, got 2");
    check_exact(error_of("data:\n  tokens: [\"3\", \"5\"]\n  model:\n    synthetic: true\n    train: {steps: 10}\n"
                         "objects: []\ntimeline: []\n"),
                5, 5, "'train' does not apply to a synthetic model");
    check_exact(error_of(kAdder + "objects:\n  - {id: t, text: \"{model.step[7].loss}\"}\ntimeline: []\n"), 6, 19,
                "step 7 is not a checkpoint of model: it keeps steps 0, 50, 100, … and the last, 200");
    check_exact(error_of("data:\n  tokens: [a, b]\n  model: {d_model: 4, heads: 1}\n"
                         "objects:\n  - {id: t, text: \"{model.step[0].prediction}\"}\ntimeline: []\n"),
                5, 19, "'step[k]' exists only for a trained model (one with 'train:'), and model is not trained");
    check_exact(error_of("data:\n  tokens: [a, b]\n  model: {d_model: 4, heads: 1}\n"
                         "objects:\n  - {id: t, text: \"{model.prediction}\"}\ntimeline: []\n"),
                5, 19, "'prediction' exists only for a trained model (one with 'train:')");
}
