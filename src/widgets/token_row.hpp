#pragma once
// A row of tokens, each a rounded box with its label: the sentence every attention lesson
// starts from. Builds group `id` with children `id[i]` (groups of `id[i].box` and
// `id[i].label`), boxes of equal height, laid out left to right and centred on the origin.
#include "scene/object_table.hpp"
#include "scene/scene_spec.hpp"
#include "scene/text_object.hpp"

namespace attnreel {

std::size_t build_token_row(ObjectTable& table, SceneFonts& fonts, const std::string& id, const TokenRowSpec& spec,
                            const SourceMark& mark);

// The box of token i of a token row built by build_token_row; throws InputError at `mark`
// when `row` is not a token row or i is out of range.
std::size_t token_box(const ObjectTable& table, std::size_t row, int i, const SourceMark& mark);

}  // namespace attnreel
