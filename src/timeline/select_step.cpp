// select on a head grid or layer stack (widgets/head_grid.hpp): the ring around the
// selected thumbnail glides to thumbnail k, and the view (if any) morphs into k's.
#include "timeline/timeline_compiler.hpp"

#include "timeline/compile_objects.hpp"

namespace attnreel {

void TimelineCompiler::select_thumbnail(const AnimationSpec& a, RateFunction rate, double start, double run_time) {
    if (a.targets.size() != 1) throw InputError(a.mark, "select takes one head grid or layer stack");
    const Ref& grid = a.targets[0];
    resolve_reference(scene_.objects, grid);
    const auto ring = scene_.objects.find(grid.id + ".selection");
    if (!ring)
        throw InputError(grid.mark, "'" + grid.id + "' has no selection to move: select needs a head_grid or "
                                    "layer_stack with 'select' or 'view'");
    const std::vector<std::size_t> ring_leaves = scene_.objects.leaves(*ring);
    const bool layers = scene_.objects[ring_leaves[0]].match_key.rfind("layer_stack", 0) == 0;
    const std::string what = layers ? "layer" : "head";
    if (a.select_what != what)
        throw InputError(a.mark, "'" + grid.id + "' is a " + (layers ? "layer stack" : "head grid") +
                                     ": select one of its " + what + "s with '" + what + ": N'");
    std::vector<BBox> frames;
    for (std::size_t k = 0;; ++k) {
        const auto frame = scene_.objects.find(grid.id + "[" + std::to_string(k) + "].frame");
        if (!frame) break;
        frames.push_back(current_bounds(*frame));
    }
    if (a.select_index >= static_cast<int>(frames.size()))
        throw InputError(a.mark, what + " " + std::to_string(a.select_index) + " is out of range ('" + grid.id +
                                     "' shows " + std::to_string(frames.size()) + " " + what + "s)");
    BBox ring_box;
    for (std::size_t leaf : ring_leaves) {
        if (!current_[leaf].visible)
            throw InputError(a.mark, "cannot select in '" + grid.id + "': it is not on screen yet");
        ring_box.add(current_bounds(leaf));
    }
    // The thumbnail selected now: the one the ring is around.
    std::size_t from = 0;
    for (std::size_t k = 1; k < frames.size(); ++k)
        if ((frames[k].center() - ring_box.center()).norm() < (frames[from].center() - ring_box.center()).norm())
            from = k;
    const std::size_t to = static_cast<std::size_t>(a.select_index);
    if (from == to) return;
    const Vec2 delta = frames[to].center() - frames[from].center();
    for (std::size_t leaf : ring_leaves) {
        Segment s = segment(leaf, SegmentKind::Set, rate, start, start + run_time);
        s.to.transform = Similarity::translation(delta).after(s.to.transform);
        push(leaf, std::move(s), a.mark);
    }
    const auto view_from = scene_.objects.find(grid.id + ".view[" + std::to_string(from) + "]");
    const auto view_to = scene_.objects.find(grid.id + ".view[" + std::to_string(to) + "]");
    if (view_from && view_to)
        transform_matching(a, scene_.objects.leaves(*view_from), scene_.objects.leaves(*view_to), rate, start,
                           run_time);
}

}  // namespace attnreel
