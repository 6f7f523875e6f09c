// libFuzzer target: whatever bytes a scene file holds, loading, compiling and drawing
// frames at several times either works or raises an InputError. Any other exception, a
// crash, a sanitizer report, a hang past -timeout or memory past -rss_limit_mb is a finding.
// Built only with -DATTNREEL_FUZZ=ON and clang (see docs/limits.md, "Fuzzing").
#include "io/scene_loader.hpp"
#include "text/font_library.hpp"
#include "timeline/compile_scene.hpp"

#include <cstddef>
#include <cstdint>
#include <string>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static attnreel::text::FontLibrary fonts;  // loaded once: fonts are not what is fuzzed
    const std::string text(reinterpret_cast<const char*>(data), size);
    try {
        const attnreel::Scene scene = attnreel::compile_scene(attnreel::parse_scene(text, "fuzz.yaml"), fonts);
        for (const double t : {0.0, scene.duration * 0.25, scene.duration * 0.5, scene.duration * 0.9, scene.duration})
            attnreel::frame_at(scene, t);
    } catch (const attnreel::InputError&) {
        // A clear error for bad input is the expected outcome.
    }
    return 0;
}
