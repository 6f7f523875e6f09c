// The Rasterizer paints a DrawList into pixels; its cached prefix must never change them.
#include "render/raster.hpp"

#include <catch2/catch.hpp>

using namespace attnreel;

namespace {

DrawItem box(double x, double y, double size, Color fill) {
    return {rectangle_path({x, y}, size, size), fill, std::nullopt, 0};
}

DrawItem line(double x0, double x1, Color stroke) {
    return {polyline_path({{x0, -1}, {x1, 1}}, false), std::nullopt, stroke, 0.05};
}

Frame fresh_render(const DrawList& list, int w, int h) {
    Rasterizer r;
    Frame f;
    r.render(list, w, h, f);
    return f;
}

const Color kBackground{0.05, 0.08, 0.16, 1};
const Color kRed{1, 0, 0, 1};

}  // namespace

TEST_CASE("scene units map to pixels: 8 units high, origin at the centre, y up", "[render]") {
    DrawList list{kBackground, {box(2, 2, 1, kRed)}};  // a unit square centred at (2, 2)
    const Frame f = fresh_render(list, 160, 80);        // 10 pixels per unit
    // (2, 2) → pixel (80 + 20, 40 - 20) = (100, 20).
    CHECK(f.at(100, 20) == 0xffff0000u);
    CHECK(f.at(100, 60) != 0xffff0000u);  // mirrored in y: nothing there
    CHECK(f.at(0, 0) == f.at(159, 79));   // background everywhere else
}

TEST_CASE("a reused Rasterizer paints exactly what a fresh one paints, frame after frame", "[render]") {
    // Six static boxes (a cached prefix) under a line that moves, then a frame where an
    // early item changes too, then a different size.
    std::vector<DrawList> frames;
    for (int i = 0; i < 6; ++i) {
        DrawList list{kBackground, {}};
        for (int b = 0; b < 6; ++b) list.items.push_back(box(-5 + 2 * b, 0, 1.2, {0.2 * b, 0.5, 1 - 0.1 * b, 1}));
        list.items.push_back(line(-6 + i, 6 - i, kRed));
        frames.push_back(list);
    }
    frames.push_back(frames.back());
    frames.back().items[1].fill = Color{1, 1, 0, 1};  // an early item changes
    frames.push_back(frames.front());                  // and back again

    Rasterizer reused;
    Frame out;
    for (std::size_t i = 0; i < frames.size(); ++i) {
        INFO("frame " << i);
        reused.render(frames[i], 320, 180, out);
        CHECK(out.pixels == fresh_render(frames[i], 320, 180).pixels);
    }
    reused.render(frames[0], 200, 100, out);
    CHECK(out.width == 200);
    CHECK(out.pixels == fresh_render(frames[0], 200, 100).pixels);
}

TEST_CASE("a frame that held other pixels is fully repainted", "[render]") {
    DrawList list{kBackground, {box(0, 0, 2, kRed)}};
    Frame dirty(64, 36);
    std::fill(dirty.pixels.begin(), dirty.pixels.end(), 0xff00ff00u);
    Rasterizer r;
    r.render(list, 64, 36, dirty);
    CHECK(dirty.pixels == fresh_render(list, 64, 36).pixels);
}
