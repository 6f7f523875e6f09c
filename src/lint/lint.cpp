#include "lint/lint.hpp"

#include "lint/checks.hpp"

#include <algorithm>
#include <tuple>

namespace attnreel::lint {

std::string Warning::to_string() const {
    const std::string where = mark.to_string();
    return where.empty() ? message : where + ": " + message;
}

std::vector<Warning> lint_scene(const SceneSpec& spec, const Scene& scene, text::FontLibrary& fonts) {
    std::vector<Warning> warnings;
    const std::vector<SettledFrame> frames = settled_frames(scene);
    check_outside_frame(scene, frames, warnings);
    check_text_overlap(scene, frames, warnings);
    check_never_shown(spec, scene, warnings);
    check_weight_rows(spec, warnings);
    check_text_content(spec, fonts, warnings);
    std::stable_sort(warnings.begin(), warnings.end(), [](const Warning& a, const Warning& b) {
        return std::tie(a.mark.line, a.mark.column) < std::tie(b.mark.line, b.mark.column);
    });
    return warnings;
}

}  // namespace attnreel::lint
