#pragma once
// Per-member values of a `set`: style keys given as lists that mirror a target's members,
// and `fill_from`, which colours each member from a model matrix. Both become one style
// per leaf, so recolouring a 12×12 heatmap is one step.
#include "core/color_scale.hpp"
#include "scene/object_table.hpp"
#include "scene/scene_spec.hpp"
#include "attention/scene_data.hpp"

#include <string>
#include <unordered_map>

namespace attnreel {

// Heatmaps' colour scales by widget id, so fill_from recolours a heatmap on its own scale.
using HeatmapScales = std::unordered_map<std::string, ColorScale>;

// Each leaf's own changes. A list addresses the members of its object in order: indexed
// members where the object has them (`hm[i][j]`, `row[i]`, `arrows[j]`), else its
// children; nested lists address theirs. InputError at the value's mark for a list whose
// length does not match, or a member that does not exist.
std::unordered_map<std::size_t, StyleSpec> member_styles(const ObjectTable& objects, const std::vector<Ref>& targets,
                                                         const SetSpec& set, const attention::SceneData& data,
                                                         const HeatmapScales& scales);

}  // namespace attnreel
