#include "core/rate_functions.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <set>

using namespace attnreel;
using Catch::Detail::Approx;

namespace {

std::vector<RateFunction> all_rate_functions() {
    std::vector<RateFunction> out;
    for (const auto& name : rate_function_names()) out.push_back(*parse_rate_function(name));
    return out;
}

}  // namespace

TEST_CASE("every rate function starts at 0 and, except there_and_back, ends at 1", "[rate]") {
    for (const auto& name : rate_function_names()) {
        INFO(name);
        const RateFunction f = *parse_rate_function(name);
        CHECK(apply_rate(f, 0.0) == Approx(0.0).margin(1e-12));
        if (f == RateFunction::ThereAndBack) CHECK(apply_rate(f, 1.0) == Approx(0.0).margin(1e-12));
        else CHECK(apply_rate(f, 1.0) == Approx(1.0).margin(1e-12));
    }
}

TEST_CASE("every rate function but there_and_back never goes backwards", "[rate]") {
    for (const auto& name : rate_function_names()) {
        const RateFunction f = *parse_rate_function(name);
        if (f == RateFunction::ThereAndBack) continue;
        INFO(name);
        double previous = apply_rate(f, 0.0);
        bool monotonic = true;
        for (int k = 1; k <= 1000; ++k) {
            const double value = apply_rate(f, k / 1000.0);
            if (value < previous - 1e-12) monotonic = false;
            previous = value;
        }
        CHECK(monotonic);
    }
}

TEST_CASE("rate functions stay within [0, 1]", "[rate]") {
    for (RateFunction f : all_rate_functions()) {
        for (int k = 0; k <= 200; ++k) {
            const double value = apply_rate(f, k / 200.0);
            CHECK(value >= -1e-12);
            CHECK(value <= 1 + 1e-12);
        }
    }
}

TEST_CASE("progress outside [0, 1] is clamped to the ends", "[rate]") {
    for (RateFunction f : all_rate_functions()) {
        CHECK(apply_rate(f, -0.5) == apply_rate(f, 0.0));
        CHECK(apply_rate(f, 1.5) == apply_rate(f, 1.0));
    }
}

TEST_CASE("linear is the identity", "[rate]") {
    for (double t : {0.0, 0.1, 0.25, 0.5, 0.9, 1.0}) CHECK(apply_rate(RateFunction::Linear, t) == t);
}

TEST_CASE("smooth is symmetric: smooth(t) + smooth(1 - t) = 1", "[rate]") {
    for (int k = 0; k <= 100; ++k) {
        const double t = k / 100.0;
        CHECK(apply_rate(RateFunction::Smooth, t) + apply_rate(RateFunction::Smooth, 1 - t) ==
              Approx(1.0).margin(1e-12));
    }
    CHECK(apply_rate(RateFunction::Smooth, 0.5) == Approx(0.5).margin(1e-12));
}

TEST_CASE("smooth eases: slower than linear near the start, faster in the middle", "[rate]") {
    CHECK(apply_rate(RateFunction::Smooth, 0.1) < 0.1);
    CHECK(apply_rate(RateFunction::Smooth, 0.9) > 0.9);
    // Slope at the middle exceeds 1 (the curve is steeper than linear there).
    const double slope = (apply_rate(RateFunction::Smooth, 0.51) - apply_rate(RateFunction::Smooth, 0.49)) / 0.02;
    CHECK(slope > 1.0);
}

TEST_CASE("there_and_back peaks at 1 at the middle and is symmetric", "[rate]") {
    CHECK(apply_rate(RateFunction::ThereAndBack, 0.5) == Approx(1.0).margin(1e-12));
    for (int k = 0; k <= 100; ++k) {
        const double t = k / 100.0;
        CHECK(apply_rate(RateFunction::ThereAndBack, t) <= apply_rate(RateFunction::ThereAndBack, 0.5));
        CHECK(apply_rate(RateFunction::ThereAndBack, t) ==
              Approx(apply_rate(RateFunction::ThereAndBack, 1 - t)).margin(1e-12));
    }
    CHECK(apply_rate(RateFunction::ThereAndBack, 0.25) < apply_rate(RateFunction::ThereAndBack, 0.4));
}

TEST_CASE("ease_in_out_cubic is 4t^3 on the first half and mirrors it on the second", "[rate]") {
    CHECK(apply_rate(RateFunction::EaseInOutCubic, 0.25) == Approx(4 * 0.25 * 0.25 * 0.25));
    CHECK(apply_rate(RateFunction::EaseInOutCubic, 0.1) == Approx(4 * 0.001));
    CHECK(apply_rate(RateFunction::EaseInOutCubic, 0.5) == Approx(0.5));
    CHECK(apply_rate(RateFunction::EaseInOutCubic, 0.75) == Approx(1 - 4 * 0.25 * 0.25 * 0.25));
}

TEST_CASE("ease_in_out_sine is half a cosine wave", "[rate]") {
    CHECK(apply_rate(RateFunction::EaseInOutSine, 0.5) == Approx(0.5));
    // (1 - cos(pi/3)) / 2 = 0.25
    CHECK(apply_rate(RateFunction::EaseInOutSine, 1.0 / 3.0) == Approx(0.25));
}

TEST_CASE("rush_into starts slow and rush_from starts fast", "[rate]") {
    for (double t : {0.1, 0.3, 0.5, 0.7, 0.9}) {
        INFO(t);
        CHECK(apply_rate(RateFunction::RushInto, t) < t);
        CHECK(apply_rate(RateFunction::RushFrom, t) > t);
        // They are mirror images of each other.
        CHECK(apply_rate(RateFunction::RushInto, t) + apply_rate(RateFunction::RushFrom, 1 - t) ==
              Approx(1.0).margin(1e-12));
    }
}

TEST_CASE("rate function names parse to distinct functions, unknown names are rejected", "[rate]") {
    const auto& names = rate_function_names();
    for (const char* expected :
         {"linear", "smooth", "rush_into", "rush_from", "there_and_back", "ease_in_out_cubic", "ease_in_out_sine"}) {
        INFO(expected);
        CHECK(std::find(names.begin(), names.end(), expected) != names.end());
    }
    std::set<RateFunction> seen;
    for (const auto& name : names) {
        const auto f = parse_rate_function(name);
        REQUIRE(f);
        seen.insert(*f);
    }
    CHECK(seen.size() == names.size());
    CHECK(parse_rate_function("smooth") == RateFunction::Smooth);
    CHECK(parse_rate_function("there_and_back") == RateFunction::ThereAndBack);
    CHECK_FALSE(parse_rate_function("smoth"));
    CHECK_FALSE(parse_rate_function(""));
    CHECK_FALSE(parse_rate_function("ease_in_out"));
    CHECK_FALSE(parse_rate_function("linear "));
}
