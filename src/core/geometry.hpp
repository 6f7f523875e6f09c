#pragma once
// Points, boxes and the similarity transforms that animations interpolate. Scene units:
// the frame is 8 units high, origin at the centre, y up (as in Manim).
#include <Eigen/Core>
#include <algorithm>
#include <limits>

namespace attnreel {

using Vec2 = Eigen::Vector2d;

// Axis-aligned bounding box; starts empty and grows with add().
struct BBox {
    Vec2 min{std::numeric_limits<double>::infinity(), std::numeric_limits<double>::infinity()};
    Vec2 max{-std::numeric_limits<double>::infinity(), -std::numeric_limits<double>::infinity()};

    bool empty() const { return min.x() > max.x() || min.y() > max.y(); }
    void add(const Vec2& p) {
        min = min.cwiseMin(p);
        max = max.cwiseMax(p);
    }
    void add(const BBox& b) {
        if (b.empty()) return;
        add(b.min);
        add(b.max);
    }
    Vec2 center() const { return empty() ? Vec2(0, 0) : Vec2((min + max) / 2); }
    double width() const { return empty() ? 0 : max.x() - min.x(); }
    double height() const { return empty() ? 0 : max.y() - min.y(); }
};

// p' = scale * p + offset. Uniform scale plus translation is closed under composition,
// and interpolating both linearly keeps a scaling pivot fixed, so group scaling animates
// without drift.
struct Similarity {
    double scale = 1.0;
    Vec2 offset{0, 0};

    Vec2 apply(const Vec2& p) const { return scale * p + offset; }
    // (this ∘ inner)(p) = this(inner(p))
    Similarity after(const Similarity& inner) const {
        return {scale * inner.scale, scale * inner.offset + offset};
    }
    static Similarity translation(const Vec2& d) { return {1.0, d}; }
    static Similarity scaling_about(const Vec2& pivot, double s) { return {s, pivot - s * pivot}; }
    bool operator==(const Similarity&) const = default;
};

inline double lerp(double a, double b, double t) { return a + (b - a) * t; }
inline Vec2 lerp(const Vec2& a, const Vec2& b, double t) { return a + (b - a) * t; }
inline Similarity lerp(const Similarity& a, const Similarity& b, double t) {
    return {lerp(a.scale, b.scale, t), lerp(a.offset, b.offset, t)};
}

}  // namespace attnreel
