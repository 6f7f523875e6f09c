#include "attention/clusters.hpp"

#include <catch2/catch.hpp>

using namespace attnreel::attention;

TEST_CASE("tokens that attend to each other fall into one cluster", "[attention][clusters]") {
    // Two blocks: tokens 0, 2, 4 attend among themselves, 1, 3, 5 likewise.
    Eigen::MatrixXd w = Eigen::MatrixXd::Constant(6, 6, 0.02);
    for (int i = 0; i < 6; ++i)
        for (int j = 0; j < 6; ++j)
            if (i % 2 == j % 2) w(i, j) = 0.3;
    const Eigen::MatrixXd s = mutual_attention(w);
    CHECK(s(0, 0) == 0);
    CHECK(s(0, 2) == Catch::Detail::Approx(0.3));
    const std::vector<int> c = cluster_tokens(s, 2);
    CHECK(c == std::vector<int>{0, 1, 0, 1, 0, 1});  // numbered by their first token
    CHECK(cluster_tokens(s, 1) == std::vector<int>(6, 0));
    CHECK(cluster_tokens(s, 6) == std::vector<int>{0, 1, 2, 3, 4, 5});
}

TEST_CASE("mutual attention averages both directions", "[attention][clusters]") {
    Eigen::MatrixXd w(2, 2);
    w << 0.5, 0.5, 0.1, 0.9;
    const Eigen::MatrixXd s = mutual_attention(w);
    CHECK(s(0, 1) == Catch::Detail::Approx(0.3));
    CHECK(s(1, 0) == Catch::Detail::Approx(0.3));
}
