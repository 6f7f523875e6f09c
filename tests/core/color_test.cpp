#include "core/color.hpp"

#include <catch2/catch.hpp>

#include <cmath>

using namespace attnreel;
using Catch::Detail::Approx;

namespace {

// The sRGB transfer function and Rec. 709 luminance, straight from the standards.
double srgb_to_linear(double c) { return c <= 0.04045 ? c / 12.92 : std::pow((c + 0.055) / 1.055, 2.4); }
double linear_to_srgb(double c) { return c <= 0.0031308 ? 12.92 * c : 1.055 * std::pow(c, 1 / 2.4) - 0.055; }
double luminance(const Color& c) {
    return 0.2126 * srgb_to_linear(c.r) + 0.7152 * srgb_to_linear(c.g) + 0.0722 * srgb_to_linear(c.b);
}

}  // namespace

TEST_CASE("#rrggbb parses each byte over 255 with opaque alpha", "[color]") {
    const auto c = parse_color("#ff8000");
    REQUIRE(c);
    CHECK(c->r == 1.0);
    CHECK(c->g == Approx(128 / 255.0));
    CHECK(c->b == 0.0);
    CHECK(c->a == 1.0);
    CHECK(parse_color("#FF8000") == c);  // hex digits in either case
}

TEST_CASE("#rgb doubles each digit", "[color]") {
    const auto c = parse_color("#f80");
    REQUIRE(c);
    CHECK(*c == *parse_color("#ff8800"));
    CHECK(c->g == Approx(0x88 / 255.0));
}

TEST_CASE("#rrggbbaa carries alpha", "[color]") {
    const auto c = parse_color("#10203080");
    REQUIRE(c);
    CHECK(c->r == Approx(0x10 / 255.0));
    CHECK(c->g == Approx(0x20 / 255.0));
    CHECK(c->b == Approx(0x30 / 255.0));
    CHECK(c->a == Approx(0x80 / 255.0));
}

TEST_CASE("palette names parse, and every listed name is valid", "[color]") {
    CHECK(parse_color("white") == Color{1, 1, 1, 1});
    CHECK(parse_color("black") == Color{0, 0, 0, 1});
    CHECK(parse_color("pure_red") == Color{1, 0, 0, 1});
    CHECK(parse_color("transparent")->a == 0.0);
    CHECK_FALSE(color_names().empty());
    for (const auto& name : color_names()) {
        INFO(name);
        CHECK(parse_color(name));
    }
}

TEST_CASE("malformed colours are rejected", "[color]") {
    for (const char* bad : {"", "#", "ff0000", "#ff00", "#ff00000", "#ff0000000", "#12345", "#ggg", "#12 456",
                            "#-12345", "reed", "Red", "# ff0000"}) {
        INFO(bad);
        CHECK_FALSE(parse_color(bad));
    }
}

TEST_CASE("to_hex prints #rrggbb for opaque colours and #rrggbbaa otherwise", "[color]") {
    CHECK(to_hex({1, 0, 0, 1}) == "#ff0000");
    CHECK(to_hex({0, 0.5, 1, 1}) == "#0080ff");  // 127.5 rounds to 128
    CHECK(to_hex({1, 1, 1, 0.5}) == "#ffffff80");
    CHECK(to_hex({0, 0, 0, 0}) == "#00000000");
    // Out-of-range components are clamped rather than wrapped.
    CHECK(to_hex({2, -1, 0, 1}) == "#ff0000");
}

TEST_CASE("hex strings survive a parse/print round trip", "[color]") {
    for (const char* hex : {"#000000", "#ffffff", "#0f172a", "#58c4dd", "#12345678", "#abcdef01", "#fc6255"}) {
        INFO(hex);
        const auto c = parse_color(hex);
        REQUIRE(c);
        CHECK(to_hex(*c) == hex);
    }
    CHECK(to_hex(*parse_color("#F80")) == "#ff8800");
}

