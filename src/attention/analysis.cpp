#include "attention/analysis.hpp"

#include "attention/model.hpp"
#include "attention/report.hpp"
#include "attention/rollout.hpp"
#include "attention/synthetic.hpp"
#include "attention/tokens.hpp"
#include "core/error.hpp"

#include <algorithm>
#include <cmath>
#include <cstdlib>

namespace attnreel::attention {

namespace {

double mean_entropy_bits(const Eigen::MatrixXd& A) {
    double total = 0;
    for (Eigen::Index i = 0; i < A.rows(); ++i)
        for (Eigen::Index j = 0; j < A.cols(); ++j)
            if (A(i, j) > 0) total -= A(i, j) * std::log2(A(i, j));  // 0 · log 0 = 0
    return total / static_cast<double>(A.rows());
}

double mean_distance(const Eigen::MatrixXd& A) {
    double total = 0;
    for (Eigen::Index i = 0; i < A.rows(); ++i)
        for (Eigen::Index j = 0; j < A.cols(); ++j) total += A(i, j) * static_cast<double>(std::abs(i - j));
    return total / static_cast<double>(A.rows());
}

// The mean over rows i that `counts` of the weight row i gives to the keys `target(i, j)`;
// none when no row counts.
template <typename Counts, typename Target>
std::optional<double> mean_over_rows(const Eigen::MatrixXd& A, Counts counts, Target target) {
    double total = 0;
    int rows = 0;
    for (Eigen::Index i = 0; i < A.rows(); ++i) {
        if (!counts(i)) continue;
        for (Eigen::Index j = 0; j < A.cols(); ++j)
            if (target(i, j)) total += A(i, j);
        ++rows;
    }
    if (rows == 0) return std::nullopt;
    return total / rows;
}

std::optional<double> induction_score(const Eigen::MatrixXd& A, const std::vector<std::string>& tokens) {
    double total = 0;
    int rows = 0;
    for (Eigen::Index i = 1; i < A.rows(); ++i) {
        double row_mass = 0;
        bool repeats = false;
        for (Eigen::Index j = 0; j < i; ++j) {
            if (tokens[static_cast<std::size_t>(j)] != tokens[static_cast<std::size_t>(i)]) continue;
            // Two earlier occurrences never share a successor, so no weight counts twice.
            repeats = true;
            row_mass += A(i, j + 1);
        }
        if (repeats) {
            total += row_mass;
            ++rows;
        }
    }
    if (rows == 0) return std::nullopt;
    return total / rows;
}

// Weight within one key of where query i falls on the diagonal scaled to the keys.
double alignment_score(const Eigen::MatrixXd& A) {
    const Eigen::Index n = A.rows(), m = A.cols();
    double total = 0;
    for (Eigen::Index i = 0; i < n; ++i) {
        const double centre = n == 1 ? 0.0 : static_cast<double>(i) * static_cast<double>(m - 1) / static_cast<double>(n - 1);
        for (Eigen::Index j = 0; j < m; ++j)
            if (std::abs(static_cast<double>(j) - centre) <= 1.0) total += A(i, j);
    }
    return total / static_cast<double>(n);
}

double coverage_score(const Eigen::MatrixXd& A) {
    return A.colwise().sum().array().min(1.0).mean();
}

}  // namespace

HeadAnalysis analyze_head(const Eigen::MatrixXd& A, const AnalysisContext& context) {
    if (A.rows() == 0 || A.cols() == 0) throw InputError("cannot analyse an empty attention matrix");
    const Mask visible = context.visible && context.visible->rows() == A.rows() && context.visible->cols() == A.cols()
                             ? *context.visible
                             : attention_support(A);
    const auto choice = [&](Eigen::Index i) { return visible.row(i).count() >= 2; };
    const auto sees = [&](Eigen::Index i, Eigen::Index j) { return j >= 0 && j < A.cols() && visible(i, j); };
    HeadAnalysis result;
    result.entropy = mean_entropy_bits(A);

    // Keys that are neither the query itself nor its predecessor: a sink or a delimiter seen
    // there is chosen, not the only way back.
    const auto elsewhere = [&](Eigen::Index i, Eigen::Index j) { return context.cross || (j != i && j != i - 1); };
    result.sink = mean_over_rows(
        A, [&](Eigen::Index i) { return choice(i) && sees(i, 0) && elsewhere(i, 0); },
        [](Eigen::Index, Eigen::Index j) { return j == 0; });
    const auto punctuation = [&](Eigen::Index j) {
        return j >= 1 && is_punctuation(context.keys[static_cast<std::size_t>(j)]);
    };
    result.punctuation = mean_over_rows(
        A,
        [&](Eigen::Index i) {
            if (!choice(i)) return false;
            for (Eigen::Index j = 0; j < A.cols(); ++j)
                if (punctuation(j) && sees(i, j) && elsewhere(i, j)) return true;
            return false;
        },
        [&](Eigen::Index, Eigen::Index j) { return punctuation(j); });

    if (context.cross) {
        result.alignment = alignment_score(A);
        result.coverage = coverage_score(A);
        return result;
    }
    result.mean_distance = mean_distance(A);
    result.self = mean_over_rows(
        A, [&](Eigen::Index i) { return choice(i) && sees(i, i); },
        [](Eigen::Index i, Eigen::Index j) { return i == j; });
    result.previous = mean_over_rows(
        A, [&](Eigen::Index i) { return choice(i) && sees(i, i - 1); },
        [](Eigen::Index i, Eigen::Index j) { return j == i - 1; });
    if (A.rows() == A.cols() && A.rows() == static_cast<Eigen::Index>(context.queries.size())) {
        result.induction = induction_score(A, context.queries);
        result.pattern = classify_head(A, context.queries, context.embeddings, visible);
    }
    return result;
}

HeadAnalysis analyze_head(const Eigen::MatrixXd& A, const std::vector<std::string>& tokens,
                          const std::optional<Eigen::MatrixXd>& embeddings) {
    AnalysisContext context;
    context.queries = context.keys = tokens;
    context.cross = A.rows() != A.cols();
    if (context.cross) context.keys = placeholder_tokens(static_cast<std::size_t>(A.cols()));
    context.embeddings = embeddings;
    return analyze_head(A, context);
}

std::optional<double> layer_mean(const std::vector<HeadAnalysis>& heads,
                                 std::optional<double> HeadAnalysis::*figure) {
    double total = 0;
    int count = 0;
    for (const HeadAnalysis& head : heads)
        if (const auto& value = head.*figure) {
            total += *value;
            ++count;
        }
    if (count == 0) return std::nullopt;
    return total / count;
}

namespace {

Eigen::MatrixXd distance_profile(const AttentionStack& stack, const std::optional<Mask>& visible) {
    const Eigen::Index n = stack.front().front().rows();
    Eigen::MatrixXd profile = Eigen::MatrixXd::Zero(static_cast<Eigen::Index>(stack.size()), n);
    for (std::size_t l = 0; l < stack.size(); ++l) {
        Eigen::VectorXd total = Eigen::VectorXd::Zero(n), pairs = Eigen::VectorXd::Zero(n);
        for (const Eigen::MatrixXd& A : stack[l]) {
            const Mask seen = visible ? *visible : attention_support(A);
            for (Eigen::Index i = 0; i < n; ++i)
                for (Eigen::Index j = 0; j < n; ++j)
                    if (seen(i, j)) {
                        total(std::abs(i - j)) += A(i, j);
                        pairs(std::abs(i - j)) += 1;
                    }
        }
        for (Eigen::Index d = 0; d < n; ++d)
            profile(static_cast<Eigen::Index>(l), d) = pairs(d) > 0 ? total(d) / pairs(d) : 0.0;
    }
    return profile;
}

// The score that shows a named pattern at work: its own measure where there is one, else how
// well the head fits the pattern (local windows, offsets, semantic heads); none for uniform.
std::optional<double> role_score(const HeadAnalysis& head) {
    switch (head.pattern->pattern) {
        case HeadPattern::previous_token: return head.previous;
        case HeadPattern::first_token_sink: return head.sink;
        case HeadPattern::induction: return head.induction;
        case HeadPattern::punctuation_sink: return head.punctuation;
        case HeadPattern::local:
        case HeadPattern::positional_offset:
        case HeadPattern::semantic: return head.pattern->fit;
        case HeadPattern::uniform: break;
    }
    return std::nullopt;
}

// One role per head at most: the pattern the classifier names, when the head's own score for
// it shows that more than kSpecialisedScore of its attention goes that way. Scores count only
// the rows where the mask leaves a choice, so a forced look (row 1 of a causal head can only
// see token 0 besides itself) never makes a role.
std::vector<Specialisation> specialised_heads(const ModelAnalysis& analysis) {
    std::vector<Specialisation> found;
    for (std::size_t l = 0; l < analysis.layers.size(); ++l) {
        for (std::size_t h = 0; h < analysis.layers[l].size(); ++h) {
            const HeadAnalysis& head = analysis.layers[l][h];
            if (head.alignment && *head.alignment > kSpecialisedScore)  // cross-attention
                found.push_back({l, h, "alignment", *head.alignment});
            if (!head.pattern) continue;
            if (const auto score = role_score(head); score && *score > kSpecialisedScore)
                found.push_back({l, h, describe(*head.pattern), *score});
        }
    }
    std::stable_sort(found.begin(), found.end(),
                     [](const Specialisation& a, const Specialisation& b) { return a.score > b.score; });
    return found;
}

}  // namespace

ModelAnalysis analyze_attention(const AttentionStack& stack, const AnalysisContext& context) {
    ModelAnalysis result;
    result.cross = context.cross;
    for (const auto& layer : stack) {
        std::vector<HeadAnalysis> heads;
        for (const Eigen::MatrixXd& A : layer) heads.push_back(analyze_head(A, context));
        result.layers.push_back(std::move(heads));
    }
    if (!context.cross && !stack.empty()) {
        result.rollout = attention_rollout(stack);
        result.distance_profile = distance_profile(stack, context.visible);
    }
    result.specialised = specialised_heads(result);
    return result;
}

ModelAnalysis analyze_attention(const AttentionStack& stack, const std::vector<std::string>& tokens,
                                const std::optional<Eigen::MatrixXd>& embeddings) {
    AnalysisContext context;
    context.queries = context.keys = tokens;
    context.embeddings = embeddings;
    return analyze_attention(stack, context);
}

ModelAnalysis analyze_model(const ComputedModel& model) {
    AnalysisContext context;
    context.queries = model.spec.tokens;
    context.cross = model.cross_attention();
    context.keys = context.cross ? model.spec.source_tokens : model.spec.tokens;
    context.visible = model.layers.front().heads.front().mask;
    if (!context.cross) context.embeddings = model.token_embeddings;
    return analyze_attention(attention_stack(model), context);
}

ModelAnalysis analyze_model(const SyntheticModel& model) {
    AnalysisContext context;
    context.queries = context.keys = model.tokens;
    context.visible = model.mask;
    context.embeddings = model.embeddings;
    return analyze_attention(attention_stack(model), context);
}

}  // namespace attnreel::attention
