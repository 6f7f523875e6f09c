#include "attention/analysis.hpp"

#include "attention/model.hpp"
#include "core/error.hpp"
#include "naive.hpp"

#include <catch2/catch.hpp>

#include <cmath>
#include <cstdlib>

using namespace attnreel::attention;

namespace {

struct NaiveScores {
    double entropy = 0, distance = 0, self = 0, previous = 0, sink = 0;
};

NaiveScores naive_scores(const Eigen::MatrixXd& A) {
    NaiveScores s;
    const auto n = static_cast<double>(A.rows());
    for (Eigen::Index i = 0; i < A.rows(); ++i) {
        for (Eigen::Index j = 0; j < A.cols(); ++j) {
            if (A(i, j) > 0) s.entropy -= A(i, j) * std::log(A(i, j)) / n;
            s.distance += A(i, j) * std::abs(static_cast<double>(i - j)) / n;
        }
        s.self += A(i, i) / n;
        s.sink += A(i, 0) / n;
        if (i >= 1) s.previous += A(i, i - 1) / (n - 1);
    }
    return s;
}

std::vector<std::string> letters(const std::string& text) {
    std::vector<std::string> tokens;
    for (char c : text) tokens.emplace_back(1, c);
    return tokens;
}

}  // namespace

TEST_CASE("head scores match their naive definitions on random attention", "[analysis]") {
    std::mt19937_64 rng(41);
    for (const MaskKind kind : {MaskKind::none, MaskKind::causal, MaskKind::local}) {
        const Eigen::MatrixXd A = naive::random_attention(rng, make_mask({kind, 2, {}, {}}, 8, 8));
        const HeadAnalysis head = analyze_head(A, letters("abcdefgh"));
        const NaiveScores expected = naive_scores(A);
        CHECK(head.entropy == Approx(expected.entropy));
        CHECK(head.mean_distance == Approx(expected.distance));
        CHECK(head.self == Approx(expected.self));
        CHECK(head.previous == Approx(expected.previous));
        CHECK(head.sink == Approx(expected.sink));
    }
}

TEST_CASE("the identity head has zero entropy and distance and full self score", "[analysis]") {
    const HeadAnalysis head = analyze_head(Eigen::MatrixXd::Identity(5, 5), letters("abcde"));
    CHECK(head.entropy == 0.0);
    CHECK(head.mean_distance == 0.0);
    CHECK(head.self == 1.0);
    CHECK(head.previous == 0.0);
    CHECK(head.sink == Approx(0.2));
}

TEST_CASE("a uniform causal head has the mean of ln(i + 1) as entropy", "[analysis]") {
    const Mask causal = make_mask({MaskKind::causal, 1, {}, {}}, 4, 4);
    const Eigen::MatrixXd A = naive::softmax(Eigen::MatrixXd::Zero(4, 4), causal);
    const HeadAnalysis head = analyze_head(A, letters("abcd"));
    CHECK(head.entropy == Approx((std::log(1.0) + std::log(2.0) + std::log(3.0) + std::log(4.0)) / 4));
    // rows: [0], [1/2·1], [1/3·(2+1)], [1/4·(3+2+1)] → (0 + 0.5 + 1 + 1.5) / 4
    CHECK(head.mean_distance == Approx(0.75));
    CHECK(head.sink == Approx((1 + 0.5 + 1.0 / 3 + 0.25) / 4));
    CHECK(head.previous == Approx((0.5 + 1.0 / 3 + 0.25) / 3));
}

TEST_CASE("the induction score is the weight on the successors of earlier occurrences", "[analysis]") {
    // a b c a b: query 3 ('a') should look at 1 ('b', after the earlier 'a'); query 4 ('b')
    // at 2 ('c', after the earlier 'b').
    Eigen::MatrixXd A = Eigen::MatrixXd::Zero(5, 5);
    A(0, 0) = 1;
    A(1, 0) = 1;
    A(2, 1) = 1;
    A(3, 1) = 0.6;
    A(3, 3) = 0.4;
    A(4, 2) = 0.9;
    A(4, 0) = 0.1;
    const HeadAnalysis head = analyze_head(A, letters("abcab"));
    REQUIRE(head.induction);
    CHECK(*head.induction == Approx((0.6 + 0.9) / 2));
}

TEST_CASE("a token repeated three times counts every earlier successor once", "[analysis]") {
    // a x a y a: query 4 looks at 1 ('x') and 3 ('y').
    Eigen::MatrixXd A = Eigen::MatrixXd::Zero(5, 5);
    for (Eigen::Index i = 0; i < 5; ++i) A(i, 0) = 1;
    A(4, 0) = 0.2;
    A(4, 1) = 0.3;
    A(4, 3) = 0.5;
    A(2, 0) = 0.5;
    A(2, 1) = 0.5;
    const HeadAnalysis head = analyze_head(A, letters("axaya"));
    REQUIRE(head.induction);
    CHECK(*head.induction == Approx((0.5 + 0.8) / 2));
}

TEST_CASE("the induction score is absent when no token repeats", "[analysis]") {
    const HeadAnalysis head = analyze_head(Eigen::MatrixXd::Identity(4, 4), letters("abcd"));
    CHECK_FALSE(head.induction.has_value());
}

TEST_CASE("analysing a model covers every layer and head and rolls out", "[analysis]") {
    ModelSpec spec;
    spec.tokens = {"a", "b", "c", "a", "b"};
    spec.d_model = 8;
    spec.heads = 2;
    spec.layers = 3;
    spec.mask.kind = MaskKind::causal;
    const ModelAnalysis analysis = analyze_model(build_model(spec));
    REQUIRE(analysis.layers.size() == 3);
    for (const auto& layer : analysis.layers) {
        REQUIRE(layer.size() == 2);
        for (const HeadAnalysis& head : layer) {
            CHECK(head.pattern.has_value());
            CHECK(head.induction.has_value());
        }
    }
    CHECK(analysis.rollout.rows() == 5);
}

TEST_CASE("cross-attention heads are scored without pattern or rollout", "[analysis]") {
    ModelSpec spec;
    spec.tokens = {"a", "b", "c"};
    spec.source_tokens = {"x", "y", "z", "w"};
    spec.d_model = 4;
    spec.heads = 1;
    const ModelAnalysis analysis = analyze_model(build_model(spec));
    CHECK_FALSE(analysis.layers[0][0].pattern.has_value());
    CHECK_FALSE(analysis.layers[0][0].induction.has_value());
    CHECK(analysis.rollout.size() == 0);
    CHECK(std::isfinite(analysis.layers[0][0].entropy));
}

TEST_CASE("an empty attention matrix is an input error", "[analysis]") {
    CHECK_THROWS_AS(analyze_head(Eigen::MatrixXd(0, 0), {}), attnreel::InputError);
}
