#pragma once
// Walks a scene's timeline once and turns every step into per-object segments (see
// track.hpp). Internal to compile_scene; its methods live in three files, one idea each:
//   compile_scene.cpp   steps, timing, lags, and the animations that reveal or move
//   set_step.cpp        set (per-member values, turns) and focus/unfocus
//   transform_step.cpp  transform: morphs of shapes, groups, formulas and heatmaps
//   select_step.cpp     select: a head grid's or layer stack's ring and view
//   connection_steps.cpp  select of a graph's token, flow and move_along
#include "timeline/member_styles.hpp"
#include "timeline/scene_sounds.hpp"
#include "timeline/scene.hpp"

#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

namespace attnreel {

class TimelineCompiler {
public:
    TimelineCompiler(Scene& scene, const HeatmapScales& scales, SceneSounds& sounds);
    // `narration_gain`: the volume of the narration's voice.
    void run(const std::vector<StepSpec>& steps, double narration_gain);

private:
    // How long the current step's voice lasts, for `wait: narration` and `run_time: narration`.
    double narration_seconds(const SourceMark& mark) const;
    std::string apply(const WaitStep& w, const SourceMark&);
    std::string apply(const AddStep& a, const SourceMark&);
    std::string apply(const RemoveStep& r, const SourceMark&);
    std::string apply(const SectionStep& s, const SourceMark&);
    std::string apply(const PlayStep& p, const SourceMark&);

    std::vector<std::size_t> leaves_of(const Ref& ref) const;
    std::vector<std::vector<std::size_t>> units_of(const std::vector<Ref>& targets) const;
    std::vector<std::size_t> write_sequence(const AnimationSpec& a, std::optional<double> lag) const;
    void animate(const AnimationSpec& a, RateFunction rate, double step_start, double run_time,
                 std::optional<double> lag_ratio);

    // set_step.cpp
    // The fill each box of `units` takes from this animation (set's colours, indicate's
    // blend), so that labels printed on those boxes stay readable.
    std::unordered_map<std::size_t, Color> new_box_fills(const AnimationSpec& a,
                                                         const std::vector<std::vector<std::size_t>>& units,
                                                         const std::unordered_map<std::size_t, StyleSpec>& own) const;
    // Where `leaf` ends up after `set` (its own values `own`, its box's new fill `box_fill`).
    void apply_set_to(ObjectState& st, std::size_t leaf, const AnimationSpec& a, const BBox& pivot_box,
                      const std::unordered_map<std::size_t, StyleSpec>& own,
                      const std::optional<Color>& box_fill) const;
    void apply_set(ObjectState& st, const SetSpec& set, const BBox& pivot_box) const;
    Vec2 rotation_pivot(const SetSpec& set, const BBox& pivot_box) const;
    void refuse_stale_numbers(const AnimationSpec& a, const std::unordered_map<std::size_t, StyleSpec>& own) const;
    void focus(const AnimationSpec& a, RateFunction rate, double start, double run_time);
    void unfocus(const AnimationSpec& a, RateFunction rate, double start, double run_time);

    // transform_step.cpp
    void transform(const AnimationSpec& a, RateFunction rate, double start, double run_time);
    void transform_matching(const AnimationSpec& a, const std::vector<std::size_t>& from,
                            const std::vector<std::size_t>& to, RateFunction rate, double start, double run_time);
    void morph_leaves(const AnimationSpec& a, const std::vector<std::size_t>& from,
                      const std::vector<std::size_t>& to, RateFunction rate, double start, double run_time);
    std::vector<Path> placed_parts(std::size_t leaf) const;

    // select_step.cpp
    void select_thumbnail(const AnimationSpec& a, RateFunction rate, double start, double run_time);

    // connection_steps.cpp
    // A widget's own stagger (a graph's lines one source at a time) for animations that
    // bring a single group on or off screen, when the step asks for none.
    std::optional<double> default_stagger(const AnimationSpec& a) const;
    // The connections (leaves with a Link) under `ref` that are on screen now.
    std::vector<std::size_t> links_on_screen(const Ref& ref, const SourceMark& mark) const;
    void select_source(const AnimationSpec& a, RateFunction rate, double start, double run_time);
    void flow(const AnimationSpec& a, double start, double run_time);
    void move_along(const AnimationSpec& a, RateFunction rate, double start, double run_time);

    BBox current_bounds(std::size_t leaf) const;
    void set_visible(std::size_t leaf, bool visible, double at, const SourceMark& mark);
    Segment segment(std::size_t leaf, SegmentKind kind, RateFunction rate, double start, double end) const;
    void push(std::size_t leaf, Segment s, const SourceMark& mark);
    // Whether `leaf` is being animated at `at` by an animation already placed in this step.
    bool busy(std::size_t leaf, double at) const;

    Scene& scene_;
    const HeatmapScales& scales_;
    SceneSounds& sounds_;
    std::vector<ObjectState> current_;
    std::unordered_map<std::size_t, double> focus_dimmed_;  // a leaf focus dimmed → its opacity before
    double now_ = 0;
    const SaySpec* say_ = nullptr;  // the current step's say:, if any
    bool has_voice_ = false;        // whether it has a voice…
    double voice_seconds_ = 0;      // …and how long that lasts
};

}  // namespace attnreel
