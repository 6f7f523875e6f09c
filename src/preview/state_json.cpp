#include "preview/state_json.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>

namespace attnreel::preview {

using nlohmann::json;

namespace {

json mark_json(const SourceMark& mark) { return {{"file", mark.file}, {"line", mark.line}, {"column", mark.column}}; }

}  // namespace

FrameSize preview_size(const Scene& scene, const std::optional<FrameSize>& fixed) {
    if (fixed) return *fixed;
    const int height = std::min(720, scene.settings.height);
    // An even width, as video sizes are, at the scene's own shape.
    const int width = 2 * static_cast<int>(std::lround(0.5 * height * scene.settings.width / scene.settings.height));
    return {std::max(width, 2), height};
}

std::string state_json(const SessionState& state, const std::optional<FrameSize>& fixed_size) {
    json out = {{"generation", state.generation}, {"serial", state.scene_serial}, {"load_seconds", state.load_seconds}};
    out["error"] = state.failure ? json{{"message", state.failure->message}, {"mark", mark_json(state.failure->mark)}}
                                 : json(nullptr);
    if (!state.scene) {
        out["scene"] = nullptr;
        return out.dump();
    }
    const Scene& scene = *state.scene;
    const FrameSize size = preview_size(scene, fixed_size);
    json steps = json::array();
    for (const auto& step : scene.steps)
        steps.push_back({{"start", step.start}, {"end", step.end}, {"description", step.description},
                         {"line", step.mark.line}});
    json sections = json::array();
    for (const auto& section : scene.sections)
        sections.push_back({{"name", section.name}, {"start", section.start}, {"end", section.end},
                            {"line", section.mark.line}});
    json warnings = json::array();
    for (const auto& w : state.warnings)
        warnings.push_back({{"message", w.message}, {"text", w.to_string()}, {"mark", mark_json(w.mark)}});
    out["scene"] = {{"file", scene.file},
                    {"name", scene.name},
                    {"duration", scene.duration},
                    {"fps", scene.settings.fps},
                    {"width", scene.settings.width},
                    {"height", scene.settings.height},
                    {"preview_width", size.width},
                    {"preview_height", size.height},
                    {"steps", steps},
                    {"sections", sections},
                    {"warnings", warnings}};
    return out.dump();
}

}  // namespace attnreel::preview
