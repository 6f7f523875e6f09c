#include "attention/rollout.hpp"

#include "core/error.hpp"
#include "naive.hpp"

#include <catch2/catch.hpp>

using namespace attnreel::attention;
using attnreel::InputError;

namespace {

Eigen::MatrixXd naive_rollout(const AttentionStack& stack) {
    const Eigen::Index n = stack[0][0].rows();
    Eigen::MatrixXd flow = Eigen::MatrixXd::Identity(n, n);
    for (const auto& layer : stack) {
        Eigen::MatrixXd a = Eigen::MatrixXd::Zero(n, n);
        for (Eigen::Index i = 0; i < n; ++i)
            for (Eigen::Index j = 0; j < n; ++j) {
                for (const Eigen::MatrixXd& head : layer) a(i, j) += head(i, j) / static_cast<double>(layer.size());
                if (i == j) a(i, j) += 1.0;
            }
        for (Eigen::Index i = 0; i < n; ++i) {
            double sum = 0;
            for (Eigen::Index j = 0; j < n; ++j) sum += a(i, j);
            for (Eigen::Index j = 0; j < n; ++j) a(i, j) /= sum;
        }
        flow = naive::matmul(a, flow);
    }
    return flow;
}

}  // namespace

TEST_CASE("rollout matches the naive definition on random attention", "[rollout]") {
    std::mt19937_64 rng(61);
    const Mask causal = make_mask({MaskKind::causal, 1, {}, {}}, 6, 6);
    AttentionStack stack(4);
    for (auto& layer : stack)
        for (int h = 0; h < 3; ++h) layer.push_back(naive::random_attention(rng, causal));
    const Eigen::MatrixXd rollout = attention_rollout(stack);
    CHECK(rollout.isApprox(naive_rollout(stack), 1e-12));
    for (Eigen::Index i = 0; i < 6; ++i) CHECK(rollout.row(i).sum() == Approx(1.0));
    CHECK(rollout.triangularView<Eigen::StrictlyUpper>().toDenseMatrix().isZero(0.0));  // still causal
}

TEST_CASE("rollout by layer ends with the full rollout", "[rollout]") {
    std::mt19937_64 rng(62);
    const Mask all = naive::all_visible(4, 4);
    AttentionStack stack = {{naive::random_attention(rng, all)}, {naive::random_attention(rng, all)}};
    const auto steps = attention_rollout_by_layer(stack);
    REQUIRE(steps.size() == 2);
    CHECK(steps[0].isApprox(naive_rollout({stack[0]})));
    CHECK(steps[1].isApprox(attention_rollout(stack)));
}

TEST_CASE("one layer of previous-token attention keeps half of each position", "[rollout]") {
    // Â = (A + I) / 2, so position i keeps 1/2 and draws 1/2 from i − 1 (position 0: all itself).
    Eigen::MatrixXd A = Eigen::MatrixXd::Zero(3, 3);
    A(0, 0) = 1;
    A(1, 0) = 1;
    A(2, 1) = 1;
    Eigen::MatrixXd expected(3, 3);
    expected << 1, 0, 0,  //
        0.5, 0.5, 0,      //
        0, 0.5, 0.5;
    CHECK(attention_rollout({{A}}).isApprox(expected));
    // Two such layers: position 2 draws 1/4 from position 0.
    CHECK(attention_rollout({{A}, {A}})(2, 0) == Approx(0.25));
}

TEST_CASE("rollout of non-square or mismatched attention is an input error", "[rollout]") {
    CHECK_THROWS_AS(attention_rollout({{Eigen::MatrixXd::Constant(2, 3, 1.0 / 3)}}), InputError);
    CHECK_THROWS_AS(attention_rollout({{Eigen::MatrixXd::Identity(2, 2)}, {Eigen::MatrixXd::Identity(3, 3)}}),
                    InputError);
    CHECK_THROWS_AS(attention_rollout({}), InputError);
}
