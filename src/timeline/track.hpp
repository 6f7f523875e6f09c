#pragma once
// Per-object tracks: the states an object passes through, as sorted segments. Evaluating a
// track at t is a binary search and one interpolation; nothing is replayed.
#include "core/geometry.hpp"
#include "core/rate_functions.hpp"
#include "scene/object.hpp"
#include "scene/scene_spec.hpp"
#include "timeline/flow.hpp"
#include "timeline/morph.hpp"

#include <memory>
#include <vector>

namespace attnreel {

// What an object looks like outside any animation.
struct ObjectState {
    bool visible = false;
    Similarity transform;  // applied to the object's compiled geometry
    Style style;
    double opacity = 1;
    bool operator==(const ObjectState&) const = default;
};

// Colours mix in OKLab, numbers linearly; visibility switches at the end. A turn between
// the two turns about `pivot` (core/geometry.hpp, blend_about).
ObjectState interpolate(const ObjectState& a, const ObjectState& b, double t, const Vec2& pivot = Vec2(0, 0));

// Instant segments (start == end) model add/remove and the hand-over at a transform's end.
// Count: a transform between two number leaves, setting the in-between values.
enum class SegmentKind {
    Instant, Create, Write, FadeIn, FadeOut, GrowArrow, GrowFromCenter, Morph, Set, Indicate, Count, Flow, MoveAlong
};

// The two ends of a Count segment, placed where the leaves are at its start and end.
struct CountingNumber {
    NumberLabel from, to;
};

struct Segment {
    double start = 0, end = 0;
    SegmentKind kind = SegmentKind::Instant;
    RateFunction rate = RateFunction::Smooth;
    ObjectState from, to;
    Vec2 shift{0, 0};                      // fade_in / fade_out
    Color indicate_color;                  // indicate
    double indicate_scale = 1.2;
    Vec2 pivot{0, 0};                      // grow_from_center / indicate / set: the centre they scale or turn about
    std::shared_ptr<const Morph> morph;    // transform
    std::shared_ptr<const CountingNumber> count;  // transform between two numbers
    std::shared_ptr<const FlowParticles> flow;  // flow: the particles on this leaf's path
    std::shared_ptr<const Path> along;     // move_along: the path (absolute) the anchor follows
    Vec2 anchor{0, 0};                     // move_along: the moved object's centre at the start
    // write / create of a group as one sequence (spans of a text, a formula): this leaf's parts are
    // numbers glyphs_before… of glyphs_total in one sequence; 0 total: the leaf alone.
    std::size_t glyphs_before = 0, glyphs_total = 0;
};

struct Track {
    ObjectState initial;            // before the first segment
    std::vector<Segment> segments;  // sorted by start; never overlapping
};

// Where an object is at time t: the segment in progress (if any) and its eased progress,
// or the settled state.
struct TrackSample {
    const Segment* active = nullptr;  // null when settled
    double alpha = 1;                 // eased progress of `active`
    ObjectState state;                // settled state, or the segment's start state
};
TrackSample sample(const Track& track, double t);

}  // namespace attnreel
