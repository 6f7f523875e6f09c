#include "timeline/compile_scene.hpp"

#include "attention/random.hpp"
#include "core/limits.hpp"
#include "timeline/compile_objects.hpp"
#include "timeline/match_pieces.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <optional>

namespace attnreel {

namespace {

const char* animation_name(AnimationKind k) {
    switch (k) {
    case AnimationKind::Create: return "create";
    case AnimationKind::Write: return "write";
    case AnimationKind::FadeIn: return "fade_in";
    case AnimationKind::FadeOut: return "fade_out";
    case AnimationKind::GrowArrow: return "grow_arrow";
    case AnimationKind::GrowFromCenter: return "grow_from_center";
    case AnimationKind::Transform: return "transform";
    case AnimationKind::Set: return "set";
    case AnimationKind::Indicate: return "indicate";
    case AnimationKind::Select: return "select";
    case AnimationKind::Flow: return "flow";
    case AnimationKind::MoveAlong: return "move_along";
    }
    return "?";
}

SegmentKind segment_kind(AnimationKind k) {
    switch (k) {
    case AnimationKind::Create: return SegmentKind::Create;
    case AnimationKind::Write: return SegmentKind::Write;
    case AnimationKind::FadeIn: return SegmentKind::FadeIn;
    case AnimationKind::FadeOut: return SegmentKind::FadeOut;
    case AnimationKind::GrowArrow: return SegmentKind::GrowArrow;
    case AnimationKind::GrowFromCenter: return SegmentKind::GrowFromCenter;
    case AnimationKind::Transform: return SegmentKind::Morph;
    case AnimationKind::Set: return SegmentKind::Set;
    case AnimationKind::Indicate: return SegmentKind::Indicate;
    case AnimationKind::Select: return SegmentKind::Set;
    case AnimationKind::Flow: return SegmentKind::Flow;
    case AnimationKind::MoveAlong: return SegmentKind::MoveAlong;
    }
    return SegmentKind::Instant;
}

std::string join_ids(const std::vector<Ref>& refs) {
    std::string s;
    for (const auto& r : refs) s += (s.empty() ? "" : ", ") + r.id;
    return s;
}

class TimelineCompiler {
public:
    explicit TimelineCompiler(Scene& scene) : scene_(scene) {
        const std::size_t n = scene.objects.size();
        scene.tracks.assign(n, Track{});
        current_.resize(n);
        for (std::size_t i = 0; i < n; ++i) {
            current_[i].style = scene.objects[i].style;
            scene.tracks[i].initial = current_[i];
        }
    }

    void run(const std::vector<StepSpec>& steps) {
        for (const auto& step : steps) {
            StepTiming timing;
            timing.start = now_;
            timing.mark = step.mark;
            std::visit([&](const auto& s) { timing.description = apply(s, step.mark); }, step.step);
            timing.end = now_;
            // Frame counts stay far inside an int, at any frame rate up to 240 fps.
            if (now_ > limits::scene_seconds)
                throw InputError(step.mark, "the timeline lasts " + number_text(now_) + " s by the end of this step; "
                                            "a scene may last at most " + number_text(limits::scene_seconds) +
                                            " s (4 hours)");
            scene_.steps.push_back(std::move(timing));
        }
        scene_.duration = now_;
    }

private:
    std::string apply(const WaitStep& w, const SourceMark&) {
        now_ += w.seconds;
        return "wait " + format(w.seconds);
    }

    std::string apply(const AddStep& a, const SourceMark&) {
        for (const auto& ref : a.targets)
            for (std::size_t leaf : leaves_of(ref)) set_visible(leaf, true, now_, ref.mark);
        return "add " + join_ids(a.targets);
    }

    std::string apply(const RemoveStep& r, const SourceMark&) {
        for (const auto& ref : r.targets)
            for (std::size_t leaf : leaves_of(ref)) set_visible(leaf, false, now_, ref.mark);
        return "remove " + join_ids(r.targets);
    }

