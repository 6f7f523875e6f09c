#pragma once
// Widgets that show a model's numbers take them here, through the one path API of
// attention/scene_data.hpp, when the scene compiles: each function fills a widget's spec
// from the paths it names and records where every number came from.
#include "attention/scene_data.hpp"
#include "scene/scene_spec.hpp"

namespace attnreel {

// A heatmap of a model matrix (or a vector, as one row): its numbers, −inf where the
// model's mask hides the entry, and for probabilities (attention weights, rollout) the
// range [0, 1] unless the author chose one.
HeatmapSpec heatmap_from_model(HeatmapSpec spec, const attention::SceneData& data);

// Arrows from one token: row `source` of a matrix path, or a vector path whole.
AttentionArrowsSpec arrows_from_model(AttentionArrowsSpec spec, const attention::SceneData& data);

// Connections' weights (attention_graph, attention_network): the matrix a path names, −inf
// where the model's mask hides a pair, and the model's query and key tokens when the path
// takes the matrix whole. A vector, or numbers outside [0, 1], are errors at the path.
ConnectionWeights connections_from_model(ConnectionWeights weights, const attention::SceneData& data);

}  // namespace attnreel
