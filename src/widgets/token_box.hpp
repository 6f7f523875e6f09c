#pragma once
// One token as a box filled with its colour and its label in the colour that reads best
// on that fill: how the connection widgets (attention_graph, attention_network) draw a
// token. Builds group `id` of `id.box` and `id.label`.
#include "scene/object_table.hpp"
#include "core/token_palette.hpp"
#include "scene/text_object.hpp"

#include <string>
#include <vector>

namespace attnreel {

// The labels of `tokens`, shaped and centred on the origin, ids `<prefix>[i].label`.
std::vector<Object> token_labels(SceneFonts& fonts, const std::string& prefix, const std::vector<std::string>& tokens,
                                 double font_size, const std::string& font, const SourceMark& mark,
                                 const text::FontFeatures& features);

// Adds the box and its (already shaped) label centred on `centre`; returns the group.
// `key` prefixes the leaves' match keys ("source 2"), so that `transform` between two
// widgets pairs each token with its counterpart.
std::size_t add_token_box(ObjectTable& table, Object label, const std::string& id, const std::string& key,
                          const Vec2& centre, double width, double height, const Color& fill,
                          const SourceMark& mark);

// Token i's colour in `palette`, or a neutral slate when the palette gives it none
// (`palette: none`): a box is never left without a fill.
Color token_fill(const TokenPalette& palette, std::size_t i);

// The padding between a label's ink and its box's side, for a font size.
double token_box_padding(double font_size);

}  // namespace attnreel
