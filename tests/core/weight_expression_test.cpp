#include "core/weight_expression.hpp"

#include <catch2/catch.hpp>

using namespace attnreel;
using Catch::Detail::Approx;

TEST_CASE("expressions of w evaluate as written", "[core][expression]") {
    CHECK(WeightExpression::parse("8*w")(0.25) == Approx(2.0));
    CHECK(WeightExpression::parse("0.3 + 0.6*w")(0.5) == Approx(0.6));
    CHECK(WeightExpression::parse("2 + 10*w^2")(0.5) == Approx(4.5));
    CHECK(WeightExpression::parse("max(1, 8*sqrt(w))")(0.01) == Approx(1.0));
    CHECK(WeightExpression::parse("max(1, 8*sqrt(w))")(0.25) == Approx(4.0));
    CHECK(WeightExpression::parse("-(w - 1) / 2")(0.5) == Approx(0.25));
    CHECK(WeightExpression::parse("3")(0.9) == Approx(3.0));
    CHECK(WeightExpression::parse("abs(w - 0.5) + min(w, 0.1) + exp(0) + log(1)")(0.2) == Approx(0.3 + 0.1 + 1));
    CHECK(WeightExpression::linear(0.3, 0.6)(1.0) == Approx(0.9));
}

TEST_CASE("a mistake in an expression names its place", "[core][expression]") {
    const auto offset_of = [](const std::string& text) {
        try {
            WeightExpression::parse(text);
        } catch (const ExpressionError& e) {
            return static_cast<int>(e.offset());
        }
        FAIL("expected an ExpressionError for " << text);
        return -1;
    };
    CHECK(offset_of("8*x") == 2);     // an unknown name
    CHECK(offset_of("8*w)") == 3);    // left over
    CHECK(offset_of("(8*w") == 4);    // unclosed
    CHECK(offset_of("8*") == 2);      // nothing after the operator
    CHECK(offset_of("max(1)") == 5);  // min and max take two
    try {
        WeightExpression::parse("8*weight");
        FAIL("expected an error");
    } catch (const ExpressionError& e) {
        CHECK(std::string(e.what()).find("the only variable is w") != std::string::npos);
    }
}
