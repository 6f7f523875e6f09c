#pragma once
// A matrix as a heatmap: the attention scores QKᵀ, the scaled scores or the softmax weights
// of a head, one coloured square per entry with the value printed in it.
//
// The cells sit on a regular grid centred on the origin (row 0 at the top), with row labels
// right-aligned to the left of the rows and column labels above the columns. Ids, for a
// widget `hm`:
//   hm               group: hm.rows, hm.columns (when labelled), then every cell in reading
//                    order, so `create: hm` with a lag_ratio shows the labels, then the cells
//                    one after another
//   hm[i][j]         cell (row i, column j): group of hm[i][j].box and hm[i][j].label (no
//                    label when the cell is masked or numbers are off)
//   hm.cells         group of the cells alone, in reading order (a lag goes cell by cell)
//   hm.row[i]        group of row i's cells        hm.column[j]   group of column j's cells
//   hm.grid          group of the rows hm.row[i]: a lag over it staggers whole rows
//   hm.rows          group of the row labels hm.rows[i]; hm.columns likewise
// hm.cells, hm.row[i], hm.column[j] and hm.grid are separate objects holding the same
// cells, not members of hm. Every leaf has a match key naming its place, so `transform` of one heatmap
// into another of the same shape moves each cell into its counterpart (colours blend;
// numbers that change cross-fade).
#include "scene/object_table.hpp"
#include "scene/scene_spec.hpp"
#include "scene/text_object.hpp"

#include <utility>

namespace attnreel {

// Validates the sizes (InputError at the spec's marks: at most 128×128 cells, rectangular,
// one label per row and per column) and adds the heatmap to `table`.
std::size_t build_heatmap(ObjectTable& table, SceneFonts& fonts, const std::string& id, const HeatmapSpec& spec,
                          const SourceMark& mark);

// The colours of the cells: spec.scale over its range, else over the least and greatest
// unmasked value (symmetric about `mid` for a diverging scale).
ColorScale heatmap_scale(const HeatmapSpec& spec);

constexpr std::size_t kMaxHeatmapSide = 128;

}  // namespace attnreel
