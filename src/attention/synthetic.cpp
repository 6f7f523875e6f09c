#include "attention/synthetic.hpp"

#include "attention/embeddings.hpp"
#include "attention/model_spec.hpp"
#include "attention/random.hpp"
#include "attention/softmax.hpp"
#include "core/error.hpp"

#include <cmath>

namespace attnreel::attention {

namespace {

constexpr double logit_noise = 0.3;

void require(bool condition, const std::string& message) {
    if (!condition) throw InputError(message);
}

void validate(const SyntheticSpec& spec) {
    require(!spec.tokens.empty(), "synthetic attention needs at least one token");
    require(spec.tokens.size() <= static_cast<std::size_t>(ModelLimits::max_tokens),
            "at most " + std::to_string(ModelLimits::max_tokens) + " tokens are supported, got " +
                std::to_string(spec.tokens.size()));
    require(spec.layers >= 1 && spec.layers <= ModelLimits::max_layers,
            "layers must be between 1 and " + std::to_string(ModelLimits::max_layers) + ", got " +
                std::to_string(spec.layers));
    require(spec.heads >= 1 && spec.heads <= ModelLimits::max_heads,
            "heads must be between 1 and " + std::to_string(ModelLimits::max_heads) + ", got " +
                std::to_string(spec.heads));
    require(spec.window >= 1, "the local window must be at least 1, got " + std::to_string(spec.window));
    require(spec.embedding_dim >= 1 && spec.embedding_dim <= ModelLimits::max_d_model,
            "embedding_dim must be between 1 and " + std::to_string(ModelLimits::max_d_model));
    // The same bound on kept numbers as a computed model's: every head is a tokens × tokens matrix.
    require(stored_numbers(spec) <= ModelLimits::max_stored_numbers,
            "the model is too large to keep every head (about " +
                std::to_string(static_cast<long long>(stored_numbers(spec) / 1e6)) + " million numbers; the limit is " +
                std::to_string(static_cast<long long>(ModelLimits::max_stored_numbers / 1e6)) +
                " million): use fewer tokens, layers or heads");
    if (spec.patterns.empty()) return;
    require(spec.patterns.size() == static_cast<std::size_t>(spec.layers),
            "patterns are given for " + std::to_string(spec.patterns.size()) + " layers but there are " +
                std::to_string(spec.layers));
    for (std::size_t l = 0; l < spec.patterns.size(); ++l)
        require(spec.patterns[l].size() == static_cast<std::size_t>(spec.heads),
                "layer " + std::to_string(l) + " lists " + std::to_string(spec.patterns[l].size()) +
                    " head patterns but there are " + std::to_string(spec.heads) + " heads");
}

// Relative odds of each pattern at depth 0 (first layer) .. 1 (last layer).
double pattern_odds(HeadPattern pattern, double depth, int layer) {
    switch (pattern) {
        case HeadPattern::previous_token: return 3.0 * (1 - depth) + 0.3;
        case HeadPattern::local: return 2.5 * (1 - depth) + 0.3;
        case HeadPattern::positional_offset: return 1.5 * (1 - depth) + 0.2;
        case HeadPattern::first_token_sink: return 1.0 + 0.5 * depth;
        case HeadPattern::semantic: return 0.3 + 3.0 * depth;
        case HeadPattern::induction: return layer == 0 ? 0.0 : 0.5 + 3.0 * depth;
        case HeadPattern::punctuation_sink: return 0.3 + 1.5 * depth;
        case HeadPattern::uniform: return 0.2 + 1.5 * depth;
    }
    return 0;
}

int offset_for(std::mt19937_64& rng, std::size_t tokens) {
    const int largest = std::min(3, static_cast<int>(tokens) - 1);
    return largest <= 2 ? 2 : 2 + static_cast<int>(uniform01(rng) * (largest - 1));
}

std::vector<HeadPattern> draw_layer_patterns(const SyntheticSpec& spec, int layer) {
    const double depth = spec.layers == 1 ? 0.0 : static_cast<double>(layer) / (spec.layers - 1);
    auto rng = seeded_stream({spec.seed, fnv1a("synthetic patterns"), static_cast<std::uint64_t>(layer)});
    std::vector<HeadPattern> pool;
    std::vector<HeadPattern> chosen;
    while (chosen.size() < static_cast<std::size_t>(spec.heads)) {
        if (pool.empty())  // refill: every applicable pattern once more
            for (std::size_t p = 0; p < head_pattern_names().size(); ++p) {
                const auto pattern = static_cast<HeadPattern>(p);
                const int parameter = pattern == HeadPattern::positional_offset ? 2 : spec.window;
                if (pattern_applies(pattern, parameter, spec.tokens) && pattern_odds(pattern, depth, layer) > 0)
                    pool.push_back(pattern);
            }
        double total = 0;
        for (HeadPattern p : pool) total += pattern_odds(p, depth, layer);
        double pick = uniform01(rng) * total;
        std::size_t index = 0;
        while (index + 1 < pool.size() && pick >= pattern_odds(pool[index], depth, layer)) {
            pick -= pattern_odds(pool[index], depth, layer);
            ++index;
        }
        chosen.push_back(pool[index]);
        pool.erase(pool.begin() + static_cast<std::ptrdiff_t>(index));
    }
    return chosen;
}

SyntheticHead draw_head(PatternChoice choice, const SyntheticSpec& spec, const PatternContext& context,
                        int layer, int head) {
    const HeadPattern pattern = choice.pattern;
    const double depth = spec.layers == 1 ? 0.0 : static_cast<double>(layer) / (spec.layers - 1);
    auto rng = seeded_stream({spec.seed, fnv1a("synthetic head"), static_cast<std::uint64_t>(layer),
                              static_cast<std::uint64_t>(head)});
    SyntheticHead result;
    result.pattern = pattern;
    if (pattern == HeadPattern::local) result.parameter = choice.parameter.value_or(spec.window);
    if (pattern == HeadPattern::positional_offset) {
        const int drawn = offset_for(rng, spec.tokens.size());  // drawn even when chosen: same stream after it
        result.parameter = choice.parameter.value_or(drawn);
    }
    require(pattern_applies(pattern, result.parameter, spec.tokens),
            "layer " + std::to_string(layer) + " head " + std::to_string(head) + ": the tokens give a '" +
                to_string(pattern) + "' head nothing to attend to" +
                (pattern == HeadPattern::induction          ? " (it needs a repeated token)"
                 : pattern == HeadPattern::punctuation_sink ? " (it needs a punctuation token after the first)"
                 : pattern == HeadPattern::local            ? " (its window must be at least 1)"
                                                            : " (it needs at least " +
                                                                  std::to_string(result.parameter + 1) + " tokens)"));
    result.sharpness = (3.0 - 1.5 * depth) * (0.85 + 0.3 * uniform01(rng));

    const Eigen::MatrixXd ideal = pattern_template(pattern, result.parameter, context);
    const Eigen::Index n = ideal.rows();
    Eigen::MatrixXd logits = Eigen::MatrixXd::Zero(n, n);
    for (Eigen::Index i = 0; i < n; ++i) {
        const double row_max = ideal.row(i).maxCoeff();
        // + ln(visible keys): the targets keep their share however many keys compete.
        const double boost = result.sharpness + std::log(static_cast<double>(context.allowed.row(i).count()));
        for (Eigen::Index j = 0; j < n; ++j) {
            const double noise = logit_noise * standard_normal(rng);
            if (!context.allowed(i, j)) continue;
            const double base = pattern == HeadPattern::semantic ? std::log(ideal(i, j))
                                                                 : boost * ideal(i, j) / row_max;
            logits(i, j) = base + noise;
        }
    }
    result.weights = softmax_rows(logits, context.allowed);
    return result;
}

}  // namespace

SyntheticModel generate_synthetic(const SyntheticSpec& spec) {
    validate(spec);
    const auto n = static_cast<Eigen::Index>(spec.tokens.size());
    SyntheticModel model;
    model.tokens = spec.tokens;
    model.embeddings = token_embeddings(spec.tokens, spec.embedding_dim, spec.seed);
    model.mask = make_mask(spec.mask, n, n);
    const Eigen::Index blind = first_fully_masked_row(model.mask);
    if (blind >= 0)
        throw InputError("token " + std::to_string(blind) + " ('" + spec.tokens[static_cast<std::size_t>(blind)] +
                         "') can see no key under this mask and padding");
    const PatternContext context{spec.tokens, model.mask, model.embeddings};
    for (int l = 0; l < spec.layers; ++l) {
        std::vector<PatternChoice> patterns;
        if (spec.patterns.empty())
            for (HeadPattern p : draw_layer_patterns(spec, l)) patterns.emplace_back(p);
        else patterns = spec.patterns[static_cast<std::size_t>(l)];
        std::vector<SyntheticHead> heads;
        for (int h = 0; h < spec.heads; ++h)
            heads.push_back(draw_head(patterns[static_cast<std::size_t>(h)], spec, context, l, h));
        model.layers.push_back(std::move(heads));
    }
    return model;
}

double stored_numbers(const SyntheticSpec& spec) {
    const double n = static_cast<double>(spec.tokens.size());
    return static_cast<double>(spec.layers) * spec.heads * n * n + n * spec.embedding_dim + n * n;
}

}  // namespace attnreel::attention
