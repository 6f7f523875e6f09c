#pragma once
// Morphing one shape into another (Manim's Transform): both are flattened to polylines,
// matched one to one (the shorter list padded with points collapsed at its centre), and
// resampled to the same number of points, once at compile time.
#include "core/path.hpp"

#include <vector>

namespace attnreel {

struct Morph {
    struct Pair {
        std::vector<Vec2> from, to;  // same length
        bool closed = true;
    };
    std::vector<Pair> pairs;

    static Morph between(const std::vector<Path>& from, const std::vector<Path>& to);
    // The in-between shape at t ∈ [0, 1].
    Path at(double t) const;
};

}  // namespace attnreel
