#pragma once
// Reads the `objects:` list: one entry per object, each with an id, one kind key, and
// optional style and layout keys (layout applied in the order written).
#include "io/yaml_reader.hpp"

namespace attnreel {

// `data` provides $tokens.
std::vector<ObjectSpec> load_objects(const YamlReader& in, const YAML::Node& list, const DataSpec& data);

// A token given by its text or its index in `tokens`; `what` names the key in messages.
int token_index(const YamlReader& in, const YAML::Node& node, const std::vector<std::string>& tokens,
                const std::string& what);
// A list of tokens, or "$tokens" for the data block's.
std::vector<std::string> load_tokens(const YamlReader& in, const YAML::Node& node, const DataSpec& data,
                                     const std::string& what = "tokens");

// Names of the object kinds, for messages and documentation.
const std::vector<std::string>& object_kind_names();

}  // namespace attnreel
