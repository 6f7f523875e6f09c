// `train:`: the gradient is the loss's true slope (checked against finite differences), the
// toy adder learns 3 + 5 = 8, runs are deterministic and quick, and a runaway loss is caught.
#include "attention/train.hpp"

#include "attention/model.hpp"
#include "core/error.hpp"

#include <catch2/catch.hpp>

#include <cmath>
#include <ctime>

using namespace attnreel::attention;
using attnreel::InputError;

namespace {

ModelSpec adder(std::vector<std::string> tokens = {"3", "5"}) {
    ModelSpec m;
    m.tokens = std::move(tokens);
    m.d_model = 4;
    m.heads = 1;
    m.mask.kind = MaskKind::causal;
    return m;
}

// What the scene's model (build_model with the checkpoint's parameters) predicts.
double scene_prediction(const ModelSpec& model, const TrainedParameters& p) {
    const ComputedModel built = build_model(trained_model_spec(model, p));
    const Eigen::MatrixXd& out = built.layers.front().output;
    return p.readout.dot(out.row(out.rows() - 1)) + p.readout_bias;
}

// Every partial derivative against a central difference.
void check_gradient(const ModelSpec& model, const TrainSpec& spec) {
    const TrainingExamples examples = training_examples(spec, static_cast<int>(model.tokens.size()));
    const TrainedParameters p = initial_parameters(model, spec.seed);
    TrainedParameters gradient;
    training_loss(model, p, examples, &gradient);
    const Eigen::VectorXd theta = flatten(p), g = flatten(gradient);
    REQUIRE(g.size() == theta.size());
    const double h = 1e-5;
    for (Eigen::Index i = 0; i < theta.size(); ++i) {
        Eigen::VectorXd up = theta, down = theta;
        up(i) += h;
        down(i) -= h;
        const double numeric = (training_loss(model, unflatten(up, p), examples) -
                                training_loss(model, unflatten(down, p), examples)) / (2 * h);
        INFO("parameter " << i << ": backprop " << g(i) << ", finite difference " << numeric);
        CHECK(std::abs(g(i) - numeric) <= 1e-5 * std::max(1.0, std::abs(numeric)));
    }
}

// The message of the InputError `f` throws.
template <typename F>
std::string message_of(F f) {
    try {
        f();
    } catch (const InputError& e) {
        return e.message();
    }
    return "(no error)";
}

}  // namespace

TEST_CASE("the training gradient matches finite differences", "[train]") {
    TrainSpec spec;
    spec.examples = 5;
    spec.seed = 3;
    SECTION("one head, causal, residual, positions") { check_gradient(adder(), spec); }
    SECTION("two heads over three tokens, no mask, no residual, no positions, unscaled") {
        ModelSpec m = adder({"1", "2", "4"});
        m.heads = 2;
        m.mask.kind = MaskKind::none;
        m.residual = false;
        m.positional = false;
        m.scale = false;
        check_gradient(m, spec);
    }
    SECTION("the previous-number task under a local mask") {
        ModelSpec m = adder({"1", "2", "4", "7"});
        m.d_model = 6;
        m.heads = 3;
        m.mask = {MaskKind::causal_local, 1, {}, {}};
        spec.task = TrainSpec::Task::previous;
        check_gradient(m, spec);
    }
}

