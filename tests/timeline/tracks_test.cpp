#include "timeline/track.hpp"

#include <catch2/catch.hpp>

using namespace attnreel;
using Catch::Detail::Approx;

namespace {

ObjectState state(bool visible, double scale, const Vec2& offset, double opacity) {
    ObjectState s;
    s.visible = visible;
    s.transform = {scale, offset};
    s.opacity = opacity;
    return s;
}

Segment segment(double start, double end, RateFunction rate, const ObjectState& from, const ObjectState& to) {
    Segment s;
    s.start = start;
    s.end = end;
    s.kind = start == end ? SegmentKind::Instant : SegmentKind::Set;
    s.rate = rate;
    s.from = from;
    s.to = to;
    return s;
}

}  // namespace

TEST_CASE("interpolate moves numbers linearly", "[track]") {
    ObjectState a = state(true, 1, {0, 0}, 1), b = state(true, 3, {4, -2}, 0);
    a.style.stroke_width = 2;
    b.style.stroke_width = 6;
    a.style.fill_opacity = 0;
    b.style.fill_opacity = 1;
    b.style.stroke_opacity = 0;
    const ObjectState s = interpolate(a, b, 0.25);
    CHECK(s.transform.scale == Approx(1.5));
    CHECK(s.transform.offset.x() == Approx(1));
    CHECK(s.transform.offset.y() == Approx(-0.5));
    CHECK(s.opacity == Approx(0.75));
    CHECK(s.style.stroke_width == Approx(3));
    CHECK(s.style.fill_opacity == Approx(0.25));
    CHECK(s.style.stroke_opacity == Approx(0.75));
}

TEST_CASE("interpolate mixes colours in OKLab", "[track]") {
    ObjectState a, b;
    a.style.fill = {0, 0, 0, 1};
    b.style.fill = {1, 1, 1, 1};
    a.style.stroke = {1, 0, 0, 1};
    b.style.stroke = {0, 0, 1, 1};
    const ObjectState s = interpolate(a, b, 0.5);
    CHECK(s.style.fill == mix_oklab(a.style.fill, b.style.fill, 0.5));
    CHECK(s.style.stroke == mix_oklab(a.style.stroke, b.style.stroke, 0.5));
    CHECK(s.style.fill.r < 0.45);  // perceptual mid grey, darker than the sRGB average
}

TEST_CASE("interpolate returns its ends exactly", "[track]") {
    const ObjectState a = state(false, 1, {0, 0}, 1), b = state(true, 2, {1, 1}, 0.5);
    CHECK(interpolate(a, b, 0) == a);
    CHECK(interpolate(a, b, 1) == b);
    CHECK(interpolate(a, b, -1) == a);
    CHECK(interpolate(a, b, 2) == b);
}

TEST_CASE("an object shows while either end is visible and takes the end's visibility at 1", "[track]") {
    const ObjectState hidden = state(false, 1, {0, 0}, 1), shown = state(true, 1, {0, 0}, 1);
    CHECK(interpolate(hidden, shown, 0.5).visible);
    CHECK(interpolate(shown, hidden, 0.5).visible);
    CHECK_FALSE(interpolate(shown, hidden, 1).visible);
    CHECK_FALSE(interpolate(hidden, hidden, 0.5).visible);
}

TEST_CASE("sample finds the segment in progress or the settled state", "[track]") {
    Track track;
    track.initial = state(false, 1, {0, 0}, 1);
    const ObjectState s1 = state(true, 1, {0, 0}, 1), s2 = state(true, 2, {0, 0}, 1), s3 = state(true, 2, {5, 0}, 1);
    track.segments = {segment(1, 2, RateFunction::Linear, track.initial, s1),
                      segment(3, 3, RateFunction::Linear, s1, s2),
                      segment(4, 6, RateFunction::EaseInOutCubic, s2, s3)};

    SECTION("before the first segment: the initial state") {
        const TrackSample s = sample(track, 0.5);
        CHECK(s.active == nullptr);
        CHECK(s.state == track.initial);
    }
    SECTION("at a segment's start it is active with progress 0") {
        const TrackSample s = sample(track, 1.0);
        CHECK(s.active == &track.segments[0]);
        CHECK(s.alpha == Approx(0).margin(1e-12));
        CHECK(s.state == track.initial);
    }
    SECTION("inside a segment: eased progress") {
        const TrackSample s = sample(track, 1.5);
        CHECK(s.active == &track.segments[0]);
        CHECK(s.alpha == Approx(0.5));
        const TrackSample eased = sample(track, 4.5);  // a quarter of the way, ease_in_out_cubic: 4 * 0.25^3
        CHECK(eased.active == &track.segments[2]);
        CHECK(eased.alpha == Approx(0.0625));
    }
    SECTION("at a segment's end it is settled in the end state") {
        const TrackSample s = sample(track, 2.0);
        CHECK(s.active == nullptr);
        CHECK(s.state == s1);
    }
    SECTION("between segments: the last end state") {
        CHECK(sample(track, 2.5).state == s1);
        CHECK(sample(track, 3.5).state == s2);
    }
    SECTION("an instant segment applies at its time") {
        const TrackSample s = sample(track, 3.0);
        CHECK(s.active == nullptr);
        CHECK(s.state == s2);
        CHECK(sample(track, 3.0 - 1e-9).state == s1);
    }
    SECTION("after the last segment: its end state") {
        CHECK(sample(track, 6.0).state == s3);
        CHECK(sample(track, 100.0).state == s3);
    }
}

TEST_CASE("an empty track is always its initial state", "[track]") {
    Track track;
    track.initial = state(true, 1, {1, 1}, 0.5);
    for (double t : {-1.0, 0.0, 10.0}) {
        const TrackSample s = sample(track, t);
        CHECK(s.active == nullptr);
        CHECK(s.state == track.initial);
    }
}
