#pragma once
// Reads the `objects:` list: one entry per object, each with an id, one kind key, and
// optional style and layout keys (layout applied in the order written).
#include "io/widget_loader.hpp"  // token_index, load_tokens
#include "io/yaml_reader.hpp"

namespace attnreel {

// `data` provides $tokens.
std::vector<ObjectSpec> load_objects(const YamlReader& in, const YAML::Node& list, const DataSpec& data);

// Names of the object kinds, for messages and documentation.
const std::vector<std::string>& object_kind_names();

}  // namespace attnreel
