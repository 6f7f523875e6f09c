#include "attention/model_spec.hpp"

#include "core/error.hpp"

#include <string>

namespace attnreel::attention {

namespace {

std::string shape(Eigen::Index rows, Eigen::Index cols) {
    return std::to_string(rows) + "×" + std::to_string(cols);
}

void require(bool condition, const std::string& message) {
    if (!condition) throw InputError(message);
}

void require_in_range(const char* name, int value, int max) {
    require(value >= 1 && value <= max, std::string(name) + " must be between 1 and " +
                                            std::to_string(max) + ", got " + std::to_string(value));
}

void require_matrix(const Eigen::MatrixXd& m, Eigen::Index rows, Eigen::Index cols,
                    const std::string& name) {
    require(m.rows() == rows && m.cols() == cols,
            name + " is " + shape(m.rows(), m.cols()) + " but must be " + shape(rows, cols));
    require(m.allFinite(), name + " contains a number that is not finite");
}

void validate_tokens(const std::vector<std::string>& tokens, const char* what) {
    require(tokens.size() <= static_cast<std::size_t>(ModelLimits::max_tokens),
             std::string("at most ") + std::to_string(ModelLimits::max_tokens) + " " + what +
                "s are supported, got " + std::to_string(tokens.size()));
    for (std::size_t i = 0; i < tokens.size(); ++i)
        require(!tokens[i].empty(), std::string(what) + " " + std::to_string(i) + " is empty");
}

void validate_weights(const ModelSpec& spec) {
    if (spec.weights.empty()) return;
    require(spec.weights.size() == static_cast<std::size_t>(spec.layers),
            "weights are given for " + std::to_string(spec.weights.size()) + " layers but the model has " +
                std::to_string(spec.layers));
    const Eigen::Index d = spec.d_model;
    const Eigen::Index d_k = spec.d_model / spec.heads;
    for (std::size_t l = 0; l < spec.weights.size(); ++l) {
        const LayerWeights& layer = spec.weights[l];
        const std::string where = "layer " + std::to_string(l);
        require(layer.heads.empty() || layer.heads.size() == static_cast<std::size_t>(spec.heads),
                where + " has weights for " + std::to_string(layer.heads.size()) + " heads but the model has " +
                    std::to_string(spec.heads));
        // Empty matrices keep their seeded values.
        auto check = [&](const Eigen::MatrixXd& m, Eigen::Index cols, const std::string& name) {
            if (m.size() > 0) require_matrix(m, d, cols, name);
        };
        for (std::size_t h = 0; h < layer.heads.size(); ++h) {
            const std::string head = where + " head " + std::to_string(h) + " ";
            check(layer.heads[h].W_Q, d_k, head + "W_Q");
            check(layer.heads[h].W_K, d_k, head + "W_K");
            check(layer.heads[h].W_V, d_k, head + "W_V");
        }
        check(layer.W_O, d, where + " W_O");
    }
}

}  // namespace

double stored_numbers(const ModelSpec& spec) {
    const double n = static_cast<double>(spec.tokens.size());
    const double m = spec.source_tokens.empty() ? n : static_cast<double>(spec.source_tokens.size());
    const double d = spec.d_model;
    const double d_k = spec.heads > 0 ? d / spec.heads : d;
    const double per_head = 3 * d * d_k + n * d_k + 2 * m * d_k + 4 * n * m + n * d_k;
    const double per_layer = spec.heads * per_head + d * d + 4 * n * d;
    return spec.layers * per_layer + 3 * (n + m) * d;
}

void validate_model_spec(const ModelSpec& spec) {
    require(!spec.tokens.empty(), "the model needs at least one token");
    validate_tokens(spec.tokens, "token");
    validate_tokens(spec.source_tokens, "source token");
    require_in_range("d_model", spec.d_model, ModelLimits::max_d_model);
    require_in_range("heads", spec.heads, ModelLimits::max_heads);
    require_in_range("layers", spec.layers, ModelLimits::max_layers);
    require(spec.d_model % spec.heads == 0,
            "d_model " + std::to_string(spec.d_model) + " is not divisible by " + std::to_string(spec.heads) +
                " heads (each head gets d_model / heads dimensions)");
    require(stored_numbers(spec) <= ModelLimits::max_stored_numbers,
            "the model is too large to keep every intermediate (about " +
                std::to_string(static_cast<long long>(stored_numbers(spec) / 1e6)) +
                " million numbers; the limit is " +
                std::to_string(static_cast<long long>(ModelLimits::max_stored_numbers / 1e6)) +
                " million): use fewer tokens, layers, heads or a smaller d_model");

    const bool cross = !spec.source_tokens.empty();
    const auto n = static_cast<Eigen::Index>(spec.tokens.size());
    const auto m = cross ? static_cast<Eigen::Index>(spec.source_tokens.size()) : n;
    const Mask mask = make_mask(spec.mask, n, m);
    const Eigen::Index blind = first_fully_masked_row(mask);
    if (blind >= 0)
        throw InputError("token " + std::to_string(blind) + " ('" + spec.tokens[static_cast<std::size_t>(blind)] +
                         "') can see no key: the '" + to_string(spec.mask.kind) +
                         "' mask with this padding hides every key from it");

    if (spec.embeddings) require_matrix(*spec.embeddings, n, spec.d_model, "embeddings");
    if (spec.source_embeddings) {
        require(cross, "source embeddings are only used with source tokens (cross-attention)");
        require_matrix(*spec.source_embeddings, m, spec.d_model, "source embeddings");
    }
    validate_weights(spec);
}

}  // namespace attnreel::attention
