#pragma once
// Attention from one token's point of view: an arrow from the source token to every other
// token of a token row, arcing above (or below) the row, its width and colour following the
// weight, with the weight written at the top of each arc on a pill, in the text colour that
// reads on the pill. The arcs leave and land square to the boxes, nest instead of crossing,
// and are lowered together when the tallest (with its label) would leave the frame; with no
// side given they go below when only below has the room.
//
// Builds group `id` with children `id[j]` (one arrow per target token j ≠ source whose
// weight is not exactly 0, i.e. not masked) and group
// `id.labels` with children `id.labels[j]`.
#include "scene/layout.hpp"
#include "scene/object_table.hpp"
#include "scene/scene_spec.hpp"
#include "scene/text_object.hpp"

namespace attnreel {

std::size_t build_attention_arrows(ObjectTable& table, SceneFonts& fonts, std::size_t row, const std::string& id,
                                   const AttentionArrowsSpec& spec, const FrameBox& frame, const SourceMark& mark);

}  // namespace attnreel
