#include "scene/shapes.hpp"

#include <algorithm>
#include <cmath>
#include <optional>
#include <numbers>

namespace attnreel {

namespace {

// The circle through a and b whose arc from a to b bends by `angle` (≠ 0).
struct ArcCircle {
    Vec2 center;
    double radius, start, sweep;  // sweep < 0: clockwise, which bulges left
};

ArcCircle arc_circle(const Vec2& a, const Vec2& b, double angle) {
    const double chord = (b - a).norm();
    const double radius = chord / (2 * std::sin(std::abs(angle) / 2));
    const Vec2 mid = (a + b) / 2;
    const Vec2 dir = (b - a) / chord;
    const Vec2 left(-dir.y(), dir.x());
    const double to_center = radius * std::cos(angle / 2);
    // Bending left means the arc bulges left, so the centre sits to the right.
    const Vec2 center = mid - (angle > 0 ? 1.0 : -1.0) * left * to_center;
    return {center, radius, std::atan2(a.y() - center.y(), a.x() - center.x()),
            angle > 0 ? -std::abs(angle) : std::abs(angle)};
}

}  // namespace

Path arc_between(const Vec2& a, const Vec2& b, double angle) {
    Path p;
    p.move_to(a);
    const double chord = (b - a).norm();
    if (std::abs(angle) < 1e-9 || chord < 1e-12) {
        p.line_to(b);
        return p;
    }
    const auto [center, radius, start, sweep] = arc_circle(a, b, angle);
    const int pieces = static_cast<int>(std::ceil(std::abs(sweep) / (std::numbers::pi / 2)));
    const double step = sweep / pieces;
    const double k = 4.0 / 3.0 * std::tan(step / 4);
    for (int i = 0; i < pieces; ++i) {
        const double t0 = start + i * step, t1 = t0 + step;
        const Vec2 p0 = center + radius * Vec2(std::cos(t0), std::sin(t0));
        const Vec2 p1 = center + radius * Vec2(std::cos(t1), std::sin(t1));
        const Vec2 d0 = radius * Vec2(-std::sin(t0), std::cos(t0));
        const Vec2 d1 = radius * Vec2(-std::sin(t1), std::cos(t1));
        p.cubic_to(p0 + k * d0, p1 - k * d1, i + 1 == pieces ? b : p1);
    }
    return p;
}

std::optional<Path> arc_with_buff(const Vec2& a, const Vec2& b, double angle, double buff) {
    const double chord = (b - a).norm();
    if (std::abs(angle) < 1e-9 || chord < 1e-12) {
        if (chord <= 2 * buff + 1e-9) return std::nullopt;
        const Vec2 d = (b - a) / chord;
        return arc_between(a + d * buff, b - d * buff, 0);
    }
    const ArcCircle c = arc_circle(a, b, angle);
    const double trim = buff / c.radius;  // the angle `buff` of arc subtends
    if (2 * trim >= std::abs(angle) - 1e-9) return std::nullopt;
    const double step = c.sweep > 0 ? trim : -trim;
    const auto on_circle = [&](double t) { return Vec2(c.center + c.radius * Vec2(std::cos(t), std::sin(t))); };
    const double end = c.start + c.sweep;
    return arc_between(on_circle(c.start + step), on_circle(end - step),
                       (angle > 0 ? 1.0 : -1.0) * (std::abs(angle) - 2 * trim));
}

double arc_length_between(const Vec2& a, const Vec2& b, double angle) {
    const double chord = (b - a).norm();
    if (std::abs(angle) < 1e-9 || chord < 1e-12) return chord;
    return arc_circle(a, b, angle).radius * std::abs(angle);
}

Path smooth_through(const std::vector<Vec2>& pts, bool closed) {
    Path p;
    const std::size_t n = pts.size();
    if (n == 0) return p;
    p.move_to(pts[0]);
    auto at = [&](long i) -> const Vec2& {
        if (closed) return pts[static_cast<std::size_t>((i % long(n) + long(n)) % long(n))];
        return pts[static_cast<std::size_t>(std::clamp(i, 0L, long(n) - 1))];
    };
    const long segments = closed ? long(n) : long(n) - 1;
    for (long i = 0; i < segments; ++i) {
        const Vec2 &p0 = at(i - 1), &p1 = at(i), &p2 = at(i + 1), &p3 = at(i + 2);
        p.cubic_to(p1 + (p2 - p0) / 6.0, p2 - (p3 - p1) / 6.0, p2);
    }
    if (closed) p.close();
    return p;
}

Path bezier_chain(const std::vector<Vec2>& pts, bool closed) {
    Path p;
    if (pts.empty()) return p;
    p.move_to(pts[0]);
    for (std::size_t i = 1; i + 2 < pts.size(); i += 3) p.cubic_to(pts[i], pts[i + 1], pts[i + 2]);
    if (closed) p.close();
    return p;
}

Path arrow_tip(const Vec2& apex, const Vec2& direction, double length, double width) {
    const Vec2 d = direction.norm() > 0 ? Vec2(direction.normalized()) : Vec2(1, 0);
    const Vec2 n(-d.y(), d.x());
    const Vec2 base = apex - d * length;
    Path p;
    p.move_to(apex);
    p.line_to(base + n * (width / 2));
    p.line_to(base - n * (width / 2));
    p.close();
    return p;
}

}  // namespace attnreel
