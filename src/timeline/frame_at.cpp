#include "timeline/scene.hpp"

#include "scene/shapes.hpp"
#include "widgets/number_text.hpp"

#include <algorithm>
#include <cmath>

namespace attnreel {

int Scene::frame_count(double fps) const {
    return std::max(1, static_cast<int>(std::ceil(duration * fps - 1e-9)));
}

namespace {

// How much of a leaf shows: the part of its outline drawn and how far its fill has faded in.
struct Reveal {
    double stroke = 1;         // fraction of each path's length stroked
    double fill = 1;           // fill opacity factor
    bool outline_only = false; // draw the outline in the fill colour (Write / DrawBorderThenFill)
    double outline_fade = 1;   // opacity factor of that outline
    double arrow_growth = 1;   // arrows: fraction of the centre line shown
};

constexpr double kOutlineWidth = 1.5;  // Manim units, for Write's glyph outlines

Color with_alpha(Color c, double factor) {
    c.a = std::clamp(c.a * factor, 0.0, 1.0);
    return c;
}

// The outline-then-fill reveal (Manim's DrawBorderThenFill) at progress a.
Reveal border_then_fill(double a, bool own_stroke) {
    Reveal r;
    r.stroke = std::min(1.0, 2 * a);
    r.fill = std::clamp(2 * a - 1, 0.0, 1.0);
    if (!own_stroke) {
        r.outline_only = true;
        r.outline_fade = 1 - r.fill;
    }
    return r;
}

// `place` takes a gradient from the object's geometry to where the path is drawn.
void emit_path(const Path& path, const Style& style, double opacity, double scale, const Reveal& r,
               DrawList& out, const Similarity& place = {}) {
    DrawItem item;
    const bool partial = r.stroke < 1;
    if (style.has_fill() && r.fill > 0) {
        item.fill = with_alpha(style.fill, style.fill_opacity * opacity * r.fill);
        if (style.gradient) {
            item.gradient = style.gradient->transformed(place);
            for (auto& [offset, colour] : item.gradient->stops) colour = with_alpha(colour, item.fill->a);
        }
    }
    if (r.outline_only && r.outline_fade > 0) {
        item.stroke = with_alpha(style.fill, opacity * r.outline_fade);
        item.stroke_width = kOutlineWidth * kStrokeWidthUnit * scale;
    } else if (style.has_stroke()) {
        item.stroke = with_alpha(style.stroke, style.stroke_opacity * opacity);
        item.stroke_width = style.stroke_width * kStrokeWidthUnit * scale;
    }
    if (!item.fill && !item.stroke) return;
    if (partial && item.stroke) {
        // The fill, if any, covers the whole shape; the stroke only the revealed length.
        if (item.fill) {
            DrawItem fill_only{path, item.fill, std::nullopt, 0, item.gradient};
            out.items.push_back(std::move(fill_only));
        }
        out.items.push_back({path.partial(r.stroke), std::nullopt, item.stroke, item.stroke_width, std::nullopt});
        return;
    }
    item.path = path;
    out.items.push_back(std::move(item));
}

// An arrow: its centre line stroked up to `growth` of its length (create draws it along),
// then the tip. `tip_scale` scales the tip's size with the geometry (grow_arrow scales
// the whole arrow); `width` is the stroke's, already in scene units.
void emit_arrow(const Object& o, const Path& centre, const Style& style, double opacity, double width,
                double tip_scale, double growth, DrawList& out) {
    if (!style.has_stroke() || growth <= 0) return;
    const double length = centre.length();
    if (length <= 0) return;
    const double shown = growth * length;
    const double tip_full = capped_tip_length(o.tip_length * tip_scale, length);
    // The tip grows with the arrow at first, then keeps its size.
    const double tip = tip_full * std::min(1.0, shown / (3 * tip_full));
    const Color colour = with_alpha(style.stroke, style.stroke_opacity * opacity);
    // The shaft stops inside the tip so that the tip's point stays sharp.
    const double shaft_end = std::max(0.0, shown - 0.7 * tip);
    out.items.push_back({centre.partial(shaft_end / length), std::nullopt, colour, width, std::nullopt});
    const Vec2 apex = centre.point_at(shown / length);
    const Vec2 base = centre.point_at(std::max(0.0, shown - tip) / length);
    const Vec2 direction = apex - base;
    // A tip width the author gave keeps its proportion to the tip's length.
    const double tip_width = o.tip_width > 0 && o.tip_length > 0 ? o.tip_width * tip / o.tip_length
                                                                 : std::max(0.9 * tip, 2.2 * width);
    out.items.push_back({arrow_tip(apex, direction, tip, tip_width), colour, std::nullopt, 0, std::nullopt});
}

// A number on its way from one value to another: the value, its place and its size move
// together; a masked entry (−∞) and a format change switch over halfway.
std::vector<Path> counted_parts(const CountingNumber& c, double a) {
    NumberLabel label = c.from;
    label.at = lerp(c.from.at, c.to.at, a);
    label.align = lerp(c.from.align, c.to.align, a);
    const bool finite = std::isfinite(c.from.value) && std::isfinite(c.to.value);
    const double value = finite ? lerp(c.from.value, c.to.value, a) : (a < 0.5 ? c.from.value : c.to.value);
    if (a >= 0.5) label.glyphs = c.to.glyphs;
    return number_parts(label, value, a < 0.5 ? c.from.format : c.to.format);
}

// Create on a bar: the bar stretched along its direction by `a` from its base line.
std::vector<Path> grown_parts(const Object& o, double a) {
    const Vec2 d = o.grow_from->direction, base = o.grow_from->base;
    // p' = p − (1 − a)((p − base)·d) d
    const Eigen::Matrix2d linear = Eigen::Matrix2d::Identity() - (1 - a) * d * d.transpose();
    const Vec2 offset = (1 - a) * d * d.dot(base);
    std::vector<Path> parts;
    for (const auto& part : o.parts) parts.push_back(part.affine(linear, offset));
    return parts;
}

void emit_leaf(const Object& o, const ObjectState& st, const Reveal& r, DrawList& out) {
    const double scale = st.transform.scale;
    if (o.shape == ObjectShape::Arrow) {
        if (o.parts.empty()) return;
        emit_arrow(o, o.parts[0].transformed(st.transform), st.style, st.opacity,
                   st.style.stroke_width * kStrokeWidthUnit * scale, 1, r.arrow_growth * r.stroke, out);
        return;
    }
    for (const auto& part : o.parts)
        emit_path(part.transformed(st.transform), st.style, st.opacity, scale, r, out, st.transform);
}

// Write: glyphs one after another, each drawn outline-first (Manim's lag rule). A leaf
// that is part of a longer text takes its turn in that text's sequence.
void emit_write(const Object& o, const Segment& seg, double a, DrawList& out) {
    const ObjectState& st = seg.to;
    const std::size_t n = std::max<std::size_t>(1, seg.glyphs_total ? seg.glyphs_total : o.parts.size());
    const double lag = std::min(4.0 / (static_cast<double>(n) + 1.0), 0.2);  // about four at once
    const double each = 1.0 / (1.0 + (n - 1) * lag);
    for (std::size_t i = 0; i < o.parts.size(); ++i) {
        const double local = std::clamp((a - (seg.glyphs_before + i) * lag * each) / each, 0.0, 1.0);
        if (local <= 0) break;
        const Reveal r = border_then_fill(local, st.style.has_stroke() && o.shape != ObjectShape::Text);
        emit_path(o.parts[i].transformed(st.transform), st.style, st.opacity, st.transform.scale, r, out);
    }
}

// Create on a leaf whose parts come in turn (markers along a line): part k pops in, growing
// about its centre, once the animation passes reveal_at[k].
void emit_revealed(const Object& o, const ObjectState& st, double a, DrawList& out) {
    constexpr double kPop = 0.08;  // of the animation, for each part to reach its size
    for (std::size_t k = 0; k < o.parts.size(); ++k) {
        const double start = k < o.reveal_at.size() ? o.reveal_at[k] * (1 - kPop) : 0;
        const double local = std::clamp((a - start) / kPop, 0.0, 1.0);
        if (local <= 0) continue;
        const Path placed = o.parts[k].transformed(st.transform);
        const Path part = placed.transformed(Similarity::scaling_about(placed.bounds().center(), local));
        emit_path(part, st.style, st.opacity, st.transform.scale, {}, out);
    }
}

void emit_active(const Object& o, const Segment& seg, double a, DrawList& out) {
    switch (seg.kind) {
    case SegmentKind::Instant: emit_leaf(o, seg.to, {}, out); return;
    case SegmentKind::Create:
        if (o.grow_from) {
            for (const Path& p : grown_parts(o, a))
                emit_path(p.transformed(seg.to.transform), seg.to.style, seg.to.opacity, seg.to.transform.scale, {}, out);
            return;
        }
        if (!o.reveal_at.empty()) return emit_revealed(o, seg.to, a, out);
        if (o.number && o.number->create_from_value) {
            NumberLabel start = *o.number;
            start.value = *o.number->create_from_value;
            start.at = o.number->create_from_at;
            CountingNumber c{start, *o.number};
            c.from.at = seg.to.transform.after(c.from.at);
            c.to.at = seg.to.transform.after(c.to.at);
            for (const Path& p : counted_parts(c, a))
                emit_path(p, seg.to.style, seg.to.opacity, seg.to.transform.scale, {}, out);
            return;
        }
        if (o.shape == ObjectShape::Text) return emit_write(o, seg, a, out);
        if (o.shape == ObjectShape::Arrow) {
            Reveal r;
            r.arrow_growth = a;
            return emit_leaf(o, seg.to, r, out);
        }
        if (seg.to.style.has_fill()) return emit_leaf(o, seg.to, border_then_fill(a, seg.to.style.has_stroke()), out);
        {
            Reveal r;
            r.stroke = a;
            return emit_leaf(o, seg.to, r, out);
        }
    case SegmentKind::Write: return emit_write(o, seg, a, out);
    case SegmentKind::FadeIn: {
        ObjectState st = seg.to;
        st.opacity *= a;
        st.transform.offset -= seg.shift * (1 - a);  // travels along the shift, as Manim's FadeIn
        return emit_leaf(o, st, {}, out);
    }
    case SegmentKind::FadeOut: {
        ObjectState st = seg.from;
        st.opacity *= 1 - a;
        st.transform.offset += seg.shift * a;
        return emit_leaf(o, st, {}, out);
    }
    case SegmentKind::GrowArrow: {
        // Manim's GrowArrow: the whole arrow, tip included, scales up from its tail; the
        // stroke keeps its width.
        const ObjectState& st = seg.to;
        if (o.parts.empty()) return;
        const Path placed = o.parts[0].transformed(st.transform);
        const Path grown = placed.transformed(Similarity::scaling_about(placed.point_at(0), std::max(a, 1e-6)));
        emit_arrow(o, grown, st.style, st.opacity, st.style.stroke_width * kStrokeWidthUnit * st.transform.scale,
                   std::max(a, 1e-6), 1, out);
        return;
    }
    case SegmentKind::GrowFromCenter: {
        ObjectState st = seg.to;
        st.transform = Similarity::scaling_about(seg.pivot, std::max(a, 1e-6)).after(st.transform);
        return emit_leaf(o, st, {}, out);
    }
    case SegmentKind::Set: return emit_leaf(o, interpolate(seg.from, seg.to, a, seg.pivot), {}, out);
    case SegmentKind::Indicate: {
        ObjectState st = seg.from;
        st.transform = Similarity::scaling_about(seg.pivot, 1 + (seg.indicate_scale - 1) * a).after(st.transform);
        st.style.fill = mix_oklab(st.style.fill, seg.indicate_color, a);
        st.style.stroke = mix_oklab(st.style.stroke, seg.indicate_color, a);
        return emit_leaf(o, st, {}, out);
    }
    case SegmentKind::Flow:
        // The connection stays as it is; particles travel on it (the rate is linear: a is time).
        emit_leaf(o, seg.from, {}, out);
        emit_particles(*seg.flow, a * (seg.end - seg.start), seg.end - seg.start, seg.from.opacity, out);
        return;
    case SegmentKind::MoveAlong: {
        ObjectState st = seg.from;
        st.transform = Similarity::translation(seg.along->point_at(a) - seg.anchor).after(st.transform);
        return emit_leaf(o, st, {}, out);
    }
    case SegmentKind::Morph: {
        const ObjectState st = interpolate(seg.from, seg.to, a);
        emit_path(seg.morph->at(a), st.style, st.opacity, st.transform.scale, {}, out);
        return;
    }
    case SegmentKind::Count: {
        const ObjectState st = interpolate(seg.from, seg.to, a);
        for (const Path& p : counted_parts(*seg.count, a)) emit_path(p, st.style, st.opacity, st.transform.scale, {}, out);
        return;
    }
    }
}

}  // namespace

DrawList frame_at(const Scene& scene, double t) {
    DrawList out;
    out.background = scene.settings.background;
    for (std::size_t i : scene.draw_order) {
        const TrackSample s = sample(scene.tracks[i], t);
        const Object& o = scene.objects[i];
        const std::size_t first = out.items.size();
        if (s.active) emit_active(o, *s.active, s.alpha, out);
        else if (s.state.visible) emit_leaf(o, s.state, {}, out);
        if (o.alt_text)
            for (std::size_t k = first; k < out.items.size(); ++k) out.items[k].alt_text = o.alt_text;
    }
    return out;
}

}  // namespace attnreel
