// SVG for the web: pixel sizes, pixel coordinates, and each text object a titled group.
#include "render/svg_file.hpp"

#include <catch2/catch.hpp>

using namespace attnreel;

namespace {

DrawItem box(double x, double y, double size, Color fill) {
    return {rectangle_path({x, y}, size, size), fill, std::nullopt, 0};
}

AltText words(const std::string& text) { return AltText{std::make_shared<const std::string>(text)}; }

std::size_t count(const std::string& text, const std::string& what) {
    std::size_t n = 0;
    for (std::size_t at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++n;
    return n;
}

}  // namespace

TEST_CASE("an SVG is sized in pixels with a matching viewBox", "[render]") {
    const std::string svg = svg_bytes(DrawList{{0, 0, 0, 1}, {}}, 1280, 720);
    CHECK_THAT(svg, Catch::Contains("width=\"1280px\" height=\"720px\" viewBox=\"0 0 1280 720\""));
    CHECK_THAT(svg, Catch::Contains("<rect width=\"1280\" height=\"720\" fill=\"#000000\"/>"));
}

TEST_CASE("SVG coordinates are the raster's pixels: y down, 8 units high", "[render]") {
    // A unit square at (2, 2) on a 160x80 canvas: 10 pixels per unit, centred at (100, 20).
    const std::string svg = svg_bytes(DrawList{{0, 0, 0, 0}, {box(2, 2, 1, {1, 0, 0, 0.5})}}, 160, 80);
    CHECK_THAT(svg, Catch::Contains("<path d=\"M95 15L105 15L105 25L95 25Z\""));  // x 95…105, y 15…25
    CHECK_THAT(svg, Catch::Contains("fill=\"#ff0000\" fill-opacity=\"0.5\""));
    CHECK_THAT(svg, !Catch::Contains("<rect"));  // a transparent background draws nothing
}

TEST_CASE("the outlines of one text object share a group whose title holds its words", "[render]") {
    const AltText title = words("Q & K <attend>");
    const AltText other = words("cat");
    DrawItem a = box(0, 0, 1, {1, 1, 1, 1}), b = box(1, 0, 1, {1, 1, 1, 1}), c = box(2, 0, 1, {1, 1, 1, 1});
    a.alt_text = b.alt_text = title;
    c.alt_text = other;
    const DrawItem shape = box(-2, 0, 1, {0, 1, 0, 1});
    const std::string svg = svg_bytes(DrawList{{0, 0, 0, 1}, {shape, a, b, c}}, 320, 180);
    CHECK(count(svg, "<title>") == 2);
    CHECK_THAT(svg, Catch::Contains("<g><title>Q &amp; K &lt;attend&gt;</title><path"));
    CHECK_THAT(svg, Catch::Contains("<g><title>cat</title><path"));
    const std::size_t group = svg.find("<title>Q &amp;");
    const std::size_t group_end = svg.find("</g>", group);
    CHECK(count(svg.substr(group, group_end - group), "<path") == 2);
    CHECK(svg.find("#00ff00") < group);  // the shape stays outside any group
}
