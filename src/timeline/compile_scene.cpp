#include "timeline/compile_scene.hpp"

#include "core/limits.hpp"
#include "timeline/compile_objects.hpp"
#include "timeline/scene_sounds.hpp"
#include "timeline/timeline_compiler.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <optional>
#include <unordered_set>

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
    case AnimationKind::Focus: return "focus";
    case AnimationKind::Unfocus: return "unfocus";
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
    case AnimationKind::Set:
    case AnimationKind::Select:
    case AnimationKind::Focus:
    case AnimationKind::Unfocus: return SegmentKind::Set;
    case AnimationKind::Indicate: return SegmentKind::Indicate;
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

std::string format_seconds(double seconds) {
    std::string s = std::to_string(seconds);
    s.erase(s.find_last_not_of('0') + 1);
    if (!s.empty() && s.back() == '.') s.pop_back();
    return s;
}

}  // namespace

TimelineCompiler::TimelineCompiler(Scene& scene, const HeatmapScales& scales, SceneSounds& sounds)
    : scene_(scene), scales_(scales), sounds_(sounds) {
    const std::size_t n = scene.objects.size();
    scene.tracks.assign(n, Track{});
    current_.resize(n);
    for (std::size_t i = 0; i < n; ++i) {
        current_[i].style = scene.objects[i].style;
        scene.tracks[i].initial = current_[i];
    }
}

