#include "attention/softmax.hpp"

#include "core/error.hpp"
#include "naive.hpp"

#include <catch2/catch.hpp>

using namespace attnreel::attention;
using attnreel::InputError;

TEST_CASE("softmax of [3, 5] is [0.1192, 0.8808]", "[softmax]") {
    Eigen::MatrixXd scores(1, 2);
    scores << 3, 5;
    const Eigen::MatrixXd w = softmax_rows(scores);
    // e^3 / (e^3 + e^5) = 1 / (1 + e^2)
    CHECK(w(0, 0) == Approx(0.11920292202211755));
    CHECK(w(0, 1) == Approx(0.8807970779778823));
}

TEST_CASE("softmax of equal scores is uniform", "[softmax]") {
    const Eigen::MatrixXd w = softmax_rows(Eigen::MatrixXd::Constant(2, 4, 1.7));
    CHECK(w.isApprox(Eigen::MatrixXd::Constant(2, 4, 0.25)));
}

TEST_CASE("softmax matches the naive definition on random scores and masks", "[softmax]") {
    std::mt19937_64 rng(11);
    for (int trial = 0; trial < 20; ++trial) {
        const Eigen::MatrixXd scores = naive::random_matrix(rng, 7, 9, 4.0);
        Mask mask = naive::random_matrix(rng, 7, 9).array() > -0.5;
        for (Eigen::Index i = 0; i < 7; ++i) mask(i, i) = true;  // no empty row
        const Eigen::MatrixXd w = softmax_rows(scores, mask);
        CHECK(w.isApprox(naive::softmax(scores, mask), 1e-12));
        for (Eigen::Index i = 0; i < 7; ++i) CHECK(w.row(i).sum() == Approx(1.0).epsilon(1e-14));
        for (Eigen::Index i = 0; i < 7; ++i)
            for (Eigen::Index j = 0; j < 9; ++j)
                if (!mask(i, j)) CHECK(w(i, j) == 0.0);
    }
}

TEST_CASE("softmax is stable for scores that would overflow exp", "[softmax]") {
    Eigen::MatrixXd scores(1, 3);
    scores << 1000, 1001, 999;
    const Eigen::MatrixXd w = softmax_rows(scores);
    REQUIRE(w.allFinite());
    Eigen::MatrixXd shifted(1, 3);
    shifted << 1, 2, 0;
    CHECK(w.isApprox(naive::softmax(shifted, naive::all_visible(1, 3))));
}

TEST_CASE("a fully masked row is an input error, not NaN", "[softmax]") {
    Mask mask = Mask::Constant(3, 3, true);
    mask.row(1).setConstant(false);
    CHECK_THROWS_AS(softmax_rows(Eigen::MatrixXd::Zero(3, 3), mask), InputError);
    CHECK_THROWS_WITH(softmax_rows(Eigen::MatrixXd::Zero(3, 3), mask), Catch::Contains("row 1"));
}

TEST_CASE("non-finite scores and mismatched masks are input errors", "[softmax]") {
    Eigen::MatrixXd scores = Eigen::MatrixXd::Zero(2, 2);
    scores(0, 1) = std::nan("");
    CHECK_THROWS_AS(softmax_rows(scores), InputError);
    CHECK_THROWS_AS(softmax_rows(Eigen::MatrixXd::Zero(2, 2), Mask::Constant(2, 3, true)), InputError);
}

TEST_CASE("a masked entry may hold any score, even infinity", "[softmax]") {
    Eigen::MatrixXd scores(1, 2);
    scores << 0.5, std::numeric_limits<double>::infinity();
    Mask mask(1, 2);
    mask << true, false;
    const Eigen::MatrixXd w = softmax_rows(scores, mask);
    CHECK(w(0, 0) == 1.0);
    CHECK(w(0, 1) == 0.0);
}
