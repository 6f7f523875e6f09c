#include "cli/load.hpp"

#include "cli/args.hpp"
#include "io/scene_loader.hpp"
#include "timeline/compile_scene.hpp"

namespace attnreel::cli {

Scene load_scene(const std::string& path, text::FontLibrary& fonts, std::vector<std::string>* inputs) {
    SceneSpec spec = load_scene_file(path);
    if (inputs) {
        inputs->push_back(path);
        for (const auto& font : spec.settings.fonts) inputs->push_back(font.path);
        for (const auto& model : spec.data.models)
            if (!model.weights_file.empty()) inputs->push_back(model.weights_file);
    }
    return compile_scene(spec, fonts);
}

void refuse_to_overwrite(const std::filesystem::path& output, const std::vector<std::string>& inputs) {
    for (const auto& input : inputs) {
        std::error_code error;  // an output that does not exist yet replaces nothing
        if (std::filesystem::equivalent(output, input, error))
            throw UsageError("refusing to write '" + output.string() + "': it is '" + input +
                             "', which the scene reads; choose another output name");
    }
}

}  // namespace attnreel::cli
