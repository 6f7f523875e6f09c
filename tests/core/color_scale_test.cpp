#include "core/color_scale.hpp"

#include <catch2/catch.hpp>

#include <cmath>
#include <limits>

using namespace attnreel;

TEST_CASE("a sequential scale spans the values' own range, or the one given", "[color]") {
    const ColorScale s = resolve_scale({}, {-2, 0, 6, -std::numeric_limits<double>::infinity()});
    CHECK(s.range == std::pair(-2.0, 6.0));  // −inf (a masked cell) is left out
    CHECK(s.at(-2) == kScaleLow);
    CHECK(s.at(6) == kScaleHigh);
    CHECK(s.at(0) == mix_oklab(kScaleLow, kScaleHigh, 0.25));
    CHECK(s.at(100) == kScaleHigh);  // beyond the range: the end colour
    ColorScaleSpec given;
    given.range = std::pair(0.0, 1.0);
    CHECK(resolve_scale(given, {5, 7}).range == std::pair(0.0, 1.0));
    CHECK(resolve_scale({}, {5, 7}, std::pair(0.0, 1.0)).range == std::pair(0.0, 1.0));  // weights
}

TEST_CASE("a diverging scale splits at mid, symmetric unless a range is given", "[color]") {
    ColorScaleSpec spec;
    spec.mid = 0;
    const ColorScale s = resolve_scale(spec, {-1, 0.5, 4});
    CHECK(s.range == std::pair(-4.0, 4.0));
    CHECK(s.at(0) == kDivergingMid);
    CHECK(s.at(-4) == kDivergingLow);
    CHECK(s.at(4) == kDivergingHigh);
    CHECK(s.at(2) == mix_oklab(kDivergingMid, kDivergingHigh, 0.5));
    CHECK(s.at(-1) == mix_oklab(kDivergingMid, kDivergingLow, 0.25));
    // Each side spans its own part of a lopsided range.
    spec.range = std::pair(-1.0, 4.0);
    const ColorScale lopsided = resolve_scale(spec, {});
    CHECK(lopsided.at(-1) == kDivergingLow);
    CHECK(lopsided.at(-0.5) == mix_oklab(kDivergingMid, kDivergingLow, 0.5));
    CHECK(lopsided.at(2) == mix_oklab(kDivergingMid, kDivergingHigh, 0.5));
    // A mid colour alone diverges about 0; rgb blends component by component.
    ColorScaleSpec rgb;
    rgb.mid_color = Color{1, 1, 1, 1};
    rgb.low = Color{0, 0, 1, 1};
    rgb.blend = ColorBlend::Rgb;
    const ColorScale r = resolve_scale(rgb, {-2, 2});
    CHECK(r.at(-1) == Color{0.5, 0.5, 1, 1});
}