    // A step-level lag_ratio over several animations staggers the animations themselves
    // (Manim's LaggedStart); otherwise it is each animation's default.
    std::string apply(const PlayStep& p, const SourceMark&) {
        double longest = 0;
        std::string description = "play";
        const bool staggered = p.lag_ratio && p.animations.size() > 1;
        const double step_time = p.run_time.value_or(1.0);
        const double n = static_cast<double>(p.animations.size());
        const double each = staggered ? step_time / (1 + (n - 1) * *p.lag_ratio) : 0;
        for (std::size_t k = 0; k < p.animations.size(); ++k) {
            const AnimationSpec& a = p.animations[k];
            const double start = staggered ? now_ + k * *p.lag_ratio * each : now_;
            const double run_time = staggered ? each : a.run_time.value_or(step_time);
            const std::optional<double> lag = staggered ? 0.0 : a.lag_ratio ? a.lag_ratio : p.lag_ratio;
            // indicate goes out and back; a step's rate function must not leave it swollen.
            const RateFunction rate = a.rate.value_or(a.kind == AnimationKind::Indicate
                                                          ? RateFunction::ThereAndBack
                                                          : p.rate.value_or(RateFunction::Smooth));
            longest = std::max(longest, start + run_time - now_);
            if (a.kind == AnimationKind::Transform) transform(a, rate, start, run_time);
            else if (a.kind == AnimationKind::Select) select(a, rate, start, run_time);
            else if (a.kind == AnimationKind::Flow) flow(a, start, run_time);
            else if (a.kind == AnimationKind::MoveAlong) move_along(a, rate, start, run_time);
            else animate(a, rate, start, run_time, lag ? lag : default_stagger(a));
            description += std::string(description == "play" ? " " : ", ") + animation_name(a.kind) + "(" +
                           join_ids(a.targets) + (a.transform_to ? " → " + a.transform_to->id : "") + ")";
        }
        now_ += longest;
        return description;
    }

    // A widget's own stagger (a graph's lines one source at a time) for animations that
    // bring a single group on or off screen, when the step asks for none.
    std::optional<double> default_stagger(const AnimationSpec& a) const {
        static const AnimationKind appearing[] = {AnimationKind::Create, AnimationKind::Write, AnimationKind::FadeIn,
                                                  AnimationKind::FadeOut, AnimationKind::GrowArrow,
                                                  AnimationKind::GrowFromCenter};
        const bool appears = std::find(std::begin(appearing), std::end(appearing), a.kind) != std::end(appearing);
        if (a.targets.size() != 1 || !appears) return std::nullopt;
        const Object& o = scene_.objects[resolve_reference(scene_.objects, a.targets[0])];
        return o.stagger > 0 ? std::optional<double>(o.stagger) : std::nullopt;
    }

    // The connections (leaves with a Link) under `ref` that are on screen now.
    std::vector<std::size_t> links_on_screen(const Ref& ref, const SourceMark& mark) const {
        std::vector<std::size_t> links;
        for (std::size_t leaf : leaves_of(ref))
            if (scene_.objects[leaf].link && current_[leaf].visible) links.push_back(leaf);
        if (links.empty())
            throw InputError(mark, "'" + ref.id + "' shows no connections on screen at this time (create it first)");
        return links;
    }

