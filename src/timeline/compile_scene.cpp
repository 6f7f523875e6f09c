#include "timeline/compile_scene.hpp"

#include "core/limits.hpp"
#include "timeline/compile_objects.hpp"
#include "timeline/match_pieces.hpp"
#include "timeline/scene_sounds.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
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
    TimelineCompiler(Scene& scene, SceneSounds& sounds) : scene_(scene), sounds_(sounds) {
        const std::size_t n = scene.objects.size();
        scene.tracks.assign(n, Track{});
        current_.resize(n);
        for (std::size_t i = 0; i < n; ++i) {
            current_[i].style = scene.objects[i].style;
            scene.tracks[i].initial = current_[i];
        }
    }

    void run(const std::vector<StepSpec>& steps, double narration_gain) {
        for (const auto& step : steps) {
            StepTiming timing;
            timing.start = now_;
            timing.mark = step.mark;
            Voice voice;
            if (step.say) voice = sounds_.voice(*step.say);
            say_ = step.say ? &*step.say : nullptr;
            voice_seconds_ = voice.sound ? voice.sound->seconds() : 0;
            has_voice_ = voice.sound != nullptr;
            std::visit([&](const auto& s) { timing.description = apply(s, step.mark); }, step.step);
            timing.end = now_;
            // Frame counts stay far inside an int, at any frame rate up to 240 fps.
            if (now_ > limits::scene_seconds)
                throw InputError(step.mark, "the timeline lasts " + number_text(now_) + " s by the end of this step; "
                                            "a scene may last at most " + number_text(limits::scene_seconds) +
                                            " s (4 hours)");
            if (step.say) {
                scene_.narration.push_back({step.say->text, step.say->mark, scene_.steps.size(), timing.start,
                                            timing.end, voice_seconds_, voice.words});
                if (voice.sound) scene_.sounds.push_back({voice.sound, timing.start, narration_gain});
            }
            scene_.steps.push_back(std::move(timing));
        }
        scene_.duration = now_;
        for (std::size_t k = 0; k < scene_.sections.size(); ++k)
            scene_.sections[k].end = k + 1 < scene_.sections.size() ? scene_.sections[k + 1].start : now_;
    }

private:
    // How long the step's voice lasts, for `wait: narration` and `run_time: narration`.
    double narration_seconds(const SourceMark& mark) const {
        if (!has_voice_)
            throw InputError(say_ ? say_->mark : mark,
                             "this step lasts as long as its speech, but the line has no voice: add "
                             "'narration: {voice: en}' to the scene for draft speech, or "
                             "'say: {text: ..., audio: file}' for a recording");
        return voice_seconds_;
    }

    std::string apply(const WaitStep& w, const SourceMark& mark) {
        const double seconds = w.narration ? narration_seconds(mark) : w.seconds;
        now_ += seconds;
        if (!w.narration) return "wait " + format(seconds);
        char text[64];
        std::snprintf(text, sizeof text, "wait narration (%.2f s)", seconds);
        return text;
    }

    std::string apply(const SectionStep& s, const SourceMark&) {
        scene_.sections.push_back({s.name, now_, now_, s.mark});
        return "section " + s.name;
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
        // A run time of speech is at least a millisecond, as any run time.
        const double step_time =
            p.run_time_narration ? std::max(0.001, narration_seconds(p.animations[0].mark)) : p.run_time.value_or(1.0);
        const double n = static_cast<double>(p.animations.size());
        const double each = staggered ? step_time / (1 + (n - 1) * *p.lag_ratio) : 0;
        for (std::size_t k = 0; k < p.animations.size(); ++k) {
            const AnimationSpec& a = p.animations[k];
            const double start = staggered ? now_ + k * *p.lag_ratio * each : now_;
            const double run_time = staggered            ? each
                                    : a.run_time_narration ? std::max(0.001, narration_seconds(a.mark))
                                                           : a.run_time.value_or(step_time);
            const std::optional<double> lag = staggered ? 0.0 : a.lag_ratio ? a.lag_ratio : p.lag_ratio;
            // indicate goes out and back; a step's rate function must not leave it swollen.
            const RateFunction rate = a.rate.value_or(a.kind == AnimationKind::Indicate
                                                          ? RateFunction::ThereAndBack
                                                          : p.rate.value_or(RateFunction::Smooth));
            longest = std::max(longest, start + run_time - now_);
            if (a.kind == AnimationKind::Transform) transform(a, rate, start, run_time);
            else animate(a, rate, start, run_time, lag);
            description += std::string(description == "play" ? " " : ", ") + animation_name(a.kind) + "(" +
                           join_ids(a.targets) + (a.transform_to ? " → " + a.transform_to->id : "") + ")";
        }
        now_ += longest;
        return description;
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
    SceneSounds& sounds_;
    std::vector<ObjectState> current_;
    double now_ = 0;
    const SaySpec* say_ = nullptr;  // the current step's say:, if any
    bool has_voice_ = false;        // whether it has a voice…
    double voice_seconds_ = 0;      // …and how long that lasts
};

// The audio: entries placed on the clock; the video grows to the end of any sound that
// asks it to (or of every sound, with the scene's extend_to_audio).
void place_audio_tracks(const SceneSpec& spec, SceneSounds& sounds, Scene& scene) {
    double end_of_sound = 0;
    for (const AudioTrackSpec& track : spec.audio) {
        double start = track.at;
        if (track.step) {
            if (static_cast<std::size_t>(*track.step) >= scene.steps.size())
                throw InputError(track.step_mark, "there is no step " + std::to_string(*track.step) +
                                                      ": the timeline's steps are numbered 0 to " +
                                                      std::to_string(static_cast<int>(scene.steps.size()) - 1));
            start = scene.steps[static_cast<std::size_t>(*track.step)].start;
        }
        const auto sound = sounds.file(track.file, track.mark);
        scene.sounds.push_back({sound, start, track.volume, track.fade_in, track.fade_out, track.file});
        if (track.extend_to_audio) end_of_sound = std::max(end_of_sound, start + sound->seconds());
    }
    if (spec.settings.extend_to_audio)
        for (const audio::Placement& p : scene.sounds)
            end_of_sound = std::max(end_of_sound, p.start + p.sound->seconds());
    if (end_of_sound > limits::scene_seconds)
        throw InputError(spec.audio.empty() ? SourceMark{spec.file} : spec.audio.front().mark,
                         "extend_to_audio would make the scene last " + number_text(end_of_sound) +
                             " s; a scene may last at most " + number_text(limits::scene_seconds) + " s (4 hours)");
    scene.duration = std::max(scene.duration, end_of_sound);
}

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
    SceneSounds sounds(spec.narration);
    TimelineCompiler(scene, sounds).run(spec.timeline, spec.narration ? spec.narration->volume : 1.0);
    place_audio_tracks(spec, sounds, scene);
    for (std::size_t i = 0; i < scene.objects.size(); ++i)
        if (!scene.objects[i].is_group()) scene.draw_order.push_back(i);
    std::stable_sort(scene.draw_order.begin(), scene.draw_order.end(),
                     [&](std::size_t a, std::size_t b) { return scene.objects[a].z < scene.objects[b].z; });
    return scene;
}

}  // namespace attnreel
