#pragma once
// Points, boxes and the similarity transforms that animations interpolate. Scene units:
// the frame is 8 units high, origin at the centre, y up (as in Manim).
#include <Eigen/Core>
#include <algorithm>
#include <cmath>
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

// p' = scale · R(angle) · p + offset: uniform scale, a turn (radians, counter-clockwise)
// and a translation. Closed under composition; interpolating scale and offset linearly
// keeps a scaling pivot fixed, so group scaling animates without drift (turns use
// blend_about, which keeps their pivot fixed too).
struct Similarity {
    double scale = 1.0;
    Vec2 offset{0, 0};
    double angle = 0.0;  // not reduced modulo a turn: 2π is a full spin when animated

    // The linear part, scale · R(angle).
    Eigen::Matrix2d linear() const {
        const double c = std::cos(angle) * scale, s = std::sin(angle) * scale;
        Eigen::Matrix2d m;
        m << c, -s, s, c;
        return m;
    }
    Vec2 apply(const Vec2& p) const { return angle == 0 ? Vec2(scale * p + offset) : Vec2(linear() * p + offset); }
    // (this ∘ inner)(p) = this(inner(p))
    Similarity after(const Similarity& inner) const {
        return {scale * inner.scale, apply(inner.offset), angle + inner.angle};
    }
    Similarity inverse() const {
        const Similarity turn{1.0 / scale, Vec2(0, 0), -angle};
        return {turn.scale, -turn.apply(offset), turn.angle};
    }
    static Similarity translation(const Vec2& d) { return {1.0, d}; }
    static Similarity scaling_about(const Vec2& pivot, double s) { return {s, pivot - s * pivot}; }
    static Similarity rotation_about(const Vec2& pivot, double radians) {
        const Similarity turn{1.0, Vec2(0, 0), radians};
        return {1.0, pivot - turn.apply(pivot), radians};
    }
    bool operator==(const Similarity&) const = default;
};

inline double lerp(double a, double b, double t) { return a + (b - a) * t; }
inline Vec2 lerp(const Vec2& a, const Vec2& b, double t) { return a + (b - a) * t; }
inline Similarity lerp(const Similarity& a, const Similarity& b, double t) {
    return {lerp(a.scale, b.scale, t), lerp(a.offset, b.offset, t), lerp(a.angle, b.angle, t)};
}

// From a to b at t, turning about `pivot` (where a puts it): the pivot travels straight
// to where b puts it while the shape turns and scales about it. Without a turn this is
// lerp exactly, whatever the pivot.
inline Similarity blend_about(const Similarity& a, const Similarity& b, double t, const Vec2& pivot) {
    if (a.angle == b.angle) return lerp(a, b, t);
    const Similarity change = b.after(a.inverse());  // what the animation does to the shape
    const Vec2 travelled = lerp(pivot, change.apply(pivot), t);
    const Similarity partial = Similarity::translation(travelled)
                                   .after({lerp(1.0, change.scale, t), Vec2(0, 0), (b.angle - a.angle) * t})
                                   .after(Similarity::translation(-pivot));
    return partial.after(a);
}

}  // namespace attnreel
