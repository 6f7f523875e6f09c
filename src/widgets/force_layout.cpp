#include "widgets/force_layout.hpp"

#include <algorithm>
#include <cmath>
#include <numbers>

namespace attnreel {

namespace {

constexpr int kIterations = 300;
constexpr int kOverlapPasses = 2000;

// SplitMix64: a number in [0, 1) for each (seed, i).
double unit_random(std::uint64_t seed, std::uint64_t i) {
    std::uint64_t z = seed * 0x9E3779B97F4A7C15ULL + (i + 1) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    z ^= z >> 31;
    return double(z >> 11) / double(1ULL << 53);
}

// Moves p so that its footprint lies inside the box.
void clamp_inside(Vec2& p, const NodeFootprint& f, double width, double height) {
    const double hw = width / 2, hh = height / 2;
    p.x() = std::clamp(p.x(), -hw + f.left, std::max(-hw + f.left, hw - f.right));
    p.y() = std::clamp(p.y(), -hh + f.below, std::max(-hh + f.below, hh - f.above));
}

}  // namespace

bool footprints_overlap(const NodeFootprint& a, const Vec2& pa, const NodeFootprint& b, const Vec2& pb, double gap) {
    const bool apart_x = pa.x() + a.right + gap <= pb.x() - b.left || pb.x() + b.right + gap <= pa.x() - a.left;
    const bool apart_y = pa.y() + a.above + gap <= pb.y() - b.below || pb.y() + b.above + gap <= pa.y() - a.below;
    return !(apart_x || apart_y);
}

bool any_overlap(const std::vector<NodeFootprint>& nodes, const std::vector<Vec2>& at, double gap) {
    for (std::size_t i = 0; i < nodes.size(); ++i)
        for (std::size_t j = i + 1; j < nodes.size(); ++j)
            if (footprints_overlap(nodes[i], at[i], nodes[j], at[j], gap * 0.999)) return true;
    return false;
}

std::vector<Vec2> force_layout(const Eigen::MatrixXd& affinity, const std::vector<NodeFootprint>& nodes,
                               double width, double height, double gap, std::uint64_t seed) {
    const std::size_t n = nodes.size();
    std::vector<Vec2> p(n, Vec2(0, 0));
    if (n == 0) return p;
    if (n == 1) return p;

    // Start on a circle, each node nudged by the seed, so no two start at one place.
    const double r0 = 0.3 * std::min(width, height);
    for (std::size_t i = 0; i < n; ++i) {
        const double a = 2 * std::numbers::pi * (double(i) + 0.3 * unit_random(seed, i)) / double(n);
        p[i] = Vec2(r0 * std::cos(a) * width / height, r0 * std::sin(a));
    }
    const double k = 0.9 * std::sqrt(width * height / double(n));  // the distance nodes settle at
    std::vector<Vec2> move(n);
    for (int it = 0; it < kIterations; ++it) {
        const double temperature = 0.12 * width * (1.0 - double(it) / kIterations) + 1e-3;
        std::fill(move.begin(), move.end(), Vec2(0, 0));
        for (std::size_t i = 0; i < n; ++i)
            for (std::size_t j = i + 1; j < n; ++j) {
                Vec2 d = p[i] - p[j];
                double dist = d.norm();
                if (dist < 1e-6) {
                    d = Vec2(1e-3 * (1 + double(i)), 1e-3 * double(j));
                    dist = d.norm();
                }
                const double force = k * k / dist - 3.0 * affinity(i, j) * dist * dist / k;
                const Vec2 f = d / dist * force;
                move[i] += f;
                move[j] -= f;
            }
        for (std::size_t i = 0; i < n; ++i) {
            move[i] -= 0.08 * p[i] * k;  // gravity keeps loose nodes from drifting off
            const double length = move[i].norm();
            if (length > 0) p[i] += move[i] / length * std::min(length, temperature);
        }
    }

    // Fit the cloud to the box, keeping its shape, then push apart what overlaps.
    BBox cloud;
    for (const auto& q : p) cloud.add(q);
    double widest = 0, tallest = 0;
    for (const auto& f : nodes) {
        widest = std::max(widest, f.left + f.right);
        tallest = std::max(tallest, f.above + f.below);
    }
    const double sx = cloud.width() > 1e-9 ? std::max(0.0, width - widest) / cloud.width() : 1;
    const double sy = cloud.height() > 1e-9 ? std::max(0.0, height - tallest) / cloud.height() : 1;
    // Stretched to the box's shape (within a factor of two), so a wide box is used wide.
    const double s = std::min(sx, sy);
    const double kx = std::min(sx, 2 * s), ky = std::min(sy, 2 * s);
    for (auto& q : p) q = Vec2((q.x() - cloud.center().x()) * kx, (q.y() - cloud.center().y()) * ky);
    for (std::size_t i = 0; i < n; ++i) clamp_inside(p[i], nodes[i], width, height);

    // Push overlapping pairs apart along the axis that needs the shorter move, half each;
    // what a wall stops one node from taking, the other takes.
    const auto separate = [&](std::size_t i, std::size_t j, int axis, double need) {
        const double sign = p[i][axis] <= p[j][axis] ? 1 : -1;  // i on the low side
        const double before_i = p[i][axis];
        p[i][axis] -= sign * need / 2;
        clamp_inside(p[i], nodes[i], width, height);
        const double left_over = need - std::abs(p[i][axis] - before_i);
        p[j][axis] += sign * left_over;
        clamp_inside(p[j], nodes[j], width, height);
    };
    for (int pass = 0; pass < kOverlapPasses; ++pass) {
        bool moved = false;
        for (std::size_t i = 0; i < n; ++i)
            for (std::size_t j = i + 1; j < n; ++j) {
                if (!footprints_overlap(nodes[i], p[i], nodes[j], p[j], gap)) continue;
                moved = true;
                const bool i_left = p[i].x() <= p[j].x();
                const double need_x = i_left ? (p[i].x() + nodes[i].right + gap) - (p[j].x() - nodes[j].left)
                                             : (p[j].x() + nodes[j].right + gap) - (p[i].x() - nodes[i].left);
                const bool i_low = p[i].y() <= p[j].y();
                const double need_y = i_low ? (p[i].y() + nodes[i].above + gap) - (p[j].y() - nodes[j].below)
                                            : (p[j].y() + nodes[j].above + gap) - (p[i].y() - nodes[i].below);
                const double extra = 1e-6;
                // Alternate the preferred axis on later passes, so a pair wedged against a
                // wall on one axis escapes along the other.
                const bool along_x = pass < kOverlapPasses / 2 ? need_x <= need_y : need_x > need_y;
                if (along_x) separate(i, j, 0, need_x + extra);
                else separate(i, j, 1, need_y + extra);
            }
        if (!moved) break;
    }
    return p;
}

}  // namespace attnreel
