#pragma once
// Reads the layout widgets (panel, callout, note) and the `in:`/`at:` placement inside a panel.
#include "io/yaml_reader.hpp"

namespace attnreel {

PanelSpec load_panel(const YamlReader& in, const YAML::Node& node);
CalloutSpec load_callout(const YamlReader& in, const YAML::Node& node);
NoteSpec load_note(const YamlReader& in, const YAML::Node& node);

// `in: panel` with the entry's `at:` (top_left, top, top_right, left, center, right,
// bottom_left, bottom, bottom_right; default center).
PlaceIn load_place_in(const YamlReader& in, const YAML::Node& in_node, const YAML::Node& entry);

}  // namespace attnreel