void TimelineCompiler::run(const std::vector<StepSpec>& steps, double narration_gain) {
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

// How long the step's voice lasts, for `wait: narration` and `run_time: narration`.
double TimelineCompiler::narration_seconds(const SourceMark& mark) const {
    if (!has_voice_)
        throw InputError(say_ ? say_->mark : mark,
                         "this step lasts as long as its speech, but the line has no voice: add "
                         "'narration: {voice: en}' to the scene for draft speech, or "
                         "'say: {text: ..., audio: file}' for a recording");
    return voice_seconds_;
}

std::string TimelineCompiler::apply(const WaitStep& w, const SourceMark& mark) {
    const double seconds = w.narration ? narration_seconds(mark) : w.seconds;
    now_ += seconds;
    if (!w.narration) return "wait " + format_seconds(seconds);
    char text[64];
    std::snprintf(text, sizeof text, "wait narration (%.2f s)", seconds);
    return text;
}

std::string TimelineCompiler::apply(const AddStep& a, const SourceMark&) {
    for (const auto& ref : a.targets)
        for (std::size_t leaf : leaves_of(ref)) set_visible(leaf, true, now_, ref.mark);
    return "add " + join_ids(a.targets);
}

std::string TimelineCompiler::apply(const RemoveStep& r, const SourceMark&) {
    for (const auto& ref : r.targets)
        for (std::size_t leaf : leaves_of(ref)) set_visible(leaf, false, now_, ref.mark);
    return "remove " + join_ids(r.targets);
}

std::string TimelineCompiler::apply(const SectionStep& s, const SourceMark&) {
    scene_.sections.push_back({s.name, now_, now_, s.mark});
    return "section " + s.name;
}

// A step-level lag_ratio over several animations staggers the animations themselves
// (Manim's LaggedStart); otherwise it is each animation's default. focus and unfocus are
// placed after the others of their step, so that they leave alone what those animate.
std::string TimelineCompiler::apply(const PlayStep& p, const SourceMark&) {
    double longest = 0;
    std::string description = "play";
    const bool staggered = p.lag_ratio && p.animations.size() > 1;
    // A run time of speech is at least a millisecond, as any run time.
    const double step_time =
        p.run_time_narration ? std::max(0.001, narration_seconds(p.animations[0].mark)) : p.run_time.value_or(1.0);
    const double n = static_cast<double>(p.animations.size());
    const double each = staggered ? step_time / (1 + (n - 1) * *p.lag_ratio) : 0;
    const auto dims = [](const AnimationSpec& a) {
        return a.kind == AnimationKind::Focus || a.kind == AnimationKind::Unfocus;
    };
    for (const bool dimming : {false, true})
        for (std::size_t k = 0; k < p.animations.size(); ++k) {
            const AnimationSpec& a = p.animations[k];
            if (dims(a) != dimming) continue;
            const double start = staggered ? now_ + k * *p.lag_ratio * each : now_;
            const double run_time = staggered              ? each
                                    : a.run_time_narration ? std::max(0.001, narration_seconds(a.mark))
                                                           : a.run_time.value_or(step_time);
            const std::optional<double> lag = staggered ? 0.0 : a.lag_ratio ? a.lag_ratio : p.lag_ratio;
            // indicate goes out and back; a step's rate function must not leave it swollen.
            const RateFunction rate = a.rate.value_or(a.kind == AnimationKind::Indicate
                                                          ? RateFunction::ThereAndBack
                                                          : p.rate.value_or(RateFunction::Smooth));
            longest = std::max(longest, start + run_time - now_);
            if (a.kind == AnimationKind::Transform) transform(a, rate, start, run_time);
            else if (a.kind == AnimationKind::Select && !a.select_what.empty())
                select_thumbnail(a, rate, start, run_time);
            else if (a.kind == AnimationKind::Select) select_source(a, rate, start, run_time);
            else if (a.kind == AnimationKind::Flow) flow(a, start, run_time);
            else if (a.kind == AnimationKind::MoveAlong) move_along(a, rate, start, run_time);
            else if (a.kind == AnimationKind::Focus) focus(a, rate, start, run_time);
            else if (a.kind == AnimationKind::Unfocus) unfocus(a, rate, start, run_time);
            else animate(a, rate, start, run_time, lag ? lag : default_stagger(a));
        }
    for (const AnimationSpec& a : p.animations)
        description += std::string(description == "play" ? " " : ", ") + animation_name(a.kind) + "(" +
                       join_ids(a.targets) + (a.transform_to ? " → " + a.transform_to->id : "") + ")";
    now_ += longest;
    return description;
}

std::vector<std::size_t> TimelineCompiler::leaves_of(const Ref& ref) const {
    return scene_.objects.leaves(resolve_reference(scene_.objects, ref));
}

// The units a lag_ratio staggers: a single group's children, or the listed targets. A leaf
// that several units share (groups may share members) belongs to the first of them only.
std::vector<std::vector<std::size_t>> TimelineCompiler::units_of(const std::vector<Ref>& targets) const {
    std::vector<std::vector<std::size_t>> units;
    const Object* group = nullptr;
    if (targets.size() == 1) {
        const Object& o = scene_.objects[resolve_reference(scene_.objects, targets[0])];
        if (o.is_group()) group = &o;
    }
    if (group)
        for (std::size_t child : group->children) units.push_back(scene_.objects.leaves(child));
    else
        for (const auto& ref : targets) units.push_back(leaves_of(ref));
    std::unordered_set<std::size_t> seen;
    for (auto& unit : units) std::erase_if(unit, [&](std::size_t leaf) { return !seen.insert(leaf).second; });
    std::erase_if(units, [](const std::vector<std::size_t>& unit) { return unit.empty(); });
    return units;
}

// Write of one group (a text with spans of colour, a formula, shapes), or create of one
// group of texts, with no lag asked for: one sequence of glyphs and parts across the
// leaves, by Manim's Write lag, as if they were one leaf. Empty when that does not apply.
std::vector<std::size_t> TimelineCompiler::write_sequence(const AnimationSpec& a, std::optional<double> lag) const {
    if ((a.kind != AnimationKind::Write && a.kind != AnimationKind::Create) || lag.value_or(0) != 0 ||
        a.targets.size() != 1)
        return {};
    const std::vector<std::size_t> leaves = leaves_of(a.targets[0]);
    // create draws other shapes along their outlines, not glyph by glyph.
    const auto is_text = [&](std::size_t i) { return scene_.objects[i].shape == ObjectShape::Text; };
    const bool writes = a.kind == AnimationKind::Write || std::all_of(leaves.begin(), leaves.end(), is_text);
    return leaves.size() > 1 && writes ? leaves : std::vector<std::size_t>{};
}

void TimelineCompiler::animate(const AnimationSpec& a, RateFunction rate, double step_start, double run_time,
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
    // set's own values per leaf (lists, fill_from), and the boxes this animation recolours.
    std::unordered_map<std::size_t, StyleSpec> own;
    if (a.kind == AnimationKind::Set) {
        own = member_styles(scene_.objects, a.targets, a.set, *scene_.model, scales_);
        if (a.set.fill_from) refuse_stale_numbers(a, own);
    }
    const std::unordered_map<std::size_t, Color> box_fills = new_box_fills(a, units, own);
    const Color indicate_color = a.color.value_or(*parse_color("yellow"));

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
            // A label on a box this animation recolours: it keeps readable on the new colour.
            const auto box = o.on_box ? box_fills.find(*o.on_box) : box_fills.end();
            const std::optional<Color> box_fill =
                box != box_fills.end() ? std::optional(box->second) : std::nullopt;
            Segment s = segment(leaf, segment_kind(a.kind), rate, start, start + each);
            s.shift = a.shift.value_or(Vec2(0, 0));
            s.indicate_color = box_fill ? readable_on(*box_fill) : indicate_color;
            s.indicate_scale = a.scale_factor.value_or(1.2);
            s.pivot = pivot;
            switch (a.kind) {
            case AnimationKind::FadeOut:
                if (!s.from.visible) continue;  // a hidden member of a group stays hidden
                s.to.visible = false;
                break;
            case AnimationKind::Indicate:
                if (!s.from.visible) throw InputError(a.mark, "cannot indicate '" + o.id + "': it is not on screen yet");
                break;
            case AnimationKind::Set:
                if (!s.from.visible)
                    throw InputError(a.mark, "cannot set '" + o.id + "': it is not on screen yet (add it first)");
                if (a.set.rotate) s.pivot = rotation_pivot(a.set, all);
                apply_set_to(s.to, leaf, a, all, own, box_fill);
                if (s.to == s.from) continue;  // untouched (a ~ in a list): free for other animations
                break;
            default: s.to.visible = true; break;
            }
            push(leaf, std::move(s), a.mark);
        }
    }
}

