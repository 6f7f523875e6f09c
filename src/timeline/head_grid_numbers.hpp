#pragma once
// Head grids and layer stacks take their numbers from the model here: each head's (or
// layer's) weights, its pattern from the analysis, and the diagram's vectors, all through
// model paths (attention/scene_data.hpp), so every number keeps its provenance.
#include "attention/scene_data.hpp"
#include "scene/scene_spec.hpp"

namespace attnreel {

HeadGridSpec head_grid_from_model(HeadGridSpec spec, const attention::SceneData& data);

}  // namespace attnreel
