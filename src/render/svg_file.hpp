#pragma once
// SVG for the web, written directly from a DrawList (not through Cairo, whose SVG is sized
// in points and knows nothing of text): width and height in pixels with a matching viewBox,
// so a 1280×720 frame shows at 1280×720 CSS pixels; coordinates in pixels, y down. The
// outlines of each text object form one <g> whose <title> holds its words, which screen
// readers announce and browsers show on hover.
#include "scene/draw_list.hpp"

#include <string>

namespace attnreel {

// The SVG file's text; the same for the same list and size on every run.
std::string svg_bytes(const DrawList& list, int width, int height);

// `text` with &, <, >, " and ' written as XML entities.
std::string xml_escaped(const std::string& text);

}  // namespace attnreel