BBox TimelineCompiler::current_bounds(std::size_t leaf) const {
    const BBox b = leaf_bounds(scene_.objects[leaf]);
    if (b.empty()) return b;
    BBox out;  // all four corners: a turned box's corners are not its min and max
    const Similarity& t = current_[leaf].transform;
    for (const Vec2& corner : {b.min, b.max, Vec2(b.min.x(), b.max.y()), Vec2(b.max.x(), b.min.y())})
        out.add(t.apply(corner));
    return out;
}

void TimelineCompiler::set_visible(std::size_t leaf, bool visible, double at, const SourceMark& mark) {
    Segment s = segment(leaf, SegmentKind::Instant, RateFunction::Smooth, at, at);
    s.to.visible = visible;
    push(leaf, std::move(s), mark);
}

// A segment of `leaf` from its current state to the same state, to be changed by the caller.
Segment TimelineCompiler::segment(std::size_t leaf, SegmentKind kind, RateFunction rate, double start,
                                  double end) const {
    Segment s;
    s.start = start;
    s.end = end;
    s.kind = kind;
    s.rate = rate;
    s.from = current_[leaf];
    s.to = current_[leaf];
    return s;
}

bool TimelineCompiler::busy(std::size_t leaf, double at) const {
    const auto& segments = scene_.tracks[leaf].segments;
    return !segments.empty() && segments.back().end > at + 1e-12;
}

void TimelineCompiler::push(std::size_t leaf, Segment s, const SourceMark& mark) {
    if (busy(leaf, s.start))
        throw InputError(mark, "'" + scene_.objects[leaf].id +
                                   "' is already being animated at this time by another animation of this step");
    current_[leaf] = s.to;
    scene_.tracks[leaf].segments.push_back(std::move(s));
}

namespace {

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
    SceneFonts scene_fonts{&fonts, {}, 0};
    for (const auto& f : spec.settings.fonts) scene_fonts.extra.push_back(fonts.face(f.path, f.mark));
    scene.model = std::make_shared<const attention::SceneData>(attention::SceneData::build(spec.data));
    CompiledObjects compiled = compile_objects(spec, scene_fonts, *scene.model);
    scene.objects = std::move(compiled.table);
    SceneSounds sounds(spec.narration);
    TimelineCompiler(scene, compiled.heatmap_scales, sounds)
        .run(spec.timeline, spec.narration ? spec.narration->volume : 1.0);
    place_audio_tracks(spec, sounds, scene);
    for (std::size_t i = 0; i < scene.objects.size(); ++i)
        if (!scene.objects[i].is_group()) scene.draw_order.push_back(i);
    std::stable_sort(scene.draw_order.begin(), scene.draw_order.end(),
                     [&](std::size_t a, std::size_t b) { return scene.objects[a].z < scene.objects[b].z; });
    return scene;
}

}  // namespace attnreel
