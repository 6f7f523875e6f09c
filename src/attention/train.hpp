#pragma once
// `train:` — a toy model fitted by gradient descent, so that a lesson can show attention
// being learnt. The model is the scene model's own forward pass (one layer, model.hpp) on
// tokens that are numbers, with a linear read-out of the last token's output:
//
//   token embedding  e(x) = x·w + b                    w, b: d_model vectors; x: the token's number
//   layer input      X = E + P                          P: sinusoidal positions (or 0 with positional: false)
//   layer output     Y = X + concat_h(A_h X W_V,h) W_O  A_h = softmax(mask(X W_Q,h (X W_K,h)ᵀ / √d_k));
//                                                       without X when residual is off
//   prediction       ŷ = r · Y[last] + c
//   loss             mean over the examples of (ŷ − target)²
//
// Tasks: `add` (the target is the sum of the numbers), `previous` (the number just before the
// last). Every step is one full-batch step of Adam (default) or plain gradient descent, from
// seeded initial values on a seeded set of examples: the same spec gives the same numbers on
// every machine.
#include "attention/mechanism.hpp"
#include "attention/model_spec.hpp"

#include <Eigen/Core>
#include <cstdint>
#include <stdexcept>
#include <string>
#include <vector>

namespace attnreel::attention {

struct TrainSpec {
    enum class Task { add, previous };
    enum class Optimizer { adam, sgd };
    Task task = Task::add;
    Optimizer optimizer = Optimizer::adam;
    int steps = 300;
    double learning_rate = 0.05;
    int examples = 64;         // training sequences, each as long as the scene's tokens
    int low = 0, high = 9;     // examples draw whole numbers from low to high (both included)
    int checkpoint_every = 1;  // keep the parameters every N steps (and after the last)
    std::uint64_t seed = 0;    // initial values and examples
};

// Bounds that keep training under about a second: a toy, not a workload.
struct TrainLimits {
    static constexpr int max_d_model = 32;
    static constexpr int max_heads = 8;
    static constexpr int max_tokens = 8;
    static constexpr int max_steps = 5000;
    static constexpr int max_examples = 512;
    static constexpr int max_checkpoints = 1001;
    // steps × examples × (tokens × d_model² + 256): the work of a run (256 stands for the
    // cost of an example however small), about a second at the bound.
    static constexpr double max_work = 1e8;
};

// What training changes.
struct TrainedParameters {
    Eigen::VectorXd embed_weight, embed_bias;  // e(x) = x·w + b
    std::vector<HeadWeights> heads;            // d_model × d_k each
    Eigen::MatrixXd W_O;                       // d_model × d_model
    Eigen::VectorXd readout;                   // r
    double readout_bias = 0;                   // c
};

// The examples: one row of numbers per sequence, and the answers.
struct TrainingExamples {
    Eigen::MatrixXd numbers;  // examples × tokens
    Eigen::VectorXd targets;
};

struct TrainCheckpoint {
    int step = 0;  // the parameters after this many steps
    TrainedParameters parameters;
    double loss = 0;  // on the training examples
};

// Training that went wrong: the loss became NaN or infinite, or grew a million-fold.
class TrainingDiverged : public std::runtime_error {
public:
    TrainingDiverged(int step, double loss, const std::string& message)
        : std::runtime_error(message), step_(step), loss_(loss) {}
    int step() const { return step_; }
    double loss() const { return loss_; }

private:
    int step_;
    double loss_;
};

// The tokens as numbers; InputError naming the first that is not one.
std::vector<double> token_numbers(const std::vector<std::string>& tokens);

// What the task asks for these numbers: their sum, or the one before the last.
double task_target(TrainSpec::Task task, const std::vector<double>& numbers);

// Throws InputError (no position: the caller knows where the block is) for a model or a
// spec that training cannot take: more than one layer, layer_norm, cross-attention,
// written inputs or weights, sizes past TrainLimits.
void validate_training(const ModelSpec& model, const TrainSpec& spec);

TrainingExamples training_examples(const TrainSpec& spec, int tokens);
TrainedParameters initial_parameters(const ModelSpec& model, std::uint64_t seed);

// The mean squared error over the examples; with `gradient`, its gradient too (same shapes).
double training_loss(const ModelSpec& model, const TrainedParameters& parameters, const TrainingExamples& examples,
                     TrainedParameters* gradient = nullptr);

// Every parameter in one vector (the order is fixed), and back.
Eigen::VectorXd flatten(const TrainedParameters& parameters);
TrainedParameters unflatten(const Eigen::VectorXd& values, const TrainedParameters& shape);

// Trains; the checkpoints are at steps 0, every, 2·every, ... and the last step. Throws
// InputError for a spec validate_training rejects, TrainingDiverged when the loss runs away.
std::vector<TrainCheckpoint> train_model(const ModelSpec& model, const TrainSpec& spec);

// The scene's model with a checkpoint's parameters: its tokens embedded as e(x), its
// weights the trained ones (build_model computes it; ŷ = r · output[last] + c).
ModelSpec trained_model_spec(const ModelSpec& model, const TrainedParameters& parameters);

}  // namespace attnreel::attention
