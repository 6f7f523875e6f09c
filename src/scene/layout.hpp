#pragma once
// Manim's layout helpers, applied once at compile time to an object's geometry.
#include "core/geometry.hpp"
#include "scene/object_table.hpp"

#include <string>

namespace attnreel {

// The visible frame in scene units: 8 high, as wide as the aspect ratio makes it.
struct FrameBox {
    double half_width, half_height;
    static FrameBox for_pixels(int width, int height) { return {4.0 * width / height, 4.0}; }
};

void move_center_to(ObjectTable& t, std::size_t i, const Vec2& point);
void shift_by(ObjectTable& t, std::size_t i, const Vec2& by);
void scale_about_center(ObjectTable& t, std::size_t i, double factor);
// Put i beside `target` in `direction`, `buff` apart, centred on the other axis.
void next_to(ObjectTable& t, std::size_t i, const BBox& target, const Vec2& direction, double buff);
// Push i against the frame's edge (or corner, when both components are set).
void to_edge(ObjectTable& t, std::size_t i, const FrameBox& frame, const Vec2& direction, double buff);
// Line a group's children up along `direction`, `buff` apart; `align` is "center" or an edge
// name ("top", "bottom", "left", "right") on the other axis. The group keeps its centre.
void arrange(ObjectTable& t, std::size_t group, const Vec2& direction, double buff, const std::string& align);
// Make i's edge in `direction` line up with the same edge of `target`.
void align_to(ObjectTable& t, std::size_t i, const BBox& target, const Vec2& direction);

}  // namespace attnreel
