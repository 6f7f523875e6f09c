// set (style, per-member values, moves and turns) and focus/unfocus, which dim and restore
// what is around a target.
#include "timeline/timeline_compiler.hpp"

#include "timeline/compile_objects.hpp"

#include <algorithm>
#include <numbers>

namespace attnreel {

namespace {

constexpr double kRadians = std::numbers::pi / 180;  // per degree
constexpr double kFocusDim = 0.25;

// Changes `set` makes to a style; a fill colour shows an unfilled shape's fill.
void apply_style_changes(Style& st, const StyleSpec& s) {
    if (s.color || s.fill) st.gradient.reset();  // a colour of its own replaces a colour bar's run
    if (s.color) {
        st.fill = *s.color;
        st.stroke = *s.color;
    }
    if (s.fill) {
        st.fill = *s.fill;
        // As in an object entry: giving a fill colour shows the fill.
        if (!s.fill_opacity && st.fill_opacity == 0) st.fill_opacity = 1;
    }
    if (s.stroke) st.stroke = *s.stroke;
    if (s.fill_opacity) st.fill_opacity = *s.fill_opacity;
    if (s.stroke_width) st.stroke_width = *s.stroke_width;
    if (s.stroke_opacity) st.stroke_opacity = *s.stroke_opacity;
}

bool recolours_fill(const StyleSpec& s) { return s.color || s.fill || s.fill_opacity; }

// What of a set reaches a label whose box it recolours: everything but the fill, which
// the label takes from its box instead.
StyleSpec without_fill(StyleSpec s) {
    s.color.reset();
    s.fill.reset();
    s.fill_opacity.reset();
    return s;
}

}  // namespace

std::unordered_map<std::size_t, Color> TimelineCompiler::new_box_fills(
    const AnimationSpec& a, const std::vector<std::vector<std::size_t>>& units,
    const std::unordered_map<std::size_t, StyleSpec>& own) const {
    std::unordered_map<std::size_t, Color> fills;
    if (a.kind != AnimationKind::Set && a.kind != AnimationKind::Indicate) return fills;
    for (const auto& unit : units)
        for (std::size_t leaf : unit) {
            const auto it = own.find(leaf);
            const bool recolours = a.kind == AnimationKind::Indicate || recolours_fill(a.set.style) ||
                                   (it != own.end() && recolours_fill(it->second));
            if (!recolours || scene_.objects[leaf].on_box) continue;  // a label is not a box
            Style st = current_[leaf].style;
            if (a.kind == AnimationKind::Indicate) {
                st.fill = a.color.value_or(*parse_color("yellow"));  // where indicate's blend peaks
            } else {
                apply_style_changes(st, a.set.style);
                if (it != own.end()) apply_style_changes(st, it->second);
            }
            fills[leaf] = st.fill;
        }
    return fills;
}

void TimelineCompiler::apply_set_to(ObjectState& st, std::size_t leaf, const AnimationSpec& a, const BBox& pivot_box,
                                    const std::unordered_map<std::size_t, StyleSpec>& own,
                                    const std::optional<Color>& box_fill) const {
    const auto it = own.find(leaf);
    if (!box_fill) {
        apply_set(st, a.set, pivot_box);
        if (it != own.end()) {
            apply_style_changes(st.style, it->second);
            if (it->second.opacity) st.opacity = *it->second.opacity;
        }
        return;
    }
    // A label printed on a box this set recolours takes the colour that reads on it.
    SetSpec rest = a.set;
    rest.style = without_fill(a.set.style);
    apply_set(st, rest, pivot_box);
    if (it != own.end()) {
        apply_style_changes(st.style, without_fill(it->second));
        if (it->second.opacity) st.opacity = *it->second.opacity;
    }
    st.style.fill = readable_on(*box_fill);
}

void TimelineCompiler::apply_set(ObjectState& st, const SetSpec& set, const BBox& pivot_box) const {
    const StyleSpec& s = set.style;
    apply_style_changes(st.style, s);
    if (s.opacity) st.opacity = *s.opacity;
    if (set.scale) st.transform = Similarity::scaling_about(pivot_box.center(), *set.scale).after(st.transform);
    if (set.rotate)
        st.transform = Similarity::rotation_about(rotation_pivot(set, pivot_box), set.rotate->degrees * kRadians)
                           .after(st.transform);
    if (set.shift) st.transform = Similarity::translation(*set.shift).after(st.transform);
    if (set.move_to) {
        // Resolved against current positions, so move_to: other follows where it is now.
        Vec2 target;
        if (const auto* v = std::get_if<Vec2>(&*set.move_to)) target = *v;
        else {
            BBox b;
            for (std::size_t leaf : leaves_of(std::get<Ref>(*set.move_to))) b.add(current_bounds(leaf));
            target = b.center();
        }
        st.transform = Similarity::translation(target - pivot_box.center()).after(st.transform);
    }
}

// What a set turns about: its about_point (a point, or an object's current centre), else
// the centre of its targets.
Vec2 TimelineCompiler::rotation_pivot(const SetSpec& set, const BBox& pivot_box) const {
    if (!set.rotate || !set.rotate->about_point) return pivot_box.center();
    if (const auto* v = std::get_if<Vec2>(&*set.rotate->about_point)) return *v;
    BBox b;
    for (std::size_t leaf : leaves_of(std::get<Ref>(*set.rotate->about_point))) b.add(current_bounds(leaf));
    return b.center();
}

// fill_from colours a heatmap's cells by another matrix: the numbers printed in them would
// then contradict their colours.
void TimelineCompiler::refuse_stale_numbers(const AnimationSpec& a,
                                            const std::unordered_map<std::size_t, StyleSpec>& own) const {
    std::vector<std::size_t> leaves;
    for (const auto& entry : own) leaves.push_back(entry.first);
    std::sort(leaves.begin(), leaves.end());  // the first in the table, whatever the hash order
    for (std::size_t leaf : leaves) {
        const Object& o = scene_.objects[leaf];
        if (o.on_box && own.count(*o.on_box) && o.match_key.rfind("heatmap ", 0) == 0)
            throw InputError(a.set.fill_from->mark,
                             "fill_from recolours the cells but cannot change the numbers printed in them ('" + o.id +
                                 "'): give the heatmap 'numbers: false', or transform it into a heatmap of the new "
                                 "matrix");
    }
}

// Everything on screen but the target (within `within`, when given) fades to `dim` of its
// opacity; the target comes back to full if an earlier focus dimmed it.
void TimelineCompiler::focus(const AnimationSpec& a, RateFunction rate, double start, double run_time) {
    std::vector<std::size_t> target;
    for (const auto& ref : a.targets) {
        const auto l = leaves_of(ref);
        target.insert(target.end(), l.begin(), l.end());
    }
    std::sort(target.begin(), target.end());
    if (std::none_of(target.begin(), target.end(), [&](std::size_t i) { return current_[i].visible; }))
        throw InputError(a.mark, "cannot focus on '" + a.targets[0].id + "': it is not on screen yet");
    std::vector<std::size_t> scope;
    if (a.within) scope = leaves_of(*a.within);
    else
        for (std::size_t i = 0; i < scene_.objects.size(); ++i)
            if (!scene_.objects[i].is_group()) scope.push_back(i);
    const double dim = a.dim.value_or(kFocusDim);
    for (std::size_t leaf : scope) {
        if (!current_[leaf].visible || busy(leaf, start)) continue;  // another animation of the step has it
        const bool focused = std::binary_search(target.begin(), target.end(), leaf);
        const auto dimmed = focus_dimmed_.find(leaf);
        double opacity = 0;
        if (focused) {
            if (dimmed == focus_dimmed_.end()) continue;
            opacity = dimmed->second;
            focus_dimmed_.erase(dimmed);
        } else {
            const double before = dimmed != focus_dimmed_.end() ? dimmed->second : current_[leaf].opacity;
            focus_dimmed_[leaf] = before;
            opacity = before * dim;
            if (opacity == current_[leaf].opacity) continue;
        }
        Segment s = segment(leaf, SegmentKind::Set, rate, start, start + run_time);
        s.to.opacity = opacity;
        push(leaf, std::move(s), a.mark);
    }
}

// What focus dimmed comes back: all of it, or what lies under the targets.
void TimelineCompiler::unfocus(const AnimationSpec& a, RateFunction rate, double start, double run_time) {
    std::vector<std::size_t> leaves;
    if (a.targets.empty()) {
        for (const auto& [leaf, opacity] : focus_dimmed_) leaves.push_back(leaf);
    } else {
        for (const auto& ref : a.targets)
            for (std::size_t leaf : leaves_of(ref))
                if (focus_dimmed_.count(leaf)) leaves.push_back(leaf);
    }
    std::sort(leaves.begin(), leaves.end());
    leaves.erase(std::unique(leaves.begin(), leaves.end()), leaves.end());
    for (std::size_t leaf : leaves) {
        const double opacity = focus_dimmed_.at(leaf);
        focus_dimmed_.erase(leaf);
        if (busy(leaf, start)) continue;
        Segment s = segment(leaf, SegmentKind::Set, rate, start, start + run_time);
        s.to.opacity = opacity;
        push(leaf, std::move(s), a.mark);
    }
}

}  // namespace attnreel
