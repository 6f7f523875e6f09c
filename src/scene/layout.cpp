#include "scene/layout.hpp"

#include <cmath>

namespace attnreel {

void shift_by(ObjectTable& t, std::size_t i, const Vec2& by) { t.transform(i, Similarity::translation(by)); }

void move_center_to(ObjectTable& t, std::size_t i, const Vec2& point) {
    shift_by(t, i, point - t.bounds(i).center());
}

void scale_about_center(ObjectTable& t, std::size_t i, double factor) {
    t.transform(i, Similarity::scaling_about(t.bounds(i).center(), factor));
}

void next_to(ObjectTable& t, std::size_t i, const BBox& target, const Vec2& direction, double buff) {
    const BBox box = t.bounds(i);
    Vec2 delta(0, 0);
    for (int k = 0; k < 2; ++k) {
        if (direction[k] > 0) delta[k] = target.max[k] + buff - box.min[k];
        else if (direction[k] < 0) delta[k] = target.min[k] - buff - box.max[k];
        else delta[k] = target.center()[k] - box.center()[k];
    }
    shift_by(t, i, delta);
}

void to_edge(ObjectTable& t, std::size_t i, const FrameBox& frame, const Vec2& direction, double buff) {
    const BBox box = t.bounds(i);
    const Vec2 half(frame.half_width, frame.half_height);
    Vec2 delta(0, 0);
    for (int k = 0; k < 2; ++k) {
        if (direction[k] > 0) delta[k] = half[k] - buff - box.max[k];
        else if (direction[k] < 0) delta[k] = -half[k] + buff - box.min[k];
    }
    shift_by(t, i, delta);
}

void arrange(ObjectTable& t, std::size_t group, const Vec2& direction, double buff, const std::string& align) {
    const auto& children = t[group].children;
    if (children.empty()) return;
    const Vec2 center_before = t.bounds(group).center();
    const Vec2 dir = direction.normalized();
    // The other axis, on which children are aligned.
    const int along = std::abs(dir.x()) >= std::abs(dir.y()) ? 0 : 1;
    const int across = 1 - along;
    const BBox first = t.bounds(children[0]);
    double reference = first.center()[across];
    if (align == "top" || align == "right") reference = first.max[across];
    if (align == "bottom" || align == "left") reference = first.min[across];
    BBox previous = first;
    for (std::size_t c = 0; c < children.size(); ++c) {
        const std::size_t child = children[c];
        const BBox box = t.bounds(child);
        Vec2 delta(0, 0);
        if (c > 0) {
            if (dir[along] > 0) delta[along] = previous.max[along] + buff - box.min[along];
            else delta[along] = previous.min[along] - buff - box.max[along];
        }
        double current = box.center()[across];
        if (align == "top" || align == "right") current = box.max[across];
        if (align == "bottom" || align == "left") current = box.min[across];
        delta[across] = reference - current;
        shift_by(t, child, delta);
        previous = t.bounds(child);
    }
    move_center_to(t, group, center_before);
}

void align_to(ObjectTable& t, std::size_t i, const BBox& target, const Vec2& direction) {
    const BBox box = t.bounds(i);
    Vec2 delta(0, 0);
    for (int k = 0; k < 2; ++k) {
        if (direction[k] > 0) delta[k] = target.max[k] - box.max[k];
        else if (direction[k] < 0) delta[k] = target.min[k] - box.min[k];
    }
    shift_by(t, i, delta);
}

}  // namespace attnreel
