// transform: the targets' shapes morph into those of `to`. Leaves pair up one to one (or
// spread evenly when the counts differ), each pair with its own style; formulas and
// heatmaps pair their pieces by what they are.
#include "timeline/timeline_compiler.hpp"

#include "timeline/match_pieces.hpp"

#include <algorithm>

namespace attnreel {

void TimelineCompiler::transform(const AnimationSpec& a, RateFunction rate, double start, double run_time) {
    std::vector<std::size_t> from;
    for (const auto& ref : a.targets) {
        const auto l = leaves_of(ref);
        from.insert(from.end(), l.begin(), l.end());
    }
    const auto to = leaves_of(*a.transform_to);
    if (from.empty() || to.empty()) throw InputError(a.mark, "transform needs objects with a shape");
    for (std::size_t i : from)
        if (!current_[i].visible)
            throw InputError(a.mark, "cannot transform '" + scene_.objects[i].id + "': it is not on screen yet");
    // Pieces with keys (formulas, heatmaps) morph pair by pair.
    const auto keyed = [&](std::size_t i) { return !scene_.objects[i].match_key.empty(); };
    if (std::all_of(from.begin(), from.end(), keyed) && std::all_of(to.begin(), to.end(), keyed))
        return transform_matching(a, from, to, rate, start, run_time);
    morph_leaves(a, from, to, rate, start, run_time);
}

// Leaf k of n morphs into leaf k·m/n of m, as Manim aligns the members of two groups, and
// each target keeps its own style (colour, width, opacity), never one style for all. With
// fewer targets, the sources of one target morph as one shape into it (a formula into a
// square: the glyphs flow into its outline), taking the first one's style; with more,
// targets grow out of copies of their source.
void TimelineCompiler::morph_leaves(const AnimationSpec& a, const std::vector<std::size_t>& from,
                                    const std::vector<std::size_t>& to, RateFunction rate, double start,
                                    double run_time) {
    const std::size_t n = from.size(), m = to.size();
    if (n >= m) {
        for (std::size_t t = 0; t < m; ++t) {
            // Sources k with k·m/n == t: from ⌈t·n/m⌉ up to ⌈(t+1)·n/m⌉.
            const std::size_t first = (t * n + m - 1) / m, last = ((t + 1) * n + m - 1) / m;
            std::vector<Path> paths;
            for (std::size_t k = first; k < last; ++k) {
                const std::vector<Path> placed = placed_parts(from[k]);
                paths.insert(paths.end(), placed.begin(), placed.end());
            }
            Segment s = segment(from[first], SegmentKind::Morph, rate, start, start + run_time);
            s.to = current_[to[t]];
            s.to.transform = s.from.transform;  // the morph path is absolute; keep widths steady
            s.to.visible = false;
            s.morph = std::make_shared<Morph>(Morph::between(paths, placed_parts(to[t])));
            push(from[first], std::move(s), a.mark);
            for (std::size_t k = first + 1; k < last; ++k) set_visible(from[k], false, start, a.mark);
        }
        for (std::size_t t : to) set_visible(t, true, start + run_time, a.mark);
        return;
    }
    // More targets than sources: each target grows out of its source's shape and style,
    // and the sources hide at once.
    std::vector<std::vector<Path>> sources;
    std::vector<ObjectState> source_states;
    for (std::size_t f : from) {
        sources.push_back(placed_parts(f));
        source_states.push_back(current_[f]);
        set_visible(f, false, start, a.mark);
    }
    for (std::size_t k = 0; k < m; ++k) {
        const std::size_t t = to[k], f = k * n / m;
        Segment s = segment(t, SegmentKind::Morph, rate, start, start + run_time);
        s.from = source_states[f];
        s.to.visible = true;
        s.morph = std::make_shared<Morph>(Morph::between(sources[f], placed_parts(t)));
        push(t, std::move(s), a.mark);
    }
}

// Manim's TransformMatchingTex: pieces with the same key pair up (match_pieces) and morph
// one into the other (moving, resizing, recolouring); the pieces left over fade out, and
// the new ones fade in, over the same time.
void TimelineCompiler::transform_matching(const AnimationSpec& a, const std::vector<std::size_t>& from,
                                          const std::vector<std::size_t>& to, RateFunction rate, double start,
                                          double run_time) {
    const auto keys = [&](const std::vector<std::size_t>& leaves) {
        std::vector<std::string> out;
        for (std::size_t i : leaves) out.push_back(scene_.objects[i].match_key);
        return out;
    };
    const std::vector<std::optional<std::size_t>> partner = match_pieces(keys(from), keys(to));
    std::vector<bool> arrives(to.size(), false);
    for (std::size_t k = 0; k < from.size(); ++k) {
        const std::size_t f = from[k];
        if (!partner[k]) {
            Segment out = segment(f, SegmentKind::FadeOut, rate, start, start + run_time);
            out.to.visible = false;
            push(f, std::move(out), a.mark);
            continue;
        }
        const std::size_t t = to[*partner[k]];
        arrives[*partner[k]] = true;
        const Object &from_leaf = scene_.objects[f], &to_leaf = scene_.objects[t];
        const bool counts = from_leaf.number && to_leaf.number;  // a value tweening into another
        Segment s = segment(f, counts ? SegmentKind::Count : SegmentKind::Morph, rate, start, start + run_time);
        s.to = current_[t];
        s.to.transform = s.from.transform;  // the morph path is absolute; keep widths steady
        s.to.visible = false;
        if (counts) {
            CountingNumber c{*from_leaf.number, *to_leaf.number};
            c.from.at = current_[f].transform.after(c.from.at);
            c.to.at = current_[t].transform.after(c.to.at);
            s.count = std::make_shared<CountingNumber>(std::move(c));
        } else {
            s.morph = std::make_shared<Morph>(Morph::between(placed_parts(f), placed_parts(t)));
        }
        push(f, std::move(s), a.mark);
        set_visible(t, true, start + run_time, a.mark);
    }
    for (std::size_t k = 0; k < to.size(); ++k) {
        if (arrives[k]) continue;
        Segment s = segment(to[k], SegmentKind::FadeIn, rate, start, start + run_time);
        s.to.visible = true;
        push(to[k], std::move(s), a.mark);
    }
}

std::vector<Path> TimelineCompiler::placed_parts(std::size_t leaf) const {
    std::vector<Path> out;
    for (const auto& part : scene_.objects[leaf].parts) out.push_back(part.transformed(current_[leaf].transform));
    return out;
}

}  // namespace attnreel
