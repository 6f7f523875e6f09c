#include "attention/mechanism.hpp"

#include "core/error.hpp"
#include "naive.hpp"

#include <catch2/catch.hpp>

using namespace attnreel::attention;
using attnreel::InputError;

TEST_CASE("each step matches its naive loop on random inputs", "[mechanism]") {
    std::mt19937_64 rng(5);
    const Eigen::MatrixXd X = naive::random_matrix(rng, 6, 8);
    const Eigen::MatrixXd W = naive::random_matrix(rng, 8, 4);
    const Eigen::MatrixXd Q = naive::random_matrix(rng, 6, 4);
    const Eigen::MatrixXd K = naive::random_matrix(rng, 5, 4);
    const Eigen::MatrixXd A = naive::random_attention(rng, naive::all_visible(6, 5));
    const Eigen::MatrixXd V = naive::random_matrix(rng, 5, 3);
    CHECK(project(X, W).isApprox(naive::matmul(X, W), 1e-12));
    CHECK(attention_scores(Q, K).isApprox(naive::matmul(Q, naive::transpose(K)), 1e-12));
    CHECK(scale_scores(Q, 4).isApprox(Q / 2.0, 1e-15));
    CHECK(attend(A, V).isApprox(naive::matmul(A, V), 1e-12));
}

TEST_CASE("one head matches naive attention, self and cross, with and without scaling", "[mechanism]") {
    std::mt19937_64 rng(6);
    for (const bool scale : {true, false}) {
        for (const Eigen::Index keys : {5, 9}) {  // 5: self-attention; 9: cross-attention
            const Eigen::MatrixXd Xq = naive::random_matrix(rng, 5, 8);
            const Eigen::MatrixXd Xkv = keys == 5 ? Xq : naive::random_matrix(rng, keys, 8);
            const HeadWeights w{naive::random_matrix(rng, 8, 4), naive::random_matrix(rng, 8, 4),
                                naive::random_matrix(rng, 8, 4)};
            const Mask mask = make_mask({MaskKind::causal, 1, {}, {}}, 5, keys);
            const HeadComputation head = attention_head(Xq, Xkv, w, mask, scale);
            CHECK(head.output.isApprox(naive::attention(Xq, Xkv, w.W_Q, w.W_K, w.W_V, mask, scale), 1e-12));
            CHECK(head.weights.rows() == 5);
            CHECK(head.weights.cols() == keys);
            CHECK(head.scaled_scores.isApprox(scale ? Eigen::MatrixXd(head.scores / 2.0) : head.scores));
        }
    }
}

TEST_CASE("causal attention puts exactly zero weight on the future", "[mechanism]") {
    std::mt19937_64 rng(7);
    const Eigen::MatrixXd X = naive::random_matrix(rng, 7, 6, 3.0);
    const HeadWeights w{naive::random_matrix(rng, 6, 3), naive::random_matrix(rng, 6, 3),
                        naive::random_matrix(rng, 6, 3)};
    const HeadComputation head = attention_head(X, X, w, make_mask({MaskKind::causal, 1, {}, {}}, 7, 7), true);
    for (Eigen::Index i = 0; i < 7; ++i) {
        CHECK(head.weights.row(i).sum() == Approx(1.0));
        for (Eigen::Index j = i + 1; j < 7; ++j) CHECK(head.weights(i, j) == 0.0);
    }
}

TEST_CASE("local attention never reaches outside the window", "[mechanism]") {
    std::mt19937_64 rng(8);
    const Eigen::MatrixXd X = naive::random_matrix(rng, 9, 4, 3.0);
    const HeadWeights w{naive::random_matrix(rng, 4, 4), naive::random_matrix(rng, 4, 4),
                        naive::random_matrix(rng, 4, 4)};
    const HeadComputation head = attention_head(X, X, w, make_mask({MaskKind::local, 2, {}, {}}, 9, 9), false);
    for (Eigen::Index i = 0; i < 9; ++i)
        for (Eigen::Index j = 0; j < 9; ++j)
            if (std::abs(i - j) > 2) CHECK(head.weights(i, j) == 0.0);
            else CHECK(head.weights(i, j) > 0.0);
}

TEST_CASE("scaling by √d_k lowers the largest weight of peaky rows", "[mechanism]") {
    // Wide heads give large dot products; without scaling softmax saturates.
    std::mt19937_64 rng(9);
    const Eigen::Index d = 64;
    const Eigen::MatrixXd X = naive::random_matrix(rng, 6, d, 1.0);
    const HeadWeights w{naive::random_matrix(rng, d, d, 0.3), naive::random_matrix(rng, d, d, 0.3),
                        naive::random_matrix(rng, d, d, 0.3)};
    const Mask mask = make_mask({MaskKind::none, 1, {}, {}}, 6, 6);
    const HeadComputation raw = attention_head(X, X, w, mask, false);
    const HeadComputation scaled = attention_head(X, X, w, mask, true);
    for (Eigen::Index i = 0; i < 6; ++i) {
        REQUIRE(raw.weights.row(i).maxCoeff() > 0.5);  // the row is peaky,
        REQUIRE(raw.weights.row(i).maxCoeff() < 1.0);  // but not saturated to exactly 1
        CHECK(scaled.weights.row(i).maxCoeff() < raw.weights.row(i).maxCoeff());
    }
}

TEST_CASE("mismatched shapes are input errors", "[mechanism]") {
    CHECK_THROWS_AS(project(Eigen::MatrixXd::Zero(3, 4), Eigen::MatrixXd::Zero(5, 2)), InputError);
    CHECK_THROWS_AS(attention_scores(Eigen::MatrixXd::Zero(3, 4), Eigen::MatrixXd::Zero(3, 5)), InputError);
    CHECK_THROWS_AS(attend(Eigen::MatrixXd::Zero(3, 4), Eigen::MatrixXd::Zero(3, 2)), InputError);
    CHECK_THROWS_AS(scale_scores(Eigen::MatrixXd::Zero(2, 2), 0), InputError);
}
