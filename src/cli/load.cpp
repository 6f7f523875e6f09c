#include "cli/load.hpp"

#include "io/scene_loader.hpp"
#include "timeline/compile_scene.hpp"

namespace attnreel::cli {

Scene load_scene(const std::string& path, text::FontLibrary& fonts) {
    return compile_scene(load_scene_file(path), fonts);
}

}  // namespace attnreel::cli
