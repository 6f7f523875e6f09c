#pragma once
// Places the nodes of a network by a force-directed layout (Fruchterman–Reingold: every
// pair repels, connected pairs attract by their affinity), then removes every overlap and
// keeps every node inside its box. Run once when a scene compiles; deterministic (the
// starting positions come from `seed`, the steps are fixed).
#include "core/geometry.hpp"

#include <Eigen/Core>
#include <cstdint>
#include <vector>

namespace attnreel {

// A node's footprint around its position: what must not overlap another's, and must stay
// inside the box (a circle and the label under it).
struct NodeFootprint {
    double left = 0, right = 0, below = 0, above = 0;  // extents from the position, all ≥ 0
};

// Positions of the nodes, inside `box` (centred on the origin, width × height). `affinity`
// is symmetric, in [0, 1]. `gap` is the least distance between two footprints.
std::vector<Vec2> force_layout(const Eigen::MatrixXd& affinity, const std::vector<NodeFootprint>& nodes,
                               double width, double height, double gap, std::uint64_t seed);

// Whether any two footprints come closer than `gap` (the layout could not separate them:
// the box is too small for them).
bool any_overlap(const std::vector<NodeFootprint>& nodes, const std::vector<Vec2>& at, double gap);

// Whether footprints a and b (at pa and pb) come closer than `gap`.
bool footprints_overlap(const NodeFootprint& a, const Vec2& pa, const NodeFootprint& b, const Vec2& pb, double gap);

}  // namespace attnreel
