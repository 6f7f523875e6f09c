// Text drawn over other text once a step has settled: labels placed on top of each other.
// Texts of one entry (a formula's pieces, a heatmap's numbers) may touch; two entries'
// texts may not.
#include "lint/checks.hpp"

#include <algorithm>
#include <map>
#include <set>
#include <tuple>

namespace attnreel::lint {

namespace {

constexpr double kTolerance = 0.02;  // scene units of overlap on both axes (about 3 px at 1080p)

struct TextBox {
    BBox box;
    std::size_t object;
    std::string entry;
};

bool overlap(const BBox& a, const BBox& b) {
    return std::min(a.max.x(), b.max.x()) - std::max(a.min.x(), b.min.x()) > kTolerance &&
           std::min(a.max.y(), b.max.y()) - std::max(a.min.y(), b.min.y()) > kTolerance;
}

}  // namespace

void check_text_overlap(const Scene& scene, const std::vector<SettledFrame>& frames, std::vector<Warning>& out) {
    std::set<std::pair<std::string, std::string>> reported;
    for (const SettledFrame& frame : frames) {
        std::vector<TextBox> texts;
        for (const ScreenLeaf& leaf : frame.leaves)
            if (scene.objects[leaf.object].shape == ObjectShape::Text)
                texts.push_back({leaf.box, leaf.object, std::string(entry_of(scene.objects[leaf.object].id))});
        // Sweep left to right, comparing each box with those still open at its left edge.
        std::sort(texts.begin(), texts.end(), [](const TextBox& a, const TextBox& b) { return a.box.min.x() < b.box.min.x(); });
        std::vector<const TextBox*> open;
        for (const TextBox& t : texts) {
            std::erase_if(open, [&](const TextBox* o) { return o->box.max.x() < t.box.min.x(); });
            for (const TextBox* o : open) {
                if (o->entry == t.entry || !overlap(o->box, t.box)) continue;
                // Report at the entry written later in the file: that is the one placed on the other.
                const Object& a = scene.objects[o->object];
                const Object& b = scene.objects[t.object];
                const auto root_a = scene.objects.find(o->entry), root_b = scene.objects.find(t.entry);
                const SourceMark mark_a = root_a ? scene.objects[*root_a].mark : a.mark;
                const SourceMark mark_b = root_b ? scene.objects[*root_b].mark : b.mark;
                const bool a_later = std::tie(mark_a.line, mark_a.column) > std::tie(mark_b.line, mark_b.column);
                const auto key = a_later ? std::pair{o->entry, t.entry} : std::pair{t.entry, o->entry};
                if (!reported.insert(key).second) continue;
                const Object& over = a_later ? a : b;
                const Object& under = a_later ? b : a;
                const SourceMark& under_mark = a_later ? mark_b : mark_a;
                out.push_back({a_later ? mark_a : mark_b,
                               "the text of " + name_of(over.id) + " overlaps the text of " + name_of(under.id) +
                                   " (line " + std::to_string(under_mark.line) + ") " + when(scene, frame)});
            }
            open.push_back(&t);
        }
    }
}

}  // namespace attnreel::lint
