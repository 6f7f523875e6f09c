#include "attention/patterns.hpp"

#include "attention/tokens.hpp"
#include "core/error.hpp"

#include <cmath>
#include <cstdlib>

namespace attnreel::attention {

const std::vector<std::string>& head_pattern_names() {
    static const std::vector<std::string> names = {"previous_token", "local",     "first_token_sink",
                                                   "positional_offset", "semantic", "induction",
                                                   "punctuation_sink",  "uniform"};
    return names;
}

std::string to_string(HeadPattern pattern) {
    return head_pattern_names().at(static_cast<std::size_t>(pattern));
}

HeadPattern parse_head_pattern(std::string_view name) {
    const auto& names = head_pattern_names();
    for (std::size_t i = 0; i < names.size(); ++i)
        if (names[i] == name) return static_cast<HeadPattern>(i);
    std::string list;
    for (const auto& n : names) list += (list.empty() ? "" : ", ") + n;
    throw InputError("unknown head pattern '" + std::string(name) + "' (expected one of " + list + ")" +
                     did_you_mean(name, names));
}

namespace {

// Row i of an indicator pattern: which keys are its targets.
bool is_target(HeadPattern pattern, int parameter, const std::vector<std::string>& tokens, Eigen::Index i,
               Eigen::Index j) {
    switch (pattern) {
        case HeadPattern::previous_token: return j == i - 1;
        case HeadPattern::local: return std::abs(i - j) <= parameter;
        case HeadPattern::first_token_sink: return j == 0;
        case HeadPattern::positional_offset: return j == i - parameter;
        case HeadPattern::induction:
            // j is the successor of an earlier occurrence of token i
            return j >= 1 && j - 1 < i && tokens[static_cast<std::size_t>(j - 1)] == tokens[static_cast<std::size_t>(i)];
        case HeadPattern::punctuation_sink: return is_punctuation(tokens[static_cast<std::size_t>(j)]);
        case HeadPattern::uniform: return true;
        case HeadPattern::semantic: break;
    }
    return false;
}

// Spreads the row evenly over `targets`, or falls back when none is visible.
void fill_row(Eigen::MatrixXd& result, Eigen::Index i, const Eigen::Array<bool, 1, Eigen::Dynamic>& targets,
              const Mask& allowed) {
    Eigen::Array<bool, 1, Eigen::Dynamic> chosen = targets && allowed.row(i);
    if (!chosen.any()) {
        chosen.setConstant(false);
        if (allowed(i, 0)) chosen(0) = true;
        else chosen = allowed.row(i);
    }
    const double count = static_cast<double>(chosen.count());
    for (Eigen::Index j = 0; j < result.cols(); ++j) result(i, j) = chosen(j) ? 1.0 / count : 0.0;
}

Eigen::MatrixXd semantic_template(const PatternContext& context) {
    if (!context.embeddings)
        throw InputError("the semantic pattern needs token embeddings to compare");
    const Eigen::MatrixXd& e = *context.embeddings;
    const Eigen::Index n = context.allowed.rows();
    if (e.rows() != n) throw InputError("the semantic pattern needs one embedding per token");
    const Eigen::VectorXd norms = e.rowwise().norm();
    Eigen::MatrixXd result = Eigen::MatrixXd::Zero(n, n);
    for (Eigen::Index i = 0; i < n; ++i) {
        double sum = 0;
        for (Eigen::Index j = 0; j < n; ++j) {
            if (!context.allowed(i, j)) continue;
            const double denominator = norms(i) * norms(j);
            const double cosine = (i == j || denominator == 0) ? 0.0 : e.row(i).dot(e.row(j)) / denominator;
            result(i, j) = std::exp(semantic_beta * cosine);
            sum += result(i, j);
        }
        if (sum > 0) result.row(i) /= sum;
    }
    return result;
}

}  // namespace

Eigen::MatrixXd pattern_template(HeadPattern pattern, int parameter, const PatternContext& context) {
    const Eigen::Index n = context.allowed.rows();
    if (context.allowed.cols() != n || static_cast<Eigen::Index>(context.tokens.size()) != n)
        throw InputError("a pattern needs a square mask with one row per token");
    if (pattern == HeadPattern::semantic) return semantic_template(context);
    Eigen::MatrixXd result = Eigen::MatrixXd::Zero(n, n);
    Eigen::Array<bool, 1, Eigen::Dynamic> targets(n);
    for (Eigen::Index i = 0; i < n; ++i) {
        for (Eigen::Index j = 0; j < n; ++j) targets(j) = is_target(pattern, parameter, context.tokens, i, j);
        fill_row(result, i, targets, context.allowed);
    }
    return result;
}

bool pattern_applies(HeadPattern pattern, int parameter, const std::vector<std::string>& tokens) {
    const auto n = static_cast<int>(tokens.size());
    switch (pattern) {
        case HeadPattern::positional_offset: return parameter >= 2 && parameter < n;
        case HeadPattern::local: return parameter >= 1;
        case HeadPattern::induction:
            for (int i = 1; i < n; ++i)
                for (int j = 0; j < i; ++j)
                    if (tokens[static_cast<std::size_t>(i)] == tokens[static_cast<std::size_t>(j)]) return true;
            return false;
        case HeadPattern::punctuation_sink:
            for (int j = 1; j < n; ++j)
                if (is_punctuation(tokens[static_cast<std::size_t>(j)])) return true;
            return false;
        default: return true;
    }
}

}  // namespace attnreel::attention
