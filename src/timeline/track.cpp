#include "timeline/track.hpp"

#include <algorithm>

namespace attnreel {

ObjectState interpolate(const ObjectState& a, const ObjectState& b, double t, const Vec2& pivot) {
    if (t <= 0) return a;
    if (t >= 1) return b;
    ObjectState s;
    s.visible = a.visible || b.visible;
    s.transform = blend_about(a.transform, b.transform, t, pivot);
    s.style.fill = mix_oklab(a.style.fill, b.style.fill, t);
    s.style.gradient = a.style.gradient == b.style.gradient ? a.style.gradient : nullptr;  // a recolour: solid
    s.style.fill_opacity = lerp(a.style.fill_opacity, b.style.fill_opacity, t);
    s.style.stroke = mix_oklab(a.style.stroke, b.style.stroke, t);
    s.style.stroke_width = lerp(a.style.stroke_width, b.style.stroke_width, t);
    s.style.stroke_opacity = lerp(a.style.stroke_opacity, b.style.stroke_opacity, t);
    s.opacity = lerp(a.opacity, b.opacity, t);
    return s;
}

TrackSample sample(const Track& track, double t) {
    // The last segment that has started by t.
    const auto it = std::upper_bound(track.segments.begin(), track.segments.end(), t,
                                     [](double time, const Segment& s) { return time < s.start; });
    if (it == track.segments.begin()) return {nullptr, 1, track.initial};
    const Segment& seg = *std::prev(it);
    if (t >= seg.end) return {nullptr, 1, seg.to};
    const double linear = (t - seg.start) / (seg.end - seg.start);
    return {&seg, apply_rate(seg.rate, linear), seg.from};
}

}  // namespace attnreel
