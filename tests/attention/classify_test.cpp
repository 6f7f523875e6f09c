#include "attention/classify.hpp"

#include "core/error.hpp"
#include "naive.hpp"

#include <catch2/catch.hpp>

#include <cstdlib>

using namespace attnreel::attention;
using attnreel::InputError;

namespace {

const std::vector<std::string> tokens = {"the", "cat", "sat", ",", "and", "the", "cat", "ran", "."};
const Mask causal = make_mask({MaskKind::causal, 1, {}, {}}, 9, 9);

PatternContext context(const std::optional<Eigen::MatrixXd>& embeddings = std::nullopt) {
    return {tokens, causal, embeddings};
}

}  // namespace

TEST_CASE("templates are distributions over the visible keys", "[classify]") {
    std::mt19937_64 rng(51);
    const Eigen::MatrixXd embeddings = naive::random_matrix(rng, 9, 6);
    for (std::size_t p = 0; p < head_pattern_names().size(); ++p) {
        const auto pattern = static_cast<HeadPattern>(p);
        const Eigen::MatrixXd T = pattern_template(pattern, 2, context(embeddings));
        for (Eigen::Index i = 0; i < 9; ++i) {
            CHECK(T.row(i).sum() == Approx(1.0));
            for (Eigen::Index j = i + 1; j < 9; ++j) CHECK(T(i, j) == 0.0);
        }
    }
}

TEST_CASE("templates put their weight where the pattern says", "[classify]") {
    const Eigen::MatrixXd previous = pattern_template(HeadPattern::previous_token, 0, context());
    for (Eigen::Index i = 1; i < 9; ++i) CHECK(previous(i, i - 1) == 1.0);
    CHECK(previous(0, 0) == 1.0);  // no previous token: the first token

    const Eigen::MatrixXd offset = pattern_template(HeadPattern::positional_offset, 3, context());
    for (Eigen::Index i = 3; i < 9; ++i) CHECK(offset(i, i - 3) == 1.0);
    CHECK(offset(2, 0) == 1.0);

    const Eigen::MatrixXd local = pattern_template(HeadPattern::local, 2, context());
    CHECK(local(6, 4) == Approx(1.0 / 3));
    CHECK(local(6, 5) == Approx(1.0 / 3));
    CHECK(local(6, 6) == Approx(1.0 / 3));

    // "cat" at 6 repeats "cat" at 1, so it looks at 2 ("sat"); "the" at 5 looks at 1.
    const Eigen::MatrixXd induction = pattern_template(HeadPattern::induction, 0, context());
    CHECK(induction(6, 2) == 1.0);
    CHECK(induction(5, 1) == 1.0);
    CHECK(induction(4, 0) == 1.0);  // nothing repeats yet: the first token

    const Eigen::MatrixXd punctuation = pattern_template(HeadPattern::punctuation_sink, 0, context());
    CHECK(punctuation(5, 3) == 1.0);
    CHECK(punctuation(8, 3) == 0.5);
    CHECK(punctuation(8, 8) == 0.5);
    CHECK(punctuation(2, 0) == 1.0);

    const Eigen::MatrixXd uniform = pattern_template(HeadPattern::uniform, 0, context());
    CHECK(uniform(3, 2) == 0.25);
}

TEST_CASE("the semantic template follows embedding similarity, not position", "[classify]") {
    // Token 4 resembles token 1 most; token 0 and 3 are unrelated to it.
    Eigen::MatrixXd e(5, 3);
    e << 1, 0, 0,  //
        0, 1, 0,   //
        0, 0.5, 1, //
        0, 0, 1,   //
        0.1, 1, 0.1;
    const std::vector<std::string> words = {"a", "b", "c", "d", "e"};
    const PatternContext ctx{words, make_mask({MaskKind::causal, 1, {}, {}}, 5, 5), e};
    const Eigen::MatrixXd T = pattern_template(HeadPattern::semantic, 0, ctx);
    Eigen::Index best = 0;
    T.row(4).maxCoeff(&best);
    CHECK(best == 1);
    CHECK(T(4, 1) > T(4, 3));
    CHECK(T.row(4).sum() == Approx(1.0));
    CHECK_THROWS_AS(pattern_template(HeadPattern::semantic, 0, {words, ctx.allowed, std::nullopt}), InputError);
}

