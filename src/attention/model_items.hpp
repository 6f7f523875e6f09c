#pragma once
// The value of the item a path names in one model, before its slices: which matrix of a
// computed, synthetic or loaded model each name means, and the analysis figures.
#include "attention/scene_data.hpp"

namespace attnreel::attention {

// Throws PathError (at the offending part of the path) for an index out of range or an
// item the model does not have ("q" of weights loaded from a file).
ModelValue model_item(const SceneData::Entry& entry, const ModelPath& path);
ModelValue analysis_item(const SceneData::Entry& entry, const ModelPath& path);

}  // namespace attnreel::attention
