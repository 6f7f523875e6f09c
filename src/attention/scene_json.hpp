#pragma once
// A scene's models as JSON, keyed exactly as paths are written, so that the number at
// `models.causal.layer[0].head[1].scores` is json["models"]["causal"]["layer"][0]["head"][1]["scores"]
// (a head's weights are always under "weights"). Every value comes from SceneData::value:
// what a path shows on screen is what the JSON holds.
#include "attention/scene_data.hpp"

#include <string>

namespace attnreel::attention {

// `attnreel model --json`: for each model its kind, tokens and settings, then every matrix
// path (model, layer and head items); a trained model's figures and checkpoints too.
std::string models_json(const SceneData& data);

// `attnreel analyze --json`: for each model, "analysis" with every figure path: per head,
// per layer (the mean over heads) and for the model; a figure that does not apply is null.
std::string analysis_json(const SceneData& data);

}  // namespace attnreel::attention
