// Burnt-in captions: the cue of time t drawn at the bottom (or top), inside the frame.
#include "captions/caption_overlay.hpp"

#include <catch2/catch.hpp>

using namespace attnreel;
using namespace attnreel::captions;

namespace {

BBox bounds(const DrawList& list, std::size_t from = 0) {
    BBox b;
    for (std::size_t i = from; i < list.items.size(); ++i) b.add(list.items[i].path.bounds());
    return b;
}

const std::vector<Cue> kCues = {{1, 2, {"Attention is a weighted average."}, {}},
                                {2, 3, {"Two lines of caption text,", "each one centred."}, {}}};

}  // namespace

TEST_CASE("the caption of time t is drawn over the frame, and nothing between cues", "[captions]") {
    text::FontLibrary fonts;
    const CaptionOverlay overlay(kCues, fonts, 16.0 / 9, false);
    DrawList list;
    list.items.push_back({rectangle_path({0, 0}, 1, 1), Color{1, 0, 0, 1}, std::nullopt, 0});
    overlay.draw(0.5, list);
    CHECK(list.items.size() == 1);
    overlay.draw(1.5, list);
    REQUIRE(list.items.size() > 10);  // a box and a glyph per letter
    CHECK(list.items[0].fill == Color{1, 0, 0, 1});  // the scene's own items stay first, underneath
    const BBox b = bounds(list, 1);
    CHECK(b.max.y() < -2.6);               // in the bottom part of the frame (8 units high)
    CHECK(b.min.y() > -4);                 // but inside it
    CHECK(b.center().x() == Approx(0).margin(1e-6));
}

TEST_CASE("two-line cues stack their lines, a reserved lower third moves captions to the top", "[captions]") {
    text::FontLibrary fonts;
    DrawList one, two, top;
    CaptionOverlay(kCues, fonts, 16.0 / 9, false).draw(1.5, one);
    CaptionOverlay(kCues, fonts, 16.0 / 9, false).draw(2.5, two);
    CaptionOverlay(kCues, fonts, 16.0 / 9, true).draw(2.5, top);
    CHECK(bounds(two).height() > 1.8 * bounds(one).height());
    CHECK(bounds(two).min.y() == Approx(bounds(one).min.y()));  // both rest on the same bottom margin
    CHECK(bounds(top).min.y() > 2.6);
    CHECK(bounds(top).max.y() < 4);
}

TEST_CASE("captions shrink to fit a narrow frame", "[captions]") {
    text::FontLibrary fonts;
    DrawList wide, narrow;
    CaptionOverlay(kCues, fonts, 16.0 / 9, false).draw(1.5, wide);
    CaptionOverlay(kCues, fonts, 9.0 / 16, false).draw(1.5, narrow);
    const double frame_width = 8 * 9.0 / 16;
    CHECK(bounds(narrow).width() <= 0.9 * frame_width + 1e-9);
    CHECK(bounds(narrow).width() < bounds(wide).width());
}
