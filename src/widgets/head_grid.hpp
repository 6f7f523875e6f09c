#pragma once
// A head grid (or layer stack): a thumbnail of each head's (or layer's) attention, as a
// small heatmap or a bipartite graph, titled H0, H1… (L0, L1…) in its head colour, with
// its pattern's name from the analysis under it. One thumbnail can be selected: a ring
// around it, and (with `view`) that head's weights large beside the grid. The `select`
// animation moves the ring to another thumbnail and morphs the view into that head's.
// Head grids can add the multi-head diagram under the grid (widgets/head_diagram.hpp).
//
// Centred on the origin. Ids, for `g`:
//   g              group: the thumbnails, g.selection, g.view, g.diagram (those that exist)
//   g[k]           thumbnail k: group of g[k].frame, g[k].cells (heatmap) or g[k].lines and
//                  g[k].dots (graph), g[k].title and g[k].caption
//   g.selection    the ring around the selected thumbnail (g.selection.ring, .glow)
//   g.view[k]      thumbnail k's view: a heatmap g.view[k].map (widgets/heatmap.hpp) and a title
//                  g.view[k].title; only the selected one is a member of g (through g.view)
//   g.view         group of the view shown at first (the others follow the grid's layout)
#include "scene/head_grid_spec.hpp"
#include "widgets/widget_parts.hpp"

namespace attnreel {

std::size_t build_head_grid(ObjectTable& table, SceneFonts& fonts, const std::string& id, const HeadGridSpec& spec,
                            const SourceMark& mark);

}  // namespace attnreel
