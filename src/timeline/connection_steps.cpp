// The animations of connections between tokens (a graph's lines, a network's edges, any
// path): select of a token, flow of particles, and move_along.
#include "timeline/timeline_compiler.hpp"

#include "attention/random.hpp"
#include "timeline/compile_objects.hpp"
#include "timeline/flow.hpp"

#include <algorithm>
#include <cctype>

namespace attnreel {

std::optional<double> TimelineCompiler::default_stagger(const AnimationSpec& a) const {
    static const AnimationKind appearing[] = {AnimationKind::Create, AnimationKind::Write, AnimationKind::FadeIn,
                                              AnimationKind::FadeOut, AnimationKind::GrowArrow,
                                              AnimationKind::GrowFromCenter};
    const bool appears = std::find(std::begin(appearing), std::end(appearing), a.kind) != std::end(appearing);
    if (a.targets.size() != 1 || !appears) return std::nullopt;
    const Object& o = scene_.objects[resolve_reference(scene_.objects, a.targets[0])];
    return o.stagger > 0 ? std::optional<double>(o.stagger) : std::nullopt;
}

std::vector<std::size_t> TimelineCompiler::links_on_screen(const Ref& ref, const SourceMark& mark) const {
    std::vector<std::size_t> links;
    for (std::size_t leaf : leaves_of(ref))
        if (scene_.objects[leaf].link && current_[leaf].visible) links.push_back(leaf);
    if (links.empty())
        throw InputError(mark, "'" + ref.id + "' shows no connections on screen at this time (create it first)");
    return links;
}

// select: the connections of one token stay lit, every other one dims; without a source,
// every connection is lit again.
void TimelineCompiler::select_source(const AnimationSpec& a, RateFunction rate, double start, double run_time) {
    for (const Ref& ref : a.targets) {
        std::optional<int> token;
        if (a.select.source) {
            const Object& widget = scene_.objects[resolve_reference(scene_.objects, ref)];
            const std::string& name = *a.select.source;
            for (std::size_t i = 0; i < widget.tokens.size() && !token; ++i)
                if (widget.tokens[i] == name) token = int(i);
            const auto digit = [](unsigned char c) { return std::isdigit(c) != 0; };  // bytes of UTF-8 are not digits
            if (!token && !name.empty() && name.size() < 6 && std::all_of(name.begin(), name.end(), digit))
                token = std::stoi(name);
            if (!token || (!widget.tokens.empty() && *token >= int(widget.tokens.size()))) {
                const std::string expected =
                    widget.tokens.empty() ? std::string(" (give its index)")
                                          : did_you_mean(name, widget.tokens) +
                                                " (expected a token's text, its index from 0 to " +
                                                std::to_string(widget.tokens.size() - 1) + ", or all)";
                throw InputError(a.select.source_mark, "'" + name + "' is not a token of '" + ref.id + "'" + expected);
            }
        }
        for (std::size_t leaf : links_on_screen(ref, a.mark)) {
            const Link& link = *scene_.objects[leaf].link;
            const bool lit = !token || link.from == *token || (!link.directed && link.to == *token);
            Segment s = segment(leaf, SegmentKind::Set, rate, start, start + run_time);
            s.to.opacity = lit ? 1.0 : a.select.dim;
            push(leaf, std::move(s), a.mark);
        }
    }
}

// flow: particles along every connection (or path) of the targets, for the step's time.
void TimelineCompiler::flow(const AnimationSpec& a, double start, double run_time) {
    for (const Ref& ref : a.targets) {
        std::vector<std::size_t> leaves = leaves_of(ref);
        // A widget's connections, when it has any; else every path (an arrow, a line).
        const auto linked = [&](std::size_t i) { return scene_.objects[i].link.has_value(); };
        if (std::any_of(leaves.begin(), leaves.end(), linked))
            leaves.erase(std::remove_if(leaves.begin(), leaves.end(), [&](std::size_t i) { return !linked(i); }),
                         leaves.end());
        for (std::size_t leaf : leaves) {
            const Object& o = scene_.objects[leaf];
            if (o.parts.empty() || o.shape == ObjectShape::Text) continue;
            if (!current_[leaf].visible)
                throw InputError(a.mark, "cannot flow along '" + o.id + "': it is not on screen yet");
            const double weight = a.flow.weight ? *a.flow.weight : o.link ? o.link->weight : 1.0;
            const Style& st = current_[leaf].style;
            const Color color = st.has_stroke() ? st.stroke : st.fill;
            const std::uint64_t seed = attention::splitmix64(scene_.settings.seed ^ attention::fnv1a(o.id));
            Segment s = segment(leaf, SegmentKind::Flow, RateFunction::Linear, start, start + run_time);
            s.flow = std::make_shared<FlowParticles>(FlowParticles::make(
                o.parts[0].transformed(current_[leaf].transform), weight, a.flow, color, seed));
            push(leaf, std::move(s), a.mark);
        }
    }
}

// move_along: the target's centre travels the path from its start to its end.
void TimelineCompiler::move_along(const AnimationSpec& a, RateFunction rate, double start, double run_time) {
    std::optional<std::size_t> carrier;
    for (std::size_t leaf : leaves_of(*a.along))
        if (!scene_.objects[leaf].parts.empty() && scene_.objects[leaf].shape != ObjectShape::Text) {
            carrier = leaf;
            break;
        }
    if (!carrier) throw InputError(a.along->mark, "'" + a.along->id + "' has no path to move along");
    const Path& carried = scene_.objects[*carrier].parts[0];
    auto path = std::make_shared<const Path>(carried.transformed(current_[*carrier].transform));
    BBox box;
    const std::vector<std::size_t> leaves = leaves_of(a.targets[0]);
    for (std::size_t leaf : leaves) box.add(current_bounds(leaf));
    const Vec2 anchor = box.center(), end = path->point_at(1);
    for (std::size_t leaf : leaves) {
        Segment s = segment(leaf, SegmentKind::MoveAlong, rate, start, start + run_time);
        s.along = path;
        s.anchor = anchor;
        s.to.visible = true;
        s.to.transform = Similarity::translation(end - anchor).after(s.from.transform);
        push(leaf, std::move(s), a.mark);
    }
}

}  // namespace attnreel
