#include "timeline/morph.hpp"

#include <algorithm>
#include <cmath>

namespace attnreel {

namespace {

constexpr int kSamples = 96;

// `count` points evenly spaced by arc length along the polyline.
std::vector<Vec2> resample(const Path::Polyline& poly, int count) {
    std::vector<Vec2> pts = poly.points;
    if (poly.closed && !pts.empty()) pts.push_back(pts.front());
    std::vector<double> acc(pts.size(), 0.0);
    for (std::size_t i = 1; i < pts.size(); ++i) acc[i] = acc[i - 1] + (pts[i] - pts[i - 1]).norm();
    const double total = acc.empty() ? 0 : acc.back();
    std::vector<Vec2> out;
    out.reserve(count);
    std::size_t seg = 1;
    for (int k = 0; k < count; ++k) {
        const double target = total * k / (poly.closed ? count : count - 1);
        while (seg + 1 < pts.size() && acc[seg] < target) ++seg;
        if (pts.size() < 2 || total <= 0) {
            out.push_back(pts.empty() ? Vec2(0, 0) : pts.front());
            continue;
        }
        const double span = acc[seg] - acc[seg - 1];
        const double f = span > 0 ? std::clamp((target - acc[seg - 1]) / span, 0.0, 1.0) : 0;
        out.push_back(lerp(pts[seg - 1], pts[seg], f));
    }
    return out;
}

std::vector<Path::Polyline> polylines(const std::vector<Path>& parts) {
    std::vector<Path::Polyline> out;
    for (const auto& p : parts)
        for (auto& poly : p.flatten(0.004))
            if (!poly.points.empty()) out.push_back(std::move(poly));
    return out;
}

Vec2 centre_of(const std::vector<Path::Polyline>& polys) {
    BBox box;
    for (const auto& p : polys)
        for (const auto& q : p.points) box.add(q);
    return box.center();
}

// Twice the signed area of a closed loop: positive when it runs counter-clockwise.
double signed_area(const std::vector<Vec2>& loop) {
    double area = 0;
    for (std::size_t i = 0; i < loop.size(); ++i) {
        const Vec2& p = loop[i];
        const Vec2& q = loop[(i + 1) % loop.size()];
        area += p.x() * q.y() - q.x() * p.y();
    }
    return area;
}

// Rotate a closed loop so it starts at the point nearest `anchor`.
void start_near(std::vector<Vec2>& loop, const Vec2& anchor) {
    std::size_t best = 0;
    for (std::size_t i = 1; i < loop.size(); ++i)
        if ((loop[i] - anchor).squaredNorm() < (loop[best] - anchor).squaredNorm()) best = i;
    std::rotate(loop.begin(), loop.begin() + static_cast<long>(best), loop.end());
}

// Whether `a` and `b` are drawn the same way: the same verbs, and each closed loop running
// the same way round, so that their points can correspond one to one.
bool corresponds(const Path& a, const Path& b) {
    if (!a.same_structure(b)) return false;
    const auto pa = a.flatten(0.01), pb = b.flatten(0.01);
    if (pa.size() != pb.size()) return false;
    for (std::size_t i = 0; i < pa.size(); ++i)
        if (pa[i].closed && signed_area(pa[i].points) * signed_area(pb[i].points) < 0) return false;
    return true;
}

}  // namespace

Morph Morph::between(const std::vector<Path>& from, const std::vector<Path>& to) {
    const bool same = from.size() == to.size() && !from.empty() &&
                      std::equal(from.begin(), from.end(), to.begin(), corresponds);
    if (same) {
        Morph m;
        for (std::size_t i = 0; i < from.size(); ++i) m.exact.emplace_back(from[i], to[i]);
        return m;
    }
    const auto a = polylines(from), b = polylines(to);
    const Vec2 ca = centre_of(a), cb = centre_of(b);
    Morph m;
    const std::size_t n = std::max(a.size(), b.size());
    for (std::size_t i = 0; i < n; ++i) {
        Pair pair;
        if (i < a.size()) pair.from = resample(a[i], kSamples);
        if (i < b.size()) pair.to = resample(b[i], kSamples);
        // A missing partner grows from (or shrinks to) the other shape's centre.
        if (pair.from.empty()) pair.from.assign(kSamples, ca);
        if (pair.to.empty()) pair.to.assign(kSamples, cb);
        pair.closed = (i < a.size() ? a[i].closed : true) || (i < b.size() ? b[i].closed : true);
        if (pair.closed && i < a.size() && i < b.size()) {
            // Loops running opposite ways would pass through each other: match the direction.
            if (signed_area(pair.from) * signed_area(pair.to) < 0) std::reverse(pair.to.begin(), pair.to.end());
            // Nearest relative to each shape's centre, so that a shape moved far away keeps
            // its points' correspondence and glides instead of twisting on the way.
            start_near(pair.to, pair.from.front() - ca + cb);
        }
        m.pairs.push_back(std::move(pair));
    }
    return m;
}

Path Morph::at(double t) const {
    Path p;
    for (const auto& [from, to] : exact) p.append(from.blended(to, t));
    for (const auto& pair : pairs) {
        for (std::size_t k = 0; k < pair.from.size(); ++k) {
            const Vec2 q = lerp(pair.from[k], pair.to[k], t);
            if (k == 0) p.move_to(q);
            else p.line_to(q);
        }
        if (pair.closed) p.close();
    }
    return p;
}

}  // namespace attnreel
