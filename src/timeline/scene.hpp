#pragma once
// A compiled scene: immutable objects and their tracks. frame_at(scene, t) is a pure
// function of the two, safe to call from many threads at once.
#include "scene/draw_list.hpp"
#include "scene/object_table.hpp"
#include "scene/scene_spec.hpp"
#include "attention/scene_data.hpp"
#include "timeline/track.hpp"

#include <memory>

#include <string>
#include <vector>

namespace attnreel {

// A timeline step's place in time, for `attnreel check`.
struct StepTiming {
    double start = 0, end = 0;
    std::string description;  // "play write(title)", "wait 1"
    SourceMark mark;
};

struct Scene {
    std::string file, name;
    SceneSettings settings;
    ObjectTable objects;
    std::vector<Track> tracks;            // one per object; groups never draw
    std::vector<std::size_t> draw_order;  // leaves by (z, declaration order)
    std::vector<StepTiming> steps;
    double duration = 0;
    // The data block's models, computed (may be empty): what `attnreel model` and `analyze` print.
    std::shared_ptr<const attention::SceneData> model;

    // Frames in the whole video at the scene's fps (at least one, for a still scene).
    int frame_count(double fps) const;
    int frame_count() const { return frame_count(settings.fps); }
};

DrawList frame_at(const Scene& scene, double t);

}  // namespace attnreel
