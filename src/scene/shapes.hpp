#pragma once
// Geometry of the primitive kinds, in scene units, centred where the spec says.
#include "core/path.hpp"

#include <optional>
#include <vector>

namespace attnreel {

// A circular arc from a to b bending by `angle` radians (> 0: to the left of a→b), as
// cubics of at most a quarter turn each. angle 0 gives a straight line.
Path arc_between(const Vec2& a, const Vec2& b, double angle);
// The arc from a to b bending by `angle`, less `buff` of its own length at each end (so
// the ends stay on the arc); none when the arc is not longer than 2 × buff.
std::optional<Path> arc_with_buff(const Vec2& a, const Vec2& b, double angle, double buff);
// The length of that arc (the chord when angle is 0).
double arc_length_between(const Vec2& a, const Vec2& b, double angle);
// A Catmull-Rom spline through the points, as cubics.
Path smooth_through(const std::vector<Vec2>& points, bool closed);
// A chain of cubics p0 c1 c2 p1 c1 c2 p2 ... (3n + 1 points).
Path bezier_chain(const std::vector<Vec2>& points, bool closed);
// The filled triangle of an arrow tip whose point is `apex`, pointing along `direction`.
Path arrow_tip(const Vec2& apex, const Vec2& direction, double length, double width);

}  // namespace attnreel
