#pragma once
// Morphing one shape into another (Manim's Transform): both are flattened to polylines,
// matched one to one (the shorter list padded with points collapsed at its centre), and
// resampled to the same number of points, once at compile time. Shapes made of the same
// verbs (a bar into a longer bar, a bracket into a taller one) instead blend their points
// one to one, so corners stay corners all the way.
#include "core/path.hpp"

#include <vector>

namespace attnreel {

struct Morph {
    struct Pair {
        std::vector<Vec2> from, to;  // same length
        bool closed = true;
    };
    std::vector<Pair> pairs;
    std::vector<std::pair<Path, Path>> exact;  // same-structure parts, blended point by point

    static Morph between(const std::vector<Path>& from, const std::vector<Path>& to);
    // The in-between shape at t ∈ [0, 1].
    Path at(double t) const;
};

}  // namespace attnreel
