#include "core/path.hpp"

#include <cmath>
#include <numbers>

namespace attnreel {

void Path::move_to(const Vec2& p) {
    verbs_.push_back(Verb::Move);
    points_.push_back(p);
    subpath_start_ = p;
}

void Path::line_to(const Vec2& p) {
    if (verbs_.empty()) move_to(p);
    verbs_.push_back(Verb::Line);
    points_.push_back(p);
}

void Path::quad_to(const Vec2& c, const Vec2& p) {
    const Vec2 p0 = points_.empty() ? c : points_.back();
    cubic_to(p0 + 2.0 / 3.0 * (c - p0), p + 2.0 / 3.0 * (c - p), p);
}

void Path::cubic_to(const Vec2& c1, const Vec2& c2, const Vec2& p) {
    if (verbs_.empty()) move_to(c1);
    verbs_.push_back(Verb::Cubic);
    points_.push_back(c1);
    points_.push_back(c2);
    points_.push_back(p);
}

void Path::close() {
    if (verbs_.empty() || verbs_.back() == Verb::Close) return;
    verbs_.push_back(Verb::Close);
}

void Path::append(const Path& other) {
    verbs_.insert(verbs_.end(), other.verbs_.begin(), other.verbs_.end());
    points_.insert(points_.end(), other.points_.begin(), other.points_.end());
    subpath_start_ = other.subpath_start_;
}

BBox Path::bounds() const {
    BBox box;
    for (const auto& poly : flatten(0.005))
        for (const auto& p : poly.points) box.add(p);
    return box;
}

namespace {

Vec2 cubic_point(const Vec2& p0, const Vec2& c1, const Vec2& c2, const Vec2& p3, double t) {
    const double u = 1 - t;
    return u * u * u * p0 + 3 * u * u * t * c1 + 3 * u * t * t * c2 + t * t * t * p3;
}

// Number of line pieces that keep a cubic within `tolerance` of its chords (Wang's bound).
int cubic_pieces(const Vec2& p0, const Vec2& c1, const Vec2& c2, const Vec2& p3, double tolerance) {
    const double dd = std::max((p0 - 2 * c1 + c2).norm(), (c1 - 2 * c2 + p3).norm());
    const int n = static_cast<int>(std::ceil(std::sqrt(0.75 * dd / tolerance)));
    return std::clamp(n, 1, 256);
}

// One drawable piece of a path, in order: a line or a cubic from `from`.
struct Segment {
    Verb verb;
    Vec2 from, c1, c2, to;
    double length;
};

// Each subpath's segments, with Close turned into a line back to the start.
std::vector<std::vector<Segment>> segments_of(const std::vector<Verb>& verbs, const std::vector<Vec2>& pts,
                                              std::vector<bool>* closed) {
    std::vector<std::vector<Segment>> out;
    Vec2 cur{0, 0}, start{0, 0};
    std::size_t i = 0;
    for (Verb v : verbs) {
        switch (v) {
        case Verb::Move:
            cur = start = pts[i++];
            out.emplace_back();
            if (closed) closed->push_back(false);
            break;
        case Verb::Line: {
            const Vec2 to = pts[i++];
            out.back().push_back({Verb::Line, cur, cur, to, to, (to - cur).norm()});
            cur = to;
            break;
        }
        case Verb::Cubic: {
            const Vec2 c1 = pts[i], c2 = pts[i + 1], to = pts[i + 2];
            i += 3;
            const int n = cubic_pieces(cur, c1, c2, to, 0.0005);
            double len = 0;
            Vec2 prev = cur;
            for (int k = 1; k <= n; ++k) {
                const Vec2 q = cubic_point(cur, c1, c2, to, double(k) / n);
                len += (q - prev).norm();
                prev = q;
            }
            out.back().push_back({Verb::Cubic, cur, c1, c2, to, len});
            cur = to;
            break;
        }
        case Verb::Close:
            if ((cur - start).norm() > 1e-12)
                out.back().push_back({Verb::Line, cur, cur, start, start, (start - cur).norm()});
            if (closed) closed->back() = true;
            cur = start;
            break;
        }
    }
    return out;
}

// Split a cubic at t and keep the first part (de Casteljau).
void cubic_head(const Segment& s, double t, Vec2& c1, Vec2& c2, Vec2& end) {
    const Vec2 a = lerp(s.from, s.c1, t), b = lerp(s.c1, s.c2, t), c = lerp(s.c2, s.to, t);
    const Vec2 d = lerp(a, b, t), e = lerp(b, c, t);
    c1 = a;
    c2 = d;
    end = lerp(d, e, t);
}

// Parameter at which a cubic has covered `fraction` of its length.
double cubic_param_at(const Segment& s, double fraction) {
    const int n = 64;
    std::vector<double> acc(n + 1, 0.0);
    Vec2 prev = s.from;
    for (int k = 1; k <= n; ++k) {
        const Vec2 q = cubic_point(s.from, s.c1, s.c2, s.to, double(k) / n);
        acc[k] = acc[k - 1] + (q - prev).norm();
        prev = q;
    }
    const double target = fraction * acc[n];
    for (int k = 1; k <= n; ++k) {
        if (acc[k] >= target) {
            const double span = acc[k] - acc[k - 1];
            const double f = span > 0 ? (target - acc[k - 1]) / span : 0;
            return (k - 1 + f) / n;
        }
    }
    return 1.0;
}

}  // namespace

double Path::length() const {
    double total = 0;
    for (const auto& sub : segments_of(verbs_, points_, nullptr))
        for (const auto& s : sub) total += s.length;
    return total;
}

Path Path::partial(double fraction) const {
    if (fraction >= 1.0) return *this;
    Path out;
    if (fraction <= 0.0) return out;
    std::vector<bool> closed;
    const auto subs = segments_of(verbs_, points_, &closed);
    double total = 0;
    for (const auto& sub : subs)
        for (const auto& s : sub) total += s.length;
    double remaining = fraction * total;
    for (std::size_t si = 0; si < subs.size() && remaining > 0; ++si) {
        const auto& sub = subs[si];
        if (sub.empty()) continue;
        out.move_to(sub.front().from);
        bool whole = true;
        for (const auto& s : sub) {
            if (remaining <= 0) {
                whole = false;
                break;
            }
            if (s.length <= remaining) {
                if (s.verb == Verb::Line) out.line_to(s.to);
                else out.cubic_to(s.c1, s.c2, s.to);
                remaining -= s.length;
                continue;
            }
            const double f = remaining / s.length;
            if (s.verb == Verb::Line) {
                out.line_to(lerp(s.from, s.to, f));
            } else {
                Vec2 c1, c2, end;
                cubic_head(s, cubic_param_at(s, f), c1, c2, end);
                out.cubic_to(c1, c2, end);
            }
            remaining = 0;
            whole = false;
            break;
        }
        if (whole && closed[si]) out.close();
    }
    return out;
}

Path Path::transformed(const Similarity& s) const {
    Path out = *this;
    if (s.angle == 0) {
        for (auto& p : out.points_) p = s.scale * p + s.offset;
    } else {
        const Eigen::Matrix2d m = s.linear();  // one cos and sin for the whole path
        for (auto& p : out.points_) p = m * p + s.offset;
    }
    out.subpath_start_ = s.apply(subpath_start_);
    return out;
}

Path Path::affine(const Eigen::Matrix2d& linear, const Vec2& offset) const {
    Path out = *this;
    for (auto& p : out.points_) p = linear * p + offset;
    out.subpath_start_ = linear * subpath_start_ + offset;
    return out;
}

Path Path::blended(const Path& other, double t) const {
    Path out = *this;
    for (std::size_t i = 0; i < out.points_.size(); ++i) out.points_[i] = lerp(points_[i], other.points_[i], t);
    out.subpath_start_ = lerp(subpath_start_, other.subpath_start_, t);
    return out;
}

std::vector<Path::Polyline> Path::flatten(double tolerance) const {
    std::vector<Polyline> out;
    Vec2 cur{0, 0};
    std::size_t i = 0;
    for (Verb v : verbs_) {
        switch (v) {
        case Verb::Move:
            cur = points_[i++];
            out.push_back({{cur}, false});
            break;
        case Verb::Line:
            cur = points_[i++];
            out.back().points.push_back(cur);
            break;
        case Verb::Cubic: {
            const Vec2 c1 = points_[i], c2 = points_[i + 1], to = points_[i + 2];
            i += 3;
            const int n = cubic_pieces(cur, c1, c2, to, tolerance);
            for (int k = 1; k <= n; ++k) out.back().points.push_back(cubic_point(cur, c1, c2, to, double(k) / n));
            cur = to;
            break;
        }
        case Verb::Close: {
            auto& poly = out.back();
            if (poly.points.size() > 1 && (poly.points.back() - poly.points.front()).norm() < 1e-12)
                poly.points.pop_back();
            poly.closed = true;
            cur = poly.points.front();
            break;
        }
        }
    }
    return out;
}

namespace {

// Walks the flattened path to arc-length fraction t; returns the point and the direction.
std::pair<Vec2, Vec2> locate(const Path& path, double t) {
    std::vector<std::pair<Vec2, Vec2>> pieces;  // consecutive point pairs
    double total = 0;
    for (const auto& poly : path.flatten(0.0005)) {
        auto pts = poly.points;
        if (poly.closed && !pts.empty()) pts.push_back(pts.front());
        for (std::size_t k = 1; k < pts.size(); ++k) {
            pieces.emplace_back(pts[k - 1], pts[k]);
            total += (pts[k] - pts[k - 1]).norm();
        }
    }
    if (pieces.empty()) return {Vec2(0, 0), Vec2(1, 0)};
    double target = std::clamp(t, 0.0, 1.0) * total;
    for (const auto& [a, b] : pieces) {
        const double len = (b - a).norm();
        if (len <= 0) continue;
        if (target <= len) return {lerp(a, b, target / len), (b - a) / len};
        target -= len;
    }
    const auto& [a, b] = pieces.back();
    const double len = (b - a).norm();
    return {b, len > 0 ? Vec2((b - a) / len) : Vec2(1, 0)};
}

}  // namespace

Vec2 Path::point_at(double t) const { return locate(*this, t).first; }
Vec2 Path::tangent_at(double t) const { return locate(*this, t).second; }

Path rectangle_path(const Vec2& c, double w, double h, double r) {
    Path p;
    const double x0 = c.x() - w / 2, x1 = c.x() + w / 2, y0 = c.y() - h / 2, y1 = c.y() + h / 2;
    r = std::clamp(r, 0.0, std::min(w, h) / 2);
    if (r <= 0) {
        // Start at the top-left and go clockwise, as Manim does, so Create draws a familiar stroke.
        p.move_to({x0, y1});
        p.line_to({x1, y1});
        p.line_to({x1, y0});
        p.line_to({x0, y0});
        p.close();
        return p;
    }
    const double k = 0.5522847498 * r;  // cubic approximation of a quarter circle
    p.move_to({x0 + r, y1});
    p.line_to({x1 - r, y1});
    p.cubic_to({x1 - r + k, y1}, {x1, y1 - r + k}, {x1, y1 - r});
    p.line_to({x1, y0 + r});
    p.cubic_to({x1, y0 + r - k}, {x1 - r + k, y0}, {x1 - r, y0});
    p.line_to({x0 + r, y0});
    p.cubic_to({x0 + r - k, y0}, {x0, y0 + r - k}, {x0, y0 + r});
    p.line_to({x0, y1 - r});
    p.cubic_to({x0, y1 - r + k}, {x0 + r - k, y1}, {x0 + r, y1});
    p.close();
    return p;
}

Path circle_path(const Vec2& c, double r) {
    Path p;
    const double k = 0.5522847498 * r;
    p.move_to({c.x() + r, c.y()});
    p.cubic_to({c.x() + r, c.y() + k}, {c.x() + k, c.y() + r}, {c.x(), c.y() + r});
    p.cubic_to({c.x() - k, c.y() + r}, {c.x() - r, c.y() + k}, {c.x() - r, c.y()});
    p.cubic_to({c.x() - r, c.y() - k}, {c.x() - k, c.y() - r}, {c.x(), c.y() - r});
    p.cubic_to({c.x() + k, c.y() - r}, {c.x() + r, c.y() - k}, {c.x() + r, c.y()});
    p.close();
    return p;
}

Path polyline_path(const std::vector<Vec2>& points, bool closed) {
    Path p;
    for (std::size_t i = 0; i < points.size(); ++i) {
        if (i == 0) p.move_to(points[i]);
        else p.line_to(points[i]);
    }
    if (closed && !points.empty()) p.close();
    return p;
}

}  // namespace attnreel