TEST_CASE("overlap is the shared mass of each row, over rows with a choice", "[classify]") {
    const Eigen::MatrixXd uniform = pattern_template(HeadPattern::uniform, 0, context());
    const Eigen::MatrixXd A = 0.9 * pattern_template(HeadPattern::previous_token, 0, context()) + 0.1 * uniform;
    const Eigen::MatrixXd offset = pattern_template(HeadPattern::positional_offset, 2, context());
    CHECK(pattern_overlap(A, A) == Approx(1.0));
    // Row 0 sees one key and is skipped. Row 1: both put the first token first (0.95 shared).
    // Rows 2..8: the offset target i − 2 only has A's uniform share 0.1 / (i + 1).
    double expected = 0.95;
    for (int i = 2; i < 9; ++i) expected += 0.1 / (i + 1);
    CHECK(pattern_overlap(A, offset) == Approx(expected / 8));
}

TEST_CASE("overlap of a head whose rows each see one key is 1", "[classify]") {
    CHECK(pattern_overlap(Eigen::MatrixXd::Identity(3, 3), Eigen::MatrixXd::Zero(3, 3)) == 1.0);
}

TEST_CASE("an ideal template is classified as its own pattern", "[classify]") {
    std::mt19937_64 rng(52);
    const Eigen::MatrixXd embeddings = naive::random_matrix(rng, 9, 6);
    struct Case {
        HeadPattern pattern;
        int parameter;
    };
    for (const Case c : {Case{HeadPattern::previous_token, 0}, Case{HeadPattern::first_token_sink, 0},
                         Case{HeadPattern::induction, 0}, Case{HeadPattern::positional_offset, 2},
                         Case{HeadPattern::positional_offset, 4}, Case{HeadPattern::local, 2},
                         Case{HeadPattern::punctuation_sink, 0}, Case{HeadPattern::semantic, 0},
                         Case{HeadPattern::uniform, 0}}) {
        // Templates have exact zeros; a sliver of uniform keeps the causal support visible.
        const Eigen::MatrixXd T = pattern_template(c.pattern, c.parameter, context(embeddings));
        const Eigen::MatrixXd A = 0.98 * T + 0.02 * pattern_template(HeadPattern::uniform, 0, context());
        const PatternFit fit = classify_head(A, tokens, embeddings);
        INFO(to_string(c.pattern));
        CHECK(fit.pattern == c.pattern);
        CHECK(fit.parameter == c.parameter);
        REQUIRE(fit.fit);
        CHECK(*fit.fit > 0.95);
    }
}

TEST_CASE("without embeddings a head no pattern fits is semantic by elimination", "[classify]") {
    // Each query looks two or three back in an irregular way: no offset, sink or window fits.
    Eigen::MatrixXd A = 0.02 * pattern_template(HeadPattern::uniform, 0, context());
    const int targets[9] = {0, 0, 1, 1, 0, 2, 4, 1, 5};
    for (Eigen::Index i = 0; i < 9; ++i) A(i, targets[i]) += 0.98;
    const PatternFit fit = classify_head(A, tokens);
    CHECK(fit.pattern == HeadPattern::semantic);
    CHECK_FALSE(fit.fit.has_value());
}

TEST_CASE("a head with a single visible key per row is uniform", "[classify]") {
    const PatternFit fit = classify_head(Eigen::MatrixXd::Identity(3, 3), {"a", "b", "c"});
    CHECK(fit.pattern == HeadPattern::uniform);
}

TEST_CASE("pattern names parse and misspellings get a suggestion", "[classify]") {
    for (const std::string& name : head_pattern_names()) CHECK(to_string(parse_head_pattern(name)) == name);
    CHECK_THROWS_WITH(parse_head_pattern("inducton"), Catch::Contains("did you mean 'induction'"));
}
