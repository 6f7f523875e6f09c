#pragma once
// A vector path in scene units: subpaths of lines and cubic Béziers. Everything drawn,
// glyphs included, is a Path, so every object can be measured, partially drawn and morphed.
#include "core/geometry.hpp"

#include <vector>

namespace attnreel {

enum class Verb : unsigned char { Move, Line, Cubic, Close };

class Path {
public:
    void move_to(const Vec2& p);
    void line_to(const Vec2& p);
    void quad_to(const Vec2& c, const Vec2& p);  // stored as the equivalent cubic
    void cubic_to(const Vec2& c1, const Vec2& c2, const Vec2& p);
    void close();
    void append(const Path& other);

    bool empty() const { return verbs_.empty(); }
    const std::vector<Verb>& verbs() const { return verbs_; }
    const std::vector<Vec2>& points() const { return points_; }  // Move/Line: 1, Cubic: 3, Close: 0

    BBox bounds() const;  // of the control polygon's hull points on the curve (tight enough for layout)
    double length() const;
    // The first `fraction` (0..1) of the path by arc length, as Manim's Create reveals it.
    Path partial(double fraction) const;
    Path transformed(const Similarity& s) const;
    // Every point mapped by p' = linear · p + offset (an affine map: stretches a bar as it grows).
    Path affine(const Eigen::Matrix2d& linear, const Vec2& offset) const;
    // Whether the two paths are made of the same verbs, so that their points correspond one to one.
    bool same_structure(const Path& other) const { return verbs_ == other.verbs_; }
    // The path whose points lie at t between this one's and `other`'s; needs same_structure.
    Path blended(const Path& other, double t) const;
    // Subpaths flattened to polylines within `tolerance` units; closed ones repeat no point.
    struct Polyline {
        std::vector<Vec2> points;
        bool closed = false;
    };
    std::vector<Polyline> flatten(double tolerance = 0.002) const;
    // Point and unit tangent at arc-length fraction t of the whole path.
    Vec2 point_at(double t) const;
    Vec2 tangent_at(double t) const;

    bool operator==(const Path&) const = default;

private:
    std::vector<Verb> verbs_;
    std::vector<Vec2> points_;
    Vec2 subpath_start_{0, 0};
};

// Common shapes, built as paths in scene units.
Path rectangle_path(const Vec2& center, double width, double height, double corner_radius = 0);
Path circle_path(const Vec2& center, double radius);
Path polyline_path(const std::vector<Vec2>& points, bool closed);

}  // namespace attnreel