    // select: the connections of one token stay lit, every other one dims; without a
    // source, every connection is lit again.
    void select(const AnimationSpec& a, RateFunction rate, double start, double run_time) {
        for (const Ref& ref : a.targets) {
            std::optional<int> token;
            if (a.select.source) {
                const Object& widget = scene_.objects[resolve_reference(scene_.objects, ref)];
                const std::string& name = *a.select.source;
                for (std::size_t i = 0; i < widget.tokens.size() && !token; ++i)
                    if (widget.tokens[i] == name) token = int(i);
                if (!token && !name.empty() && std::all_of(name.begin(), name.end(), ::isdigit) && name.size() < 6)
                    token = std::stoi(name);
                if (!token || (!widget.tokens.empty() && *token >= int(widget.tokens.size()))) {
                    const std::string expected =
                        widget.tokens.empty() ? std::string(" (give its index)")
                                              : did_you_mean(name, widget.tokens) +
                                                    " (expected a token's text, its index from 0 to " +
                                                    std::to_string(widget.tokens.size() - 1) + ", or all)";
                    throw InputError(a.select.source_mark,
                                     "'" + name + "' is not a token of '" + ref.id + "'" + expected);
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
    void flow(const AnimationSpec& a, double start, double run_time) {
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
                s.flow = std::make_shared<FlowParticles>(
                    FlowParticles::make(o.parts[0].transformed(current_[leaf].transform), weight, a.flow, color,
                                        run_time, seed));
                push(leaf, std::move(s), a.mark);
            }
        }
    }

    // move_along: the target's centre travels the path from its start to its end.
    void move_along(const AnimationSpec& a, RateFunction rate, double start, double run_time) {
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

    std::vector<std::size_t> leaves_of(const Ref& ref) const {
        return scene_.objects.leaves(resolve_reference(scene_.objects, ref));
    }

    // The units a lag_ratio staggers: a single group's children, or the listed targets.
    std::vector<std::vector<std::size_t>> units_of(const std::vector<Ref>& targets) const {
        std::vector<std::vector<std::size_t>> units;
        if (targets.size() == 1) {
            const std::size_t i = resolve_reference(scene_.objects, targets[0]);
            if (scene_.objects[i].is_group()) {
                for (std::size_t child : scene_.objects[i].children) units.push_back(scene_.objects.leaves(child));
                return units;
            }
        }
        for (const auto& ref : targets) units.push_back(leaves_of(ref));
        return units;
    }

    // Write of one group (a text with spans of colour, a formula, shapes), or create of one
    // group of texts, with no lag asked for: one sequence of glyphs and parts across the
    // leaves, by Manim's Write lag, as if they were one leaf. Empty when that does not apply.
    std::vector<std::size_t> write_sequence(const AnimationSpec& a, std::optional<double> lag) const {
        if ((a.kind != AnimationKind::Write && a.kind != AnimationKind::Create) || lag.value_or(0) != 0 ||
            a.targets.size() != 1)
            return {};
        const std::vector<std::size_t> leaves = leaves_of(a.targets[0]);
        // create draws other shapes along their outlines, not glyph by glyph.
        const auto is_text = [&](std::size_t i) { return scene_.objects[i].shape == ObjectShape::Text; };
        const bool writes = a.kind == AnimationKind::Write || std::all_of(leaves.begin(), leaves.end(), is_text);
        return leaves.size() > 1 && writes ? leaves : std::vector<std::size_t>{};
    }

    void animate(const AnimationSpec& a, RateFunction rate, double step_start, double run_time,
                 std::optional<double> lag_ratio) {
        if (const auto sequence = write_sequence(a, lag_ratio); !sequence.empty()) {
            std::size_t total = 0;
            for (std::size_t leaf : sequence) total += scene_.objects[leaf].parts.size();
            std::size_t before = 0;
            for (std::size_t leaf : sequence) {
                Segment s = segment(leaf, segment_kind(a.kind), rate, step_start, step_start + run_time);
                s.to.visible = true;
                s.glyphs_before = before;
                s.glyphs_total = total;
                before += scene_.objects[leaf].parts.size();
                push(leaf, std::move(s), a.mark);
            }
            return;
        }
        const auto units = units_of(a.targets);
        const double n = static_cast<double>(units.size());
        const double lag = lag_ratio.value_or(0.0);
        const double each = run_time / (1 + (n - 1) * lag);
        // Pivot for `set: {scale}` on several objects: the centre of all of them.
        BBox all;
        for (const auto& unit : units)
            for (std::size_t leaf : unit) all.add(current_bounds(leaf));

        for (std::size_t u = 0; u < units.size(); ++u) {
            const double start = step_start + u * lag * each;
            // grow_from_center and indicate scale a target as a whole (a formula's part, a
            // token), or each unit about its own centre when the units take turns.
            BBox unit_box;
            for (std::size_t leaf : units[u]) unit_box.add(current_bounds(leaf));
            const Vec2 pivot = (lag > 0 || a.targets.size() > 1 ? unit_box : all).center();
            for (std::size_t leaf : units[u]) {
                const Object& o = scene_.objects[leaf];
                if (a.kind == AnimationKind::GrowArrow && o.shape != ObjectShape::Arrow)
                    throw InputError(a.mark, "grow_arrow needs arrows, and '" + o.id +
                                                 "' is not one; did you mean 'grow_from_center'?");
                Segment s = segment(leaf, segment_kind(a.kind), rate, start, start + each);
                s.shift = a.shift.value_or(Vec2(0, 0));
                s.indicate_color = a.color.value_or(*parse_color("yellow"));
                s.indicate_scale = a.scale_factor.value_or(1.2);
                s.pivot = pivot;
                switch (a.kind) {
                case AnimationKind::FadeOut: s.to.visible = false; break;
                case AnimationKind::Indicate:
                    if (!s.from.visible)
                        throw InputError(a.mark, "cannot indicate '" + o.id + "': it is not on screen yet");
                    break;
                case AnimationKind::Set:
                    if (!s.from.visible)
                        throw InputError(a.mark, "cannot set '" + o.id + "': it is not on screen yet (add it first)");
                    apply_set(s.to, a.set, all);
                    break;
                default: s.to.visible = true; break;
                }
                push(leaf, std::move(s), a.mark);
            }
        }
    }

    // Leaves of A morph into B: one segment on A's first leaf draws the whole morph, the
    // rest of A hides at the start, and B appears at the end. Formulas morph piece by piece.
    void transform(const AnimationSpec& a, RateFunction rate, double start, double run_time) {
        std::vector<std::size_t> from;
        for (const auto& ref : a.targets) {
            const auto l = leaves_of(ref);
            from.insert(from.end(), l.begin(), l.end());
        }
        const auto to = leaves_of(*a.transform_to);
        if (from.empty() || to.empty()) throw InputError(a.mark, "transform needs objects with a shape");
        // Pieces with keys (formulas, heatmaps) morph pair by pair.
        const auto keyed = [&](std::size_t i) { return !scene_.objects[i].match_key.empty(); };
        if (std::all_of(from.begin(), from.end(), keyed) && std::all_of(to.begin(), to.end(), keyed))
            return transform_matching(a, from, to, rate, start, run_time);
        std::vector<Path> from_paths, to_paths;
        for (std::size_t i : from) {
            if (!current_[i].visible)
                throw InputError(a.mark, "cannot transform '" + scene_.objects[i].id + "': it is not on screen yet");
            const std::vector<Path> placed = placed_parts(i);
            from_paths.insert(from_paths.end(), placed.begin(), placed.end());
        }
        for (std::size_t i : to) {
            const std::vector<Path> placed = placed_parts(i);
            to_paths.insert(to_paths.end(), placed.begin(), placed.end());
        }

        Segment s = segment(from[0], SegmentKind::Morph, rate, start, start + run_time);
        s.to = current_[to[0]];
        s.to.transform = s.from.transform;  // the morph path is absolute; keep widths steady
        s.to.visible = false;
        s.morph = std::make_shared<Morph>(Morph::between(from_paths, to_paths));
        push(from[0], std::move(s), a.mark);
        for (std::size_t k = 1; k < from.size(); ++k) set_visible(from[k], false, start, a.mark);
        for (std::size_t i : to) set_visible(i, true, start + run_time, a.mark);
    }

    // Manim's TransformMatchingTex: pieces with the same key pair up (match_pieces) and
    // morph one into the other (moving, resizing, recolouring); the pieces left over fade
    // out, and the new ones fade in, over the same time.
    void transform_matching(const AnimationSpec& a, const std::vector<std::size_t>& from,
                            const std::vector<std::size_t>& to, RateFunction rate, double start, double run_time) {
        const auto keys = [&](const std::vector<std::size_t>& leaves) {
            std::vector<std::string> out;
            for (std::size_t i : leaves) out.push_back(scene_.objects[i].match_key);
            return out;
        };
        const std::vector<std::optional<std::size_t>> partner = match_pieces(keys(from), keys(to));
        std::vector<bool> arrives(to.size(), false);
        for (std::size_t k = 0; k < from.size(); ++k) {
            const std::size_t f = from[k];
            if (!current_[f].visible)
                throw InputError(a.mark, "cannot transform '" + scene_.objects[f].id + "': it is not on screen yet");
            if (!partner[k]) {
                Segment out = segment(f, SegmentKind::FadeOut, rate, start, start + run_time);
                out.to.visible = false;
                push(f, std::move(out), a.mark);
                continue;
            }
            const std::size_t t = to[*partner[k]];
            arrives[*partner[k]] = true;
            Segment s = segment(f, SegmentKind::Morph, rate, start, start + run_time);
            s.to = current_[t];
            s.to.transform = s.from.transform;  // the morph path is absolute
            s.to.visible = false;
            s.morph = std::make_shared<Morph>(Morph::between(placed_parts(f), placed_parts(t)));
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

    std::vector<Path> placed_parts(std::size_t leaf) const {
        std::vector<Path> out;
        for (const auto& part : scene_.objects[leaf].parts) out.push_back(part.transformed(current_[leaf].transform));
        return out;
    }

    void apply_set(ObjectState& st, const SetSpec& set, const BBox& pivot_box) const {
        const StyleSpec& s = set.style;
        if (s.color) {
            st.style.fill = *s.color;
            st.style.stroke = *s.color;
        }
        if (s.fill) {
            st.style.fill = *s.fill;
            // As in an object entry: giving a fill colour shows the fill.
            if (!s.fill_opacity && st.style.fill_opacity == 0) st.style.fill_opacity = 1;
        }
        if (s.stroke) st.style.stroke = *s.stroke;
        if (s.fill_opacity) st.style.fill_opacity = *s.fill_opacity;
        if (s.stroke_width) st.style.stroke_width = *s.stroke_width;
        if (s.stroke_opacity) st.style.stroke_opacity = *s.stroke_opacity;
        if (s.opacity) st.opacity = *s.opacity;
        if (set.scale) st.transform = Similarity::scaling_about(pivot_box.center(), *set.scale).after(st.transform);
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

    BBox current_bounds(std::size_t leaf) const {
        const BBox b = leaf_bounds(scene_.objects[leaf]);
        if (b.empty()) return b;
        BBox out;
        out.add(current_[leaf].transform.apply(b.min));
        out.add(current_[leaf].transform.apply(b.max));
        return out;
    }

    void set_visible(std::size_t leaf, bool visible, double at, const SourceMark& mark) {
        Segment s = segment(leaf, SegmentKind::Instant, RateFunction::Smooth, at, at);
        s.to.visible = visible;
        push(leaf, std::move(s), mark);
    }

    // A segment of `leaf` from its current state to the same state, to be changed by the caller.
    Segment segment(std::size_t leaf, SegmentKind kind, RateFunction rate, double start, double end) const {
        Segment s;
        s.start = start;
        s.end = end;
        s.kind = kind;
        s.rate = rate;
        s.from = current_[leaf];
        s.to = current_[leaf];
        return s;
    }

    void push(std::size_t leaf, Segment s, const SourceMark& mark) {
        auto& segments = scene_.tracks[leaf].segments;
        if (!segments.empty() && segments.back().end > s.start + 1e-12)
            throw InputError(mark, "'" + scene_.objects[leaf].id +
                                       "' is already being animated at this time by another animation of this step");
        current_[leaf] = s.to;
        segments.push_back(std::move(s));
    }

    static std::string format(double seconds) {
        std::string s = std::to_string(seconds);
        s.erase(s.find_last_not_of('0') + 1);
        if (!s.empty() && s.back() == '.') s.pop_back();
        return s;
    }

    Scene& scene_;
    std::vector<ObjectState> current_;
    double now_ = 0;
};

}  // namespace

Scene compile_scene(const SceneSpec& spec, text::FontLibrary& fonts) {
    Scene scene;
    scene.file = spec.file;
    scene.name = spec.name;
    scene.settings = spec.settings;
    SceneFonts scene_fonts{&fonts, {}};
    for (const auto& f : spec.settings.fonts) scene_fonts.extra.push_back(fonts.face(f.path, f.mark));
    scene.model = std::make_shared<const attention::SceneData>(attention::SceneData::build(spec.data));
    scene.objects = compile_objects(spec, scene_fonts, *scene.model);
    TimelineCompiler(scene).run(spec.timeline);
    for (std::size_t i = 0; i < scene.objects.size(); ++i)
        if (!scene.objects[i].is_group()) scene.draw_order.push_back(i);
    std::stable_sort(scene.draw_order.begin(), scene.draw_order.end(),
                     [&](std::size_t a, std::size_t b) { return scene.objects[a].z < scene.objects[b].z; });
    return scene;
}

}  // namespace attnreel
