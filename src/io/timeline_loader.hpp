#pragma once
// Reads the `timeline:` list: play (one animation or a list), wait, add and remove steps,
// each with an optional `say:`. Files named in it are relative to `scene_dir`.
#include "io/yaml_reader.hpp"

namespace attnreel {

std::vector<StepSpec> load_timeline(const YamlReader& in, const YAML::Node& list, const std::string& scene_dir);

const std::vector<std::string>& animation_names();

}  // namespace attnreel
