#pragma once
// What the preview page knows of the scene, as JSON: the timeline (steps with their YAML
// lines, sections), its length and frame rate, the frame size, warnings and the latest
// load's error.
#include "preview/scene_session.hpp"

#include <string>

namespace attnreel::preview {

struct FrameSize {
    int width = 0, height = 0;
};

// The preview size of a scene: `fixed` when set, else 720 pixels high at the scene's shape.
FrameSize preview_size(const Scene& scene, const std::optional<FrameSize>& fixed);

std::string state_json(const SessionState& state, const std::optional<FrameSize>& fixed_size);

}  // namespace attnreel::preview
