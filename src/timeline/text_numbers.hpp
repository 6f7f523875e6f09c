#pragma once
// Texts that show model values: each {path:format} placeholder (io/text_placeholders.hpp)
// replaced, when the scene compiles, by the number, name or vector its path names, printed
// as widgets print numbers (a real minus sign, never "−0.00").
#include "attention/scene_data.hpp"
#include "scene/object.hpp"
#include "scene/scene_spec.hpp"

#include <string>
#include <vector>

namespace attnreel {

// `value` as `format` prints it; a vector as "[a, b, c]". Throws InputError at `mark` (and
// at format_mark for a format that does not fit the value) for a matrix, a number format
// on a name or `s` on a number.
std::string format_model_value(const attention::ModelValue& value, const TextValue& placeholder);

// The text with its placeholders filled in; `shown` gets each number and name it shows with
// the path it came from (a vector's entries one by one).
TextSpec text_from_model(const TextSpec& spec, const attention::SceneData& data, std::vector<ShownValue>& shown);

}  // namespace attnreel
