#pragma once
// A compiled scene: immutable objects and their tracks. frame_at(scene, t) is a pure
// function of the two, safe to call from many threads at once.
#include "audio/soundtrack.hpp"
#include "audio/speech.hpp"
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

// A step's `say:`: what captions show and, when it has a voice, what is heard from the
// step's start.
struct SpokenLine {
    std::string text;
    SourceMark mark;
    std::size_t step = 0;            // its timeline step
    double start = 0, step_end = 0;  // the step's place in time
    double voice_seconds = 0;        // how long its voice lasts; 0: a caption without a voice
    std::vector<audio::SpokenWord> words;  // draft speech: when each word starts (from `start`)
};

// A `section:` of the timeline: from its marker to the next one, or to the end.
struct SectionTiming {
    std::string name;
    double start = 0, end = 0;
    SourceMark mark;
};

struct Scene {
    std::string file, name;
    SceneSettings settings;
    ObjectTable objects;
    std::vector<Track> tracks;            // one per object; groups never draw
    std::vector<std::size_t> draw_order;  // leaves by (z, declaration order)
    std::vector<StepTiming> steps;
    std::vector<SectionTiming> sections;  // in timeline order
    double duration = 0;
    // The data block's models, computed (may be empty): what `attnreel model` and `analyze` print.
    std::shared_ptr<const attention::SceneData> model;
    std::vector<SpokenLine> narration;     // every say:, in timeline order
    std::vector<audio::Placement> sounds;  // voices and audio tracks on the scene's clock

    // Frames in the whole video at the scene's fps (at least one, for a still scene).
    int frame_count(double fps) const;
    int frame_count() const { return frame_count(settings.fps); }
};

DrawList frame_at(const Scene& scene, double t);

}  // namespace attnreel
