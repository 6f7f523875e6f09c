#pragma once
// Reads the `timeline:` list: play (one animation or a list), wait, add and remove steps.
#include "io/yaml_reader.hpp"

namespace attnreel {

std::vector<StepSpec> load_timeline(const YamlReader& in, const YAML::Node& list);

const std::vector<std::string>& animation_names();

}  // namespace attnreel
