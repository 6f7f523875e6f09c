#pragma once
// Attention as connections (the seed's panel C): source tokens in a column on the left (or a
// row on top), target tokens on the other side, and one line per pair whose width and
// opacity follow the weight (8·w and 0.3 + 0.6·w unless set), in the head's colour. Masked
// pairs and pairs under min_weight have no line. Ids, for a widget `g`:
//   g               group: g.sources, g.targets, g.lines[0], g.lines[1]…, g.legend; it
//                   staggers its parts when created, so the lines come one source at a time
//   g.sources[i]    token i of the sources: g.sources[i].box, g.sources[i].label
//   g.targets[j]    likewise
//   g.lines[i]      group of source i's lines; g.lines[i][j] the line from i to j
//   g.lines         group of the groups g.lines[i] (a separate object holding the same lines)
//   g.legend        "line width = attention weight" and the head's colour
// Every leaf has a match key naming its place, so `transform` of one graph into another
// (another head or layer) moves each line into its counterpart, width, opacity and colour
// interpolated line by line; lines that only one side has fade. Every line carries a Link
// (tokens and weight) for `select` and `flow`.
#include "scene/object_table.hpp"
#include "scene/scene_spec.hpp"
#include "scene/text_object.hpp"

namespace attnreel {

// Validates sizes and weights (InputError at the spec's marks) and adds the graph to
// `table`, centred on the origin.
std::size_t build_attention_graph(ObjectTable& table, SceneFonts& fonts, const std::string& id,
                                  const AttentionGraphSpec& spec, const SourceMark& mark);

// Checks that `values` has one row per source and one column per target and that every
// weight not masked lies in [0, 1]; throws InputError naming what was expected.
void check_connection_weights(const ConnectionWeights& weights, std::size_t rows, std::size_t columns,
                              const SourceMark& rows_mark, const SourceMark& columns_mark, const std::string& what);

}  // namespace attnreel
