#pragma once
// Multi-head attention's last steps under a head grid: each head's output for one token
// (small squares in the head's colour), arrows into a "Concatenate" box holding the
// concatenation (each stretch in its head's colour), a linear projection W_O, and the
// output, all from the model. Ids, under grid `g`: g.diagram (group), g.diagram.head[h],
// g.diagram.arrows, g.diagram.concat (box, title, vector), g.diagram.w_o (box, formula),
// g.diagram.output (vector and label), each vector a widgets/vector_boxes.hpp vector.
#include "scene/head_grid_spec.hpp"
#include "widgets/widget_parts.hpp"

namespace attnreel {

// Builds the diagram under `grid` (the thumbnails' bounds) and returns its group.
std::size_t build_head_diagram(WidgetBuilder& b, const HeadGridSpec& spec, const BBox& grid);

}  // namespace attnreel
