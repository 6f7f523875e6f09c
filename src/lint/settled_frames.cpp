#include "lint/checks.hpp"

#include <cstdio>

namespace attnreel::lint {

namespace {

BBox transformed(const BBox& box, const Similarity& s) {
    BBox out;
    if (box.empty()) return out;
    out.add(s.apply(box.min));
    out.add(s.apply(box.max));
    return out;
}

bool draws_something(const ObjectState& state) {
    return state.visible && state.opacity > 0 && (state.style.has_fill() || state.style.has_stroke());
}

}  // namespace

std::vector<SettledFrame> settled_frames(const Scene& scene) {
    // Each leaf's ink box is measured once; a frame only moves and scales it.
    std::vector<BBox> ink(scene.objects.size());
    for (std::size_t i = 0; i < scene.objects.size(); ++i)
        if (!scene.objects[i].is_group()) ink[i] = leaf_bounds(scene.objects[i]);

    std::vector<SettledFrame> frames;
    for (std::size_t k = 0; k < scene.steps.size(); ++k) {
        const double t = scene.steps[k].end;
        if (!frames.empty() && frames.back().time == t) {
            frames.back().step = k;  // the settled picture is the same; name the later step
            continue;
        }
        SettledFrame frame{t, k, {}};
        for (std::size_t i = 0; i < scene.objects.size(); ++i) {
            if (scene.objects[i].is_group() || ink[i].empty()) continue;
            const ObjectState state = sample(scene.tracks[i], t).state;
            if (draws_something(state)) frame.leaves.push_back({i, transformed(ink[i], state.transform)});
        }
        frames.push_back(std::move(frame));
    }
    return frames;
}

std::string when(const Scene& scene, const SettledFrame& frame) {
    char time[32];
    std::snprintf(time, sizeof time, "%.2f", frame.time);
    return "after the step at line " + std::to_string(scene.steps[frame.step].mark.line) + " (t = " + time + " s)";
}

std::string_view entry_of(std::string_view id) { return id.substr(0, id.find_first_of(".[")); }

std::string name_of(const std::string& id) {
    // Built by appends: GCC 12 warns falsely (-Wrestrict) on "'" + id + "'".
    const std::string_view entry = entry_of(id);
    std::string name = "'";
    name.append(entry).append("'");
    if (entry.size() != id.size()) name.append(" (its part '").append(id).append("')");
    return name;
}

}  // namespace attnreel::lint
