// Objects declared but never on screen: usually a step that was forgotten, or a typo'd
// target that happened to name another object.
#include "lint/checks.hpp"

#include <algorithm>

namespace attnreel::lint {

namespace {

bool ever_visible(const Track& track) {
    return track.initial.visible || std::any_of(track.segments.begin(), track.segments.end(), [](const Segment& s) {
               return s.from.visible || s.to.visible;
           });
}

}  // namespace

void check_never_shown(const SceneSpec& spec, const Scene& scene, std::vector<Warning>& out) {
    for (const ObjectSpec& entry : spec.objects) {
        const auto index = scene.objects.find(entry.id);
        if (!index) continue;
        const auto leaves = scene.objects.leaves(*index);
        if (std::any_of(leaves.begin(), leaves.end(), [&](std::size_t leaf) { return ever_visible(scene.tracks[leaf]); }))
            continue;
        out.push_back({entry.mark, "'" + entry.id +
                                       "' is declared but never shown: no step adds it or animates it onto the screen "
                                       "(add:, create:, write:, fade_in:, grow_arrow:, grow_from_center: or as the 'to' "
                                       "of a transform)"});
    }
}

}  // namespace attnreel::lint
