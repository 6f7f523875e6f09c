#pragma once
// Reads head_grid and layer_stack.
#include "io/yaml_reader.hpp"

namespace attnreel {

HeadGridSpec load_head_grid(const YamlReader& in, const YAML::Node& node, bool layers);

}  // namespace attnreel
