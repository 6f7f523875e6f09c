// Numbers in messages: the shortest text that reads back as the same double, in plain
// digits for ordinary magnitudes and with an exponent only for extreme ones.
#include "core/error.hpp"

#include <catch2/catch.hpp>

#include <limits>

using namespace attnreel;

TEST_CASE("number_text writes ordinary numbers in plain digits, exactly", "[error]") {
    CHECK(number_text(0) == "0");
    CHECK(number_text(2.5) == "2.5");
    CHECK(number_text(-7) == "-7");
    CHECK(number_text(0.001) == "0.001");
    CHECK(number_text(1073741824) == "1073741824");  // was 1.07374e+09
    CHECK(number_text(14400) == "14400");
    CHECK(number_text(0.1 + 0.2) == "0.30000000000000004");  // the value as it is, not rounded
}

TEST_CASE("number_text writes extreme numbers with an exponent, never hundreds of digits", "[error]") {
    CHECK(number_text(1e308) == "1e+308");  // was 309 digits
    CHECK(number_text(std::numeric_limits<double>::max()) == "1.7976931348623157e+308");
    CHECK(number_text(1e-12) == "1e-12");
    CHECK(number_text(-1e20) == "-1e+20");
    CHECK(number_text(std::numeric_limits<double>::infinity()) == "inf");
}
