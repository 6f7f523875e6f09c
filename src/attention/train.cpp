#include "attention/train.hpp"

#include "attention/positional.hpp"
#include "attention/random.hpp"
#include "core/error.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <limits>

namespace attnreel::attention {

namespace {

void require(bool condition, const std::string& message) {
    if (!condition) throw InputError(message);
}

std::string number_text(double v) {
    char buf[64];
    std::snprintf(buf, sizeof buf, "%g", v);
    return buf;
}

// What every example shares: sizes, positions, the mask.
struct Context {
    Eigen::Index d = 0, d_k = 0;
    int heads = 1;
    Eigen::MatrixXd positions;  // tokens × d_model
    Mask mask;
    double score_scale = 1;     // 1/√d_k, or 1 without scaling
    bool residual = true;
};

Context context_for(const ModelSpec& model) {
    Context c;
    const auto n = static_cast<Eigen::Index>(model.tokens.size());
    c.d = model.d_model;
    c.heads = model.heads;
    c.d_k = model.d_model / model.heads;
    c.positions = model.positional ? sinusoidal_positions(n, c.d) : Eigen::MatrixXd::Zero(n, c.d);
    c.mask = make_mask(model.mask, n, n);
    c.score_scale = model.scale ? 1 / std::sqrt(static_cast<double>(c.d_k)) : 1.0;
    c.residual = model.residual;
    return c;
}

// Softmax over the allowed keys of each row, as softmax_rows computes it, but NaN instead
// of an error when training has pushed the scores past what a double holds.
Eigen::MatrixXd softmax_allowed(const Eigen::MatrixXd& S, const Mask& mask) {
    Eigen::MatrixXd A = Eigen::MatrixXd::Zero(S.rows(), S.cols());
    for (Eigen::Index i = 0; i < S.rows(); ++i) {
        double top = -std::numeric_limits<double>::infinity();
        for (Eigen::Index j = 0; j < S.cols(); ++j)
            if (mask(i, j)) top = std::max(top, S(i, j));
        double sum = 0;
        for (Eigen::Index j = 0; j < S.cols(); ++j)
            if (mask(i, j)) sum += A(i, j) = std::exp(S(i, j) - top);
        A.row(i) /= sum;
    }
    return A;
}

TrainedParameters zeros_like(const TrainedParameters& p) {
    TrainedParameters z;
    z.embed_weight = Eigen::VectorXd::Zero(p.embed_weight.size());
    z.embed_bias = Eigen::VectorXd::Zero(p.embed_bias.size());
    for (const HeadWeights& h : p.heads)
        z.heads.push_back({Eigen::MatrixXd::Zero(h.W_Q.rows(), h.W_Q.cols()), Eigen::MatrixXd::Zero(h.W_K.rows(), h.W_K.cols()),
                           Eigen::MatrixXd::Zero(h.W_V.rows(), h.W_V.cols())});
    z.W_O = Eigen::MatrixXd::Zero(p.W_O.rows(), p.W_O.cols());
    z.readout = Eigen::VectorXd::Zero(p.readout.size());
    return z;
}

// One example: its squared error; with `g`, adds `weight` × its gradient to g.
double example_loss(const Context& c, const TrainedParameters& p, const Eigen::VectorXd& x, double target,
                    double weight, TrainedParameters* g) {
    const Eigen::Index n = x.size(), dk = c.d_k;
    const Eigen::MatrixXd X =
        x * p.embed_weight.transpose() + Eigen::VectorXd::Ones(n) * p.embed_bias.transpose() + c.positions;
    const auto H = static_cast<std::size_t>(c.heads);
    std::vector<Eigen::MatrixXd> Q(H), K(H), V(H), A(H);
    Eigen::MatrixXd concat(n, c.d);
    for (std::size_t h = 0; h < H; ++h) {
        Q[h] = X * p.heads[h].W_Q;
        K[h] = X * p.heads[h].W_K;
        V[h] = X * p.heads[h].W_V;
        A[h] = softmax_allowed(Q[h] * K[h].transpose() * c.score_scale, c.mask);
        concat.middleCols(static_cast<Eigen::Index>(h) * dk, dk) = A[h] * V[h];
    }
    Eigen::MatrixXd Y = concat * p.W_O;
    if (c.residual) Y += X;
    const double error = p.readout.dot(Y.row(n - 1)) + p.readout_bias - target;
    if (!g) return error * error;

    // Backwards: only the last row of Y reaches the prediction.
    const double dy = 2 * error * weight;
    g->readout += dy * Y.row(n - 1).transpose();
    g->readout_bias += dy;
    Eigen::MatrixXd dY = Eigen::MatrixXd::Zero(n, c.d);
    dY.row(n - 1) = dy * p.readout.transpose();
    Eigen::MatrixXd dX = c.residual ? dY : Eigen::MatrixXd::Zero(n, c.d);
    g->W_O += concat.transpose() * dY;
    const Eigen::MatrixXd dconcat = dY * p.W_O.transpose();
    for (std::size_t h = 0; h < H; ++h) {
        const Eigen::MatrixXd dO = dconcat.middleCols(static_cast<Eigen::Index>(h) * dk, dk);
        const Eigen::MatrixXd dA = dO * V[h].transpose();
        const Eigen::MatrixXd dV = A[h].transpose() * dO;
        // Softmax: dS_ij = A_ij (dA_ij − Σ_k A_ik dA_ik); hidden keys (A = 0) get none.
        const Eigen::VectorXd through = (A[h].array() * dA.array()).rowwise().sum();
        const Eigen::MatrixXd dS = (A[h].array() * (dA.colwise() - through).array()).matrix() * c.score_scale;
        const Eigen::MatrixXd dQ = dS * K[h];
        const Eigen::MatrixXd dK = dS.transpose() * Q[h];
        g->heads[h].W_Q += X.transpose() * dQ;
        g->heads[h].W_K += X.transpose() * dK;
        g->heads[h].W_V += X.transpose() * dV;
        dX += dQ * p.heads[h].W_Q.transpose() + dK * p.heads[h].W_K.transpose() + dV * p.heads[h].W_V.transpose();
    }
    g->embed_weight += dX.transpose() * x;
    g->embed_bias += dX.colwise().sum().transpose();
    return error * error;
}

double loss_in(const Context& c, const TrainedParameters& p, const TrainingExamples& examples, TrainedParameters* g) {
    const auto count = static_cast<double>(examples.numbers.rows());
    if (g) *g = zeros_like(p);
    double total = 0;
    for (Eigen::Index e = 0; e < examples.numbers.rows(); ++e)
        total += example_loss(c, p, examples.numbers.row(e).transpose(), examples.targets(e), 1 / count, g);
    return total / count;
}

int checkpoint_count(const TrainSpec& spec) {
    return (spec.steps + spec.checkpoint_every - 1) / spec.checkpoint_every + 1;
}

}  // namespace

std::vector<double> token_numbers(const std::vector<std::string>& tokens) {
    std::vector<double> numbers;
    for (std::size_t i = 0; i < tokens.size(); ++i) {
        const std::string& t = tokens[i];
        double v = 0;
        const auto [end, ec] = std::from_chars(t.data(), t.data() + t.size(), v);
        require(ec == std::errc() && end == t.data() + t.size() && std::isfinite(v),
                "a trained model reads its tokens as numbers, and token " + std::to_string(i) + " is '" + t + "'");
        numbers.push_back(v);
    }
    return numbers;
}

double task_target(TrainSpec::Task task, const std::vector<double>& numbers) {
    if (task == TrainSpec::Task::previous) return numbers.size() >= 2 ? numbers[numbers.size() - 2] : 0;
    double sum = 0;
    for (double x : numbers) sum += x;
    return sum;
}

void validate_training(const ModelSpec& model, const TrainSpec& spec) {
    require(model.source_tokens.empty(), "a trained model is self-attention: give it 'tokens', not queries and keys");
    require(model.layers == 1, "a trained model has one layer, got " + std::to_string(model.layers));
    require(!model.layer_norm, "a trained model has no layer norm: remove 'layer_norm'");
    require(!model.embeddings && model.weights.empty(),
            "a trained model learns its embeddings and weights: remove the written inputs and W_Q, W_K, W_V, W_O");
    require(model.d_model >= 1 && model.d_model <= TrainLimits::max_d_model,
            "a trained model's d_model must be between 1 and " + std::to_string(TrainLimits::max_d_model) + ", got " +
                std::to_string(model.d_model));
    require(model.heads >= 1 && model.heads <= TrainLimits::max_heads,
            "a trained model has between 1 and " + std::to_string(TrainLimits::max_heads) + " heads, got " +
                std::to_string(model.heads));
    const int tokens = static_cast<int>(model.tokens.size());
    const int fewest = spec.task == TrainSpec::Task::previous ? 2 : 1;
    require(tokens >= fewest && tokens <= TrainLimits::max_tokens,
            "a trained model takes between " + std::to_string(fewest) + " and " + std::to_string(TrainLimits::max_tokens) +
                " tokens, got " + std::to_string(tokens));
    require(spec.steps >= 1 && spec.steps <= TrainLimits::max_steps,
            "'steps' must be between 1 and " + std::to_string(TrainLimits::max_steps) + ", got " + std::to_string(spec.steps));
    require(spec.examples >= 1 && spec.examples <= TrainLimits::max_examples,
            "'examples' must be between 1 and " + std::to_string(TrainLimits::max_examples) + ", got " +
                std::to_string(spec.examples));
    require(std::isfinite(spec.learning_rate) && spec.learning_rate > 0,
            "'learning_rate' must be a positive number, got " + number_text(spec.learning_rate));
    require(spec.low <= spec.high, "'numbers' must go from low to high, got [" + std::to_string(spec.low) + ", " +
                                       std::to_string(spec.high) + "]");
    require(spec.checkpoint_every >= 1, "'checkpoint_every' must be at least 1");
    require(checkpoint_count(spec) <= TrainLimits::max_checkpoints,
            std::to_string(spec.steps) + " steps with a checkpoint every " + std::to_string(spec.checkpoint_every) +
                " keep " + std::to_string(checkpoint_count(spec)) + " checkpoints; the limit is " +
                std::to_string(TrainLimits::max_checkpoints) + ": raise 'checkpoint_every'");
    const double work = static_cast<double>(spec.steps) * spec.examples * (tokens * model.d_model * model.d_model + 256.0);
    require(work <= TrainLimits::max_work,
            "this training is too long for a scene (steps × examples × (tokens × d_model² + 256) = " + number_text(work) +
                ", the limit is " + number_text(TrainLimits::max_work) + "): use fewer steps or examples, or a smaller model");
}

TrainingExamples training_examples(const TrainSpec& spec, int tokens) {
    TrainingExamples examples;
    examples.numbers.resize(spec.examples, tokens);
    examples.targets.resize(spec.examples);
    auto rng = seeded_stream({spec.seed, fnv1a("train.examples")});
    const int span = spec.high - spec.low + 1;
    for (int e = 0; e < spec.examples; ++e) {
        std::vector<double> row;
        for (int t = 0; t < tokens; ++t) {
            const double x = spec.low + std::floor(uniform01(rng) * span);
            examples.numbers(e, t) = x;
            row.push_back(x);
        }
        examples.targets(e) = task_target(spec.task, row);
    }
    return examples;
}

TrainedParameters initial_parameters(const ModelSpec& model, std::uint64_t seed) {
    const Eigen::Index d = model.d_model, d_k = model.d_model / model.heads;
    const double stddev = 1 / std::sqrt(static_cast<double>(d));
    const auto stream = [&](const char* name, std::uint64_t index = 0) {
        return seeded_stream({seed, fnv1a(name), index});
    };
    TrainedParameters p;
    auto w = stream("train.embed_weight"), b = stream("train.embed_bias");
    p.embed_weight = normal_matrix(w, d, 1, stddev);
    p.embed_bias = normal_matrix(b, d, 1, stddev);
    for (int h = 0; h < model.heads; ++h) {
        const auto index = static_cast<std::uint64_t>(h);
        auto q = stream("train.W_Q", index), k = stream("train.W_K", index), v = stream("train.W_V", index);
        p.heads.push_back({normal_matrix(q, d, d_k, stddev), normal_matrix(k, d, d_k, stddev),
                           normal_matrix(v, d, d_k, stddev)});
    }
    auto o = stream("train.W_O"), r = stream("train.readout");
    p.W_O = normal_matrix(o, d, d, stddev);
    p.readout = normal_matrix(r, d, 1, stddev);
    p.readout_bias = 0;
    return p;
}

double training_loss(const ModelSpec& model, const TrainedParameters& parameters, const TrainingExamples& examples,
                     TrainedParameters* gradient) {
    return loss_in(context_for(model), parameters, examples, gradient);
}

Eigen::VectorXd flatten(const TrainedParameters& p) {
    Eigen::Index size = p.embed_weight.size() + p.embed_bias.size() + p.W_O.size() + p.readout.size() + 1;
    for (const HeadWeights& h : p.heads) size += h.W_Q.size() + h.W_K.size() + h.W_V.size();
    Eigen::VectorXd flat(size);
    Eigen::Index at = 0;
    const auto put = [&](const auto& m) {
        for (Eigen::Index j = 0; j < m.cols(); ++j)
            for (Eigen::Index i = 0; i < m.rows(); ++i) flat(at++) = m(i, j);
    };
    put(p.embed_weight);
    put(p.embed_bias);
    for (const HeadWeights& h : p.heads) {
        put(h.W_Q);
        put(h.W_K);
        put(h.W_V);
    }
    put(p.W_O);
    put(p.readout);
    flat(at) = p.readout_bias;
    return flat;
}

TrainedParameters unflatten(const Eigen::VectorXd& flat, const TrainedParameters& shape) {
    TrainedParameters p = shape;
    Eigen::Index at = 0;
    const auto take = [&](auto& m) {
        for (Eigen::Index j = 0; j < m.cols(); ++j)
            for (Eigen::Index i = 0; i < m.rows(); ++i) m(i, j) = flat(at++);
    };
    take(p.embed_weight);
    take(p.embed_bias);
    for (HeadWeights& h : p.heads) {
        take(h.W_Q);
        take(h.W_K);
        take(h.W_V);
    }
    take(p.W_O);
    take(p.readout);
    p.readout_bias = flat(at);
    return p;
}

std::vector<TrainCheckpoint> train_model(const ModelSpec& model, const TrainSpec& spec) {
    validate_training(model, spec);
    const Context c = context_for(model);
    const TrainingExamples examples = training_examples(spec, static_cast<int>(model.tokens.size()));
    TrainedParameters p = initial_parameters(model, spec.seed);
    Eigen::VectorXd theta = flatten(p);
    Eigen::VectorXd m = Eigen::VectorXd::Zero(theta.size()), v = Eigen::VectorXd::Zero(theta.size());
    constexpr double beta1 = 0.9, beta2 = 0.999, epsilon = 1e-8;  // Adam's usual constants

    std::vector<TrainCheckpoint> checkpoints;
    double first_loss = 0;
    TrainedParameters gradient;
    for (int step = 0; step <= spec.steps; ++step) {
        const bool last = step == spec.steps;
        const double loss = loss_in(c, p, examples, last ? nullptr : &gradient);
        if (step == 0) first_loss = loss;
        if (!std::isfinite(loss) || loss > 1e6 * std::max(first_loss, 1.0))
            throw TrainingDiverged(step, loss, "training diverged at step " + std::to_string(step) + ": the loss " +
                                                   (std::isfinite(loss) ? "rose to " + number_text(loss) : "became " + number_text(loss)) +
                                                   " (it began at " + number_text(first_loss) +
                                                   "); lower 'learning_rate' (now " + number_text(spec.learning_rate) + ")");
        if (step % spec.checkpoint_every == 0 || last) checkpoints.push_back({step, p, loss});
        if (last) break;
        const Eigen::VectorXd g = flatten(gradient);
        if (spec.optimizer == TrainSpec::Optimizer::sgd) {
            theta -= spec.learning_rate * g;
        } else {
            m = beta1 * m + (1 - beta1) * g;
            v = beta2 * v + (1 - beta2) * g.cwiseProduct(g);
            const double t = step + 1;
            const Eigen::ArrayXd m_hat = m.array() / (1 - std::pow(beta1, t));
            const Eigen::ArrayXd v_hat = v.array() / (1 - std::pow(beta2, t));
            theta.array() -= spec.learning_rate * m_hat / (v_hat.sqrt() + epsilon);
        }
        p = unflatten(theta, p);
    }
    return checkpoints;
}

ModelSpec trained_model_spec(const ModelSpec& model, const TrainedParameters& p) {
    ModelSpec spec = model;
    const std::vector<double> numbers = token_numbers(model.tokens);
    const auto n = static_cast<Eigen::Index>(numbers.size());
    const Eigen::VectorXd x = Eigen::Map<const Eigen::VectorXd>(numbers.data(), n);
    spec.embeddings = Eigen::MatrixXd(x * p.embed_weight.transpose() + Eigen::VectorXd::Ones(n) * p.embed_bias.transpose());
    spec.weights = {LayerWeights{p.heads, p.W_O}};
    return spec;
}

}  // namespace attnreel::attention
