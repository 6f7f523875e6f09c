#pragma once
// `{path:format}` in a text: a number or a name taken from the scene's models when it
// compiles (`text: "entropy {analysis.layer[0].head[1].entropy:.2f} bits"`), and `{{`, `}}`
// for a brace of the text's own. Braces around anything that does not start like a model
// path (its first word model, models or analysis) stay as written.
#include "io/yaml_reader.hpp"
#include "scene/scene_spec.hpp"

#include <stdexcept>
#include <string>
#include <string_view>

namespace attnreel {

// The format after a placeholder's ':' ("" when there is none): `.Nf` (N decimals, 0 to 12),
// `.N%` (a percentage of 1), `.Ne` (scientific), `f`, `%`, `e` (2 decimals), `d` (a whole
// number), `s` (a name). Throws std::invalid_argument saying what is accepted.
ValueFormat parse_value_format(std::string_view written);

// Finds the placeholders and escapes of `text.content` (a text's markup, parsed), resolves
// the escapes and records each placeholder in text.values with its bytes in the new
// content. Errors (a path's grammar, an unknown format) point into `node`, the text's
// scalar, whose value is `source`.
void load_text_values(const YamlReader& in, const YAML::Node& node, const std::string& source, TextSpec& text);

}  // namespace attnreel
