#include "attention/positional.hpp"

#include <catch2/catch.hpp>

#include <cmath>

using namespace attnreel::attention;

TEST_CASE("sinusoidal positions follow the formula of Vaswani et al.", "[positional]") {
    for (const Eigen::Index d : {4, 7, 16}) {
        const Eigen::MatrixXd pe = sinusoidal_positions(9, d);
        REQUIRE(pe.rows() == 9);
        REQUIRE(pe.cols() == d);
        for (Eigen::Index pos = 0; pos < 9; ++pos) {
            for (Eigen::Index i = 0; 2 * i < d; ++i) {
                const double angle = pos / std::pow(10000.0, 2.0 * i / d);
                CHECK(pe(pos, 2 * i) == Approx(std::sin(angle)).margin(1e-12));
                if (2 * i + 1 < d) CHECK(pe(pos, 2 * i + 1) == Approx(std::cos(angle)).margin(1e-12));
            }
        }
    }
}

TEST_CASE("position 0 encodes as alternating 0 and 1", "[positional]") {
    const Eigen::MatrixXd pe = sinusoidal_positions(1, 6);
    Eigen::RowVectorXd expected(6);
    expected << 0, 1, 0, 1, 0, 1;
    CHECK(pe.row(0).isApprox(expected));
}

TEST_CASE("the first pair of columns turns one radian per position", "[positional]") {
    const Eigen::MatrixXd pe = sinusoidal_positions(3, 8);
    CHECK(pe(1, 0) == Approx(std::sin(1.0)));
    CHECK(pe(2, 1) == Approx(std::cos(2.0)));
}

TEST_CASE("every position gets a different encoding", "[positional]") {
    const Eigen::MatrixXd pe = sinusoidal_positions(32, 8);
    for (Eigen::Index a = 0; a < 32; ++a)
        for (Eigen::Index b = a + 1; b < 32; ++b) CHECK((pe.row(a) - pe.row(b)).norm() > 1e-3);
}
