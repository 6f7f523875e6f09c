#include "attention/classify.hpp"

#include "core/error.hpp"

#include <algorithm>

namespace attnreel::attention {

namespace {

constexpr double tie_tolerance = 1e-12;
constexpr double elimination_threshold = 0.5;

struct Candidate {
    HeadPattern pattern;
    int parameter;
};

std::vector<Candidate> candidates(const std::vector<std::string>& tokens, bool have_embeddings) {
    const int n = static_cast<int>(tokens.size());
    std::vector<Candidate> list = {{HeadPattern::previous_token, 0}, {HeadPattern::first_token_sink, 0}};
    // Before the offsets: on a repeated sequence an induction head is an offset head too,
    // and the content explanation is the one worth naming.
    if (pattern_applies(HeadPattern::induction, 0, tokens)) list.push_back({HeadPattern::induction, 0});
    for (int k = 2; k <= std::min(4, n - 1); ++k) list.push_back({HeadPattern::positional_offset, k});
    for (int w = 1; w <= 3; ++w) list.push_back({HeadPattern::local, w});
    if (pattern_applies(HeadPattern::punctuation_sink, 0, tokens))
        list.push_back({HeadPattern::punctuation_sink, 0});
    if (have_embeddings) list.push_back({HeadPattern::semantic, 0});
    list.push_back({HeadPattern::uniform, 0});
    return list;
}

}  // namespace

double pattern_overlap(const Eigen::MatrixXd& A, const Eigen::MatrixXd& T) {
    double total = 0;
    int rows = 0;
    for (Eigen::Index i = 0; i < A.rows(); ++i) {
        if ((A.row(i).array() > 0).count() < 2) continue;
        total += A.row(i).cwiseMin(T.row(i)).sum();
        ++rows;
    }
    return rows == 0 ? 1.0 : total / rows;
}

Mask attention_support(const Eigen::MatrixXd& A) { return A.array() > 0; }

PatternFit classify_head(const Eigen::MatrixXd& A, const std::vector<std::string>& tokens,
                         const std::optional<Eigen::MatrixXd>& embeddings, const std::optional<Mask>& visible) {
    const auto n = static_cast<Eigen::Index>(tokens.size());
    if (A.rows() != n || A.cols() != n)
        throw InputError("classifying a head needs a square attention matrix with one row per token");
    const Mask support = visible ? *visible : attention_support(A);
    if ((support.rowwise().count().array() < 2).all())  // no row has a choice to make
        return {HeadPattern::uniform, 0, 1.0};
    const PatternContext context{tokens, support, embeddings};
    PatternFit best;
    double best_fit = -1;
    for (const Candidate& candidate : candidates(tokens, embeddings.has_value())) {
        const double fit = pattern_overlap(A, pattern_template(candidate.pattern, candidate.parameter, context));
        if (fit > best_fit + tie_tolerance) {
            best_fit = fit;
            best = {candidate.pattern, candidate.parameter, fit};
        }
    }
    if (!embeddings && best_fit < elimination_threshold) return {HeadPattern::semantic, 0, std::nullopt};
    return best;
}

}  // namespace attnreel::attention