TEST_CASE("mix_oklab returns its ends exactly at t = 0 and t = 1", "[color]") {
    const Color a{0.2, 0.4, 0.6, 1}, b{0.9, 0.1, 0.3, 0.5};
    CHECK(mix_oklab(a, b, 0) == a);
    CHECK(mix_oklab(a, b, 1) == b);
    CHECK(mix_oklab(a, b, -1) == a);
    CHECK(mix_oklab(a, b, 2) == b);
}

TEST_CASE("mixing a colour with itself gives the same colour", "[color]") {
    const Color c = *parse_color("#58c4dd");
    const Color m = mix_oklab(c, c, 0.37);
    CHECK(m.r == Approx(c.r).margin(1e-6));
    CHECK(m.g == Approx(c.g).margin(1e-6));
    CHECK(m.b == Approx(c.b).margin(1e-6));
}

TEST_CASE("alpha mixes linearly", "[color]") {
    CHECK(mix_oklab({1, 0, 0, 0}, {1, 0, 0, 1}, 0.25).a == Approx(0.25));
}

TEST_CASE("black to white halfway is OKLab's perceptual mid grey", "[color]") {
    // OKLab lightness of black is 0 and of white 1; grey of lightness L has linear
    // components L^3, so L = 0.5 is linear 0.125, about 0.389 in sRGB (not 0.5, not 0.735).
    const Color m = mix_oklab({0, 0, 0, 1}, {1, 1, 1, 1}, 0.5);
    const double expected = linear_to_srgb(0.125);
    CHECK(expected == Approx(0.3886).margin(1e-4));
    CHECK(m.r == Approx(expected).margin(1e-3));
    CHECK(m.g == Approx(expected).margin(1e-3));
    CHECK(m.b == Approx(expected).margin(1e-3));
}

TEST_CASE("grey to red halfway is not muddy: as bright as the ends and still red", "[color]") {
    const Color grey = *parse_color("#888888"), red = *parse_color("#ff0000");
    const Color m = mix_oklab(grey, red, 0.5);
    // Naive averaging of sRGB values dips below both ends' luminance: that is the mud.
    const Color naive{(grey.r + red.r) / 2, (grey.g + red.g) / 2, (grey.b + red.b) / 2, 1};
    const double low = std::min(luminance(grey), luminance(red));
    const double high = std::max(luminance(grey), luminance(red));
    REQUIRE(luminance(naive) < low);  // the property below can fail
    CHECK(luminance(m) >= low);
    CHECK(luminance(m) <= high);
    // The hue stays red: red clearly dominates both other channels.
    CHECK(m.r > m.g + 0.3);
    CHECK(m.r > m.b + 0.3);
}

TEST_CASE("slate has every Tailwind step, so no step is suggested for another", "[color]") {
    const char* steps[][2] = {{"slate_50", "#f8fafc"},  {"slate_100", "#f1f5f9"}, {"slate_200", "#e2e8f0"},
                              {"slate_300", "#cbd5e1"}, {"slate_400", "#94a3b8"}, {"slate_500", "#64748b"},
                              {"slate_600", "#475569"}, {"slate_700", "#334155"}, {"slate_800", "#1e293b"},
                              {"slate_900", "#0f172a"}, {"slate_950", "#020617"}};
    for (const auto& [name, hex] : steps) {
        INFO(name);
        REQUIRE(parse_color(name));
        CHECK(*parse_color(name) == *parse_color(hex));
    }
    CHECK(*parse_color("slate") == *parse_color("slate_500"));
}

TEST_CASE("readable_on picks dark text on light fills and light text on dark ones", "[color]") {
    const Color dark = *parse_color("#0f172a"), light = *parse_color("#f1f5f9");
    CHECK(readable_on(*parse_color("white")) == dark);
    CHECK(readable_on(*parse_color("yellow")) == dark);
    CHECK(readable_on(*parse_color("#1e293b")) == light);
    CHECK(readable_on(*parse_color("#0000ff")) == light);
    CHECK(contrast_ratio(*parse_color("black"), *parse_color("white")) == Approx(21));
    CHECK(mix_rgb(*parse_color("black"), *parse_color("white"), 0.5) == Color{0.5, 0.5, 0.5, 1});
}
