#pragma once
// Builds every object of a SceneSpec in dependency order (groups after their children,
// layout after its targets), applying styles and layout helpers once. Reference errors and
// layout cycles are InputErrors at the reference's mark.
#include "scene/object_table.hpp"
#include "scene/scene_spec.hpp"
#include "scene/text_object.hpp"
#include "attention/scene_data.hpp"
#include "timeline/member_styles.hpp"

namespace attnreel {

// Past this many objects (leaves and groups, widgets' included) a scene is an error: a
// `repeat` over large widgets cannot stall the compile.
constexpr std::size_t kMaxSceneObjects = 250000;

struct CompiledObjects {
    ObjectTable table;
    HeatmapScales heatmap_scales;  // each heatmap's colour scale, by its id
};

// `model` supplies the numbers that widgets take from the data block.
CompiledObjects compile_objects(const SceneSpec& spec, SceneFonts& fonts, const attention::SceneData& data);

// The object a reference names; the message suggests the nearest id.
std::size_t resolve_reference(const ObjectTable& table, const Ref& ref);

}  // namespace attnreel
