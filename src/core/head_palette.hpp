#pragma once
// The colour of each attention head: one colour per head, the same in every widget that
// shows a head (the lines of an attention graph, a head's legend), so "head 3 is pink"
// holds across a lesson.
#include "core/color.hpp"

#include <cstddef>
#include <vector>

namespace attnreel {

// #3B82F6 #8B5CF6 #EC4899 #F59E0B #10B981 #06B6D4 #EF4444 #6366F1: blue, purple, pink,
// amber, green, cyan, red, indigo.
const std::vector<Color>& default_head_colors();

// Head h's colour, cycling through the palette past eight heads.
Color head_color(std::size_t h);

}  // namespace attnreel
