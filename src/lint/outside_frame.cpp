// Text or shapes that reach past the frame's edges once a step has settled.
#include "lint/checks.hpp"

#include <cstdio>
#include <map>
#include <set>

namespace attnreel::lint {

namespace {

constexpr double kTolerance = 0.01;  // scene units: about a pixel at 1080p

std::string number(double v) {
    char s[32];
    std::snprintf(s, sizeof s, "%.2f", v);
    return s;
}

// "its right side reaches x = 7.45 (the frame ends at 7.11)", for each side past the frame.
std::string sides_past(const BBox& box, double half_width, double half_height) {
    std::string out;
    const auto add = [&](const std::string& side, const std::string& axis, double at, double edge) {
        out += (out.empty() ? "" : ", ") + std::string("its ") + side + " side reaches " + axis + " = " + number(at) +
               " (the frame ends at " + number(edge) + ")";
    };
    if (box.max.x() > half_width + kTolerance) add("right", "x", box.max.x(), half_width);
    if (box.min.x() < -half_width - kTolerance) add("left", "x", box.min.x(), -half_width);
    if (box.max.y() > half_height + kTolerance) add("top", "y", box.max.y(), half_height);
    if (box.min.y() < -half_height - kTolerance) add("bottom", "y", box.min.y(), -half_height);
    return out;
}

}  // namespace

void check_outside_frame(const Scene& scene, const std::vector<SettledFrame>& frames, std::vector<Warning>& out) {
    const double half_height = 4;
    const double half_width = 4.0 * scene.settings.width / scene.settings.height;
    const auto inside = [&](const BBox& b) {
        return b.min.x() >= -half_width - kTolerance && b.max.x() <= half_width + kTolerance &&
               b.min.y() >= -half_height - kTolerance && b.max.y() <= half_height + kTolerance;
    };
    // A backdrop larger than the frame on every side is meant to be cut off.
    const auto covers_frame = [&](const BBox& b) {
        return b.min.x() <= -half_width && b.max.x() >= half_width && b.min.y() <= -half_height &&
               b.max.y() >= half_height;
    };
    std::set<std::string> reported;  // one warning per entry, at the first step it happens
    for (const SettledFrame& frame : frames) {
        struct Past {
            BBox box;                 // the union of the entry's leaves out
            std::size_t first = 0;    // the first of them
            std::size_t count = 0;
        };
        std::map<std::string, Past> past;
        for (const ScreenLeaf& leaf : frame.leaves) {
            if (inside(leaf.box) || covers_frame(leaf.box)) continue;
            const std::string entry(entry_of(scene.objects[leaf.object].id));
            if (reported.count(entry)) continue;
            Past& p = past.try_emplace(entry, Past{BBox{}, leaf.object, 0}).first->second;
            p.box.add(leaf.box);
            ++p.count;
        }
        for (const auto& [entry, found] : past) {
            reported.insert(entry);
            const Object& first_leaf = scene.objects[found.first];
            const auto root = scene.objects.find(entry);
            const SourceMark mark = root ? scene.objects[*root].mark : first_leaf.mark;
            const std::string name = found.count == 1 ? name_of(first_leaf.id) : "'" + entry + "'";
            out.push_back({mark, name + " is partly outside the frame " + when(scene, frame) + ": " +
                                     sides_past(found.box, half_width, half_height)});
        }
    }
}

}  // namespace attnreel::lint
