#pragma once
// A vector as a row (or column) of boxes: each box coloured by its value on a diverging map
// (towards the positive colour above 0, the negative one below, stronger with the magnitude),
// with the value printed in it, an optional label such as q₂ and an optional legend. An
// embedding is the same as small squares without numbers, in its token's colour.
//
// The boxes are centred on the origin. Ids, for `v`:
//   v          group: v.label, v.boxes, v.legend (those that exist)
//   v[i]       entry i: group of v[i].box and v[i].value (no value for an embedding)
//   v.boxes    group of the entries, so `create: v.boxes` with a lag_ratio goes box by box
//   v.label    the label (a formula)        v.legend   the colour bar and its three numbers
// Leaves are keyed by their place, so `transform` between two vectors of one length
// recolours each box and counts each value to the new one.
#include "scene/matrix_spec.hpp"
#include "widgets/widget_parts.hpp"

#include <cstdint>

namespace attnreel {

std::size_t build_vector(ObjectTable& table, SceneFonts& fonts, const std::string& id, const VectorSpec& spec,
                         const SourceMark& mark);

// The magnitude a vector's colours span: spec.max_abs, else its largest |value| (1 when all are 0).
double vector_max_abs(const VectorSpec& spec);
// The fill of entry i holding `value` (legend steps: an i past the entries).
Color vector_color(const VectorSpec& spec, double max_abs, double value, std::size_t i = SIZE_MAX);

// The font size at which the widest of `texts` (in mono) fits a box `width` wide and
// `height` high: shared by vectors, matrices and head grids.
double fitted_number_size(SceneFonts& fonts, const std::vector<std::string>& texts, double width, double height,
                          const SourceMark& mark);

}  // namespace attnreel