TEST_CASE("the toy adder learns 3 + 5 = 8, the same way every time, in well under a second", "[train]") {
    const ModelSpec model = adder();
    TrainSpec spec;  // the defaults: Adam, 300 steps
    const std::clock_t start = std::clock();
    const std::vector<TrainCheckpoint> run = train_model(model, spec);
    const double cpu_seconds = static_cast<double>(std::clock() - start) / CLOCKS_PER_SEC;
    CHECK(cpu_seconds < 1.0);
    REQUIRE(run.size() == 301);
    CHECK(run.front().step == 0);
    CHECK(run.back().step == 300);
    CHECK(run.back().loss < run.front().loss / 1000);
    const double first = scene_prediction(model, run.front().parameters);
    const double last = scene_prediction(model, run.back().parameters);
    CHECK(std::abs(first - 8) > 1);     // it starts out wrong...
    CHECK(std::abs(last - 8) < 0.05);   // ...and ends right
    CHECK(task_target(spec.task, token_numbers(model.tokens)) == 8);

    // Deterministic: a second run gives the very same numbers.
    const std::vector<TrainCheckpoint> again = train_model(model, spec);
    CHECK(flatten(again.back().parameters) == flatten(run.back().parameters));
    // The training forward pass is the scene model's: its loss on the one example [3, 5]
    // is the scene prediction's squared error.
    TrainingExamples one;
    one.numbers = Eigen::RowVector2d(3, 5);
    one.targets = Eigen::VectorXd::Constant(1, 8);
    CHECK(training_loss(model, run.back().parameters, one) == Approx((last - 8) * (last - 8)).margin(1e-12));
}

TEST_CASE("other seeds, plain gradient descent and the previous-number task also learn", "[train]") {
    for (std::uint64_t seed : {1u, 2u, 5u}) {
        TrainSpec spec;
        spec.seed = seed;
        INFO("seed " << seed);
        CHECK(std::abs(scene_prediction(adder(), train_model(adder(), spec).back().parameters) - 8) < 0.05);
    }
    TrainSpec previous;
    previous.task = TrainSpec::Task::previous;
    const ModelSpec three = adder({"3", "5"});
    CHECK(std::abs(scene_prediction(three, train_model(three, previous).back().parameters) - 3) < 0.05);

    TrainSpec sgd;
    sgd.optimizer = TrainSpec::Optimizer::sgd;
    sgd.learning_rate = 0.001;
    const auto run = train_model(adder(), sgd);
    CHECK(run.back().loss < run.front().loss / 10);
}

TEST_CASE("checkpoints are kept every N steps and after the last", "[train]") {
    TrainSpec spec;
    spec.steps = 25;
    spec.checkpoint_every = 10;
    std::vector<int> steps;
    for (const TrainCheckpoint& c : train_model(adder(), spec)) steps.push_back(c.step);
    CHECK(steps == std::vector<int>{0, 10, 20, 25});
}

TEST_CASE("a runaway loss stops training with the step and the learning rate", "[train][errors]") {
    TrainSpec spec;
    spec.optimizer = TrainSpec::Optimizer::sgd;
    spec.learning_rate = 1e6;
    try {
        train_model(adder(), spec);
        FAIL("expected TrainingDiverged");
    } catch (const TrainingDiverged& e) {
        CHECK(e.step() == 1);
        CHECK(std::string(e.what()).find("lower 'learning_rate' (now 1e+06)") != std::string::npos);
    }
}

TEST_CASE("training refuses what it cannot fit", "[train][errors]") {
    TrainSpec spec;
    CHECK(message_of([] { token_numbers({"3", "cat"}); }) == "a trained model reads its tokens as numbers, and token 1 is 'cat'");
    ModelSpec two_layers = adder();
    two_layers.layers = 2;
    CHECK(message_of([&] { validate_training(two_layers, spec); }) == "a trained model has one layer, got 2");
    ModelSpec wide = adder();
    wide.d_model = 64;
    CHECK(message_of([&] { validate_training(wide, spec); }) == "a trained model's d_model must be between 1 and 32, got 64");
    spec.steps = 5000;
    CHECK(message_of([&] { validate_training(adder(), spec); }) ==
                      "5000 steps with a checkpoint every 1 keep 5001 checkpoints; the limit is 1001: raise "
                      "'checkpoint_every'");
    spec.checkpoint_every = 10;
    spec.examples = 512;
    ModelSpec big = adder({"1", "2", "3", "4", "5", "6", "7", "8"});
    big.d_model = 32;
    CHECK_THROWS_AS(validate_training(big, spec), InputError);  // too much work for a scene
    TrainSpec previous;
    previous.task = TrainSpec::Task::previous;
    CHECK(message_of([&] { validate_training(adder({"3"}), previous); }) == "a trained model takes between 2 and 8 tokens, got 1");
}
