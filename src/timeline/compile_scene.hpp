#pragma once
// compile: SceneSpec → Scene. Builds the objects (compile_objects), then walks the timeline
// once, turning play/wait/add/remove steps into per-object track segments.
#include "scene/scene_spec.hpp"
#include "text/font_library.hpp"
#include "timeline/scene.hpp"

namespace attnreel {

Scene compile_scene(const SceneSpec& spec, text::FontLibrary& fonts);

}  // namespace attnreel
