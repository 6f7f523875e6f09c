#pragma once
// The lint's checks, one per file, and what they share. Each appends its warnings.
#include "lint/lint.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace attnreel::lint {

// What is on screen once a timeline step has settled: each leaf drawn and its ink box.
struct ScreenLeaf {
    std::size_t object = 0;
    BBox box;
};
struct SettledFrame {
    double time = 0;
    std::size_t step = 0;  // the last step of scene.steps that ends at `time`
    std::vector<ScreenLeaf> leaves;
};
// One frame after each step that ends later than the one before (a step ending with
// another adds nothing new to look at).
std::vector<SettledFrame> settled_frames(const Scene& scene);
// "after the step at line 30 (t = 1.20 s)"
std::string when(const Scene& scene, const SettledFrame& frame);

// The id of the entry a generated id belongs to: "hm" for "hm[1][2].box", "note" for
// "note.span[0]".
std::string_view entry_of(std::string_view id);
// "'hm'", or "'hm' (its part 'hm[1][2].label')" for a generated object.
std::string name_of(const std::string& id);

void check_outside_frame(const Scene& scene, const std::vector<SettledFrame>& frames, std::vector<Warning>& out);
void check_text_overlap(const Scene& scene, const std::vector<SettledFrame>& frames, std::vector<Warning>& out);
void check_never_shown(const SceneSpec& spec, const Scene& scene, std::vector<Warning>& out);
void check_weight_rows(const SceneSpec& spec, std::vector<Warning>& out);
void check_text_content(const SceneSpec& spec, text::FontLibrary& fonts, std::vector<Warning>& out);

}  // namespace attnreel::lint
