#include "attention/multi_head.hpp"

#include "core/error.hpp"
#include "naive.hpp"

#include <catch2/catch.hpp>

using namespace attnreel::attention;
using attnreel::InputError;

TEST_CASE("multi-head attention matches concatenated naive heads times W_O", "[multi_head]") {
    std::mt19937_64 rng(21);
    const Eigen::Index d = 12, heads = 3, d_k = d / heads, n = 5;
    const Eigen::MatrixXd X = naive::random_matrix(rng, n, d);
    std::vector<HeadWeights> weights;
    for (int h = 0; h < heads; ++h)
        weights.push_back({naive::random_matrix(rng, d, d_k), naive::random_matrix(rng, d, d_k),
                           naive::random_matrix(rng, d, d_k)});
    const Eigen::MatrixXd W_O = naive::random_matrix(rng, d, d);
    const Mask mask = make_mask({MaskKind::causal, 1, {}, {}}, n, n);
    const MultiHeadComputation result = multi_head(X, X, weights, W_O, mask, true);

    Eigen::MatrixXd concat(n, d);
    for (int h = 0; h < heads; ++h)
        concat.middleCols(h * d_k, d_k) =
            naive::attention(X, X, weights[h].W_Q, weights[h].W_K, weights[h].W_V, mask, true);
    CHECK(result.concat.isApprox(concat, 1e-12));
    CHECK(result.output.isApprox(naive::matmul(concat, W_O), 1e-12));
    CHECK(result.heads.size() == 3);
}

TEST_CASE("multi-head with one head and W_O = I is single-head attention", "[multi_head]") {
    std::mt19937_64 rng(22);
    const Eigen::MatrixXd X = naive::random_matrix(rng, 6, 8);
    const HeadWeights w{naive::random_matrix(rng, 8, 8), naive::random_matrix(rng, 8, 8),
                        naive::random_matrix(rng, 8, 8)};
    const Mask mask = make_mask({MaskKind::none, 1, {}, {}}, 6, 6);
    const MultiHeadComputation multi = multi_head(X, X, {w}, Eigen::MatrixXd::Identity(8, 8), mask, true);
    const HeadComputation single = attention_head(X, X, w, mask, true);
    CHECK(multi.output.isApprox(single.output, 1e-14));
    CHECK(multi.heads.front().weights == single.weights);
}

TEST_CASE("split_heads hands each head its own block of columns", "[multi_head]") {
    std::mt19937_64 rng(23);
    const Eigen::MatrixXd WQ = naive::random_matrix(rng, 8, 8), WK = naive::random_matrix(rng, 8, 8),
                          WV = naive::random_matrix(rng, 8, 8);
    const auto heads = split_heads(WQ, WK, WV, 4);
    REQUIRE(heads.size() == 4);
    for (int h = 0; h < 4; ++h) {
        CHECK(heads[h].W_Q == WQ.middleCols(2 * h, 2));
        CHECK(heads[h].W_K == WK.middleCols(2 * h, 2));
        CHECK(heads[h].W_V == WV.middleCols(2 * h, 2));
    }
}

TEST_CASE("splitting into heads that do not divide the width is an input error", "[multi_head]") {
    const Eigen::MatrixXd W = Eigen::MatrixXd::Zero(6, 6);
    CHECK_THROWS_AS(split_heads(W, W, W, 4), InputError);
    CHECK_THROWS_AS(split_heads(W, W, W, 0), InputError);
}

TEST_CASE("an output projection of the wrong height is an input error", "[multi_head]") {
    const HeadWeights w{Eigen::MatrixXd::Identity(4, 2), Eigen::MatrixXd::Identity(4, 2), Eigen::MatrixXd::Identity(4, 2)};
    const Mask mask = Mask::Constant(3, 3, true);
    CHECK_THROWS_AS(multi_head(Eigen::MatrixXd::Ones(3, 4), Eigen::MatrixXd::Ones(3, 4), {w, w},
                               Eigen::MatrixXd::Identity(3, 4), mask, true),
                    InputError);
}
