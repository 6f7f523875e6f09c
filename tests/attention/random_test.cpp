#include "attention/random.hpp"

#include <catch2/catch.hpp>

#include <cmath>

using namespace attnreel::attention;

TEST_CASE("a seeded stream gives the same numbers every time", "[random]") {
    auto a = seeded_stream({42, fnv1a("W_Q"), 0, 1});
    auto b = seeded_stream({42, fnv1a("W_Q"), 0, 1});
    CHECK(normal_matrix(a, 3, 4, 1.0) == normal_matrix(b, 3, 4, 1.0));
}

TEST_CASE("streams named differently are different", "[random]") {
    auto base = seeded_stream({42, fnv1a("W_Q"), 0, 1});
    auto other_purpose = seeded_stream({42, fnv1a("W_K"), 0, 1});
    auto other_head = seeded_stream({42, fnv1a("W_Q"), 0, 2});
    auto other_seed = seeded_stream({43, fnv1a("W_Q"), 0, 1});
    const Eigen::MatrixXd reference = normal_matrix(base, 2, 2, 1.0);
    CHECK(normal_matrix(other_purpose, 2, 2, 1.0) != reference);
    CHECK(normal_matrix(other_head, 2, 2, 1.0) != reference);
    CHECK(normal_matrix(other_seed, 2, 2, 1.0) != reference);
}

TEST_CASE("uniform01 stays at or above 0 and below 1 and covers that range evenly", "[random]") {
    auto rng = seeded_stream({1});
    int low_half = 0;
    const int draws = 20000;
    for (int i = 0; i < draws; ++i) {
        const double u = uniform01(rng);
        REQUIRE(u >= 0.0);
        REQUIRE(u < 1.0);
        if (u < 0.5) ++low_half;
    }
    CHECK(std::abs(low_half - draws / 2) < 4 * std::sqrt(draws / 4.0));
}

TEST_CASE("standard_normal has mean 0, variance 1 and normal tails", "[random]") {
    auto rng = seeded_stream({7});
    const int draws = 100000;
    double sum = 0, squares = 0;
    int beyond_two_sigma = 0;
    for (int i = 0; i < draws; ++i) {
        const double z = standard_normal(rng);
        REQUIRE(std::isfinite(z));
        sum += z;
        squares += z * z;
        if (std::abs(z) > 2) ++beyond_two_sigma;
    }
    const double mean = sum / draws;
    CHECK(std::abs(mean) < 0.02);
    CHECK(std::abs(squares / draws - mean * mean - 1.0) < 0.02);
    CHECK(std::abs(beyond_two_sigma / static_cast<double>(draws) - 0.0455) < 0.004);  // P(|z| > 2)
}

TEST_CASE("normal_matrix scales by the standard deviation", "[random]") {
    auto a = seeded_stream({3});
    auto b = seeded_stream({3});
    CHECK(normal_matrix(a, 4, 5, 0.25).isApprox(0.25 * normal_matrix(b, 4, 5, 1.0)));
}

TEST_CASE("fnv1a distinguishes texts and is stable", "[random]") {
    CHECK(fnv1a("cat") == fnv1a(std::string("cat")));
    CHECK(fnv1a("cat") != fnv1a("cats"));
    CHECK(fnv1a("") == 14695981039346656037ull);  // the FNV-1a offset basis, by definition
}
