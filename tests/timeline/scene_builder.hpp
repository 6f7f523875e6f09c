#pragma once
// Small helpers that build SceneSpecs in C++ for timeline tests, without YAML.
#include "scene/scene_spec.hpp"
#include "text/font_library.hpp"
#include "timeline/compile_scene.hpp"

#include <string>
#include <vector>

namespace attnreel::testing {

inline text::FontLibrary& fonts() {
    static text::FontLibrary library;
    return library;
}

inline ObjectSpec rectangle(const std::string& id, const Vec2& center, double w = 1, double h = 1,
                            bool filled = false) {
    ObjectSpec o;
    o.id = id;
    o.kind = RectangleSpec{w, h, 0};
    if (filled) o.style.fill = Color{1, 0, 0, 1};
    // GCC 12 at -O2 reports the other alternatives of the LayoutOp variant as "maybe
    // uninitialized" when this vector grows (all of them have initialisers): a known false
    // positive of its variant copy, silenced here only.
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wmaybe-uninitialized"
    o.layout.emplace_back(LayoutOp(MoveTo{center}), SourceMark{});
#pragma GCC diagnostic pop
    return o;
}

inline ObjectSpec group(const std::string& id, const std::vector<std::string>& children) {
    GroupSpec g;
    for (const auto& c : children) g.children.push_back(Ref{c, {}});
    ObjectSpec o;
    o.id = id;
    o.kind = g;
    return o;
}

inline AnimationSpec animation(AnimationKind kind, const std::vector<std::string>& targets, int line = 0) {
    AnimationSpec a{};
    a.kind = kind;
    a.mark = SourceMark{"test.yaml", line, 1};
    for (const auto& t : targets) a.targets.push_back(Ref{t, {}});
    return a;
}

inline StepSpec play(std::vector<AnimationSpec> animations, std::optional<double> run_time = {},
                     std::optional<double> lag_ratio = {}) {
    PlayStep p;
    p.animations = std::move(animations);
    p.run_time = run_time;
    p.lag_ratio = lag_ratio;
    return {p, {}, std::nullopt};
}

inline StepSpec wait(double seconds) { return {WaitStep{seconds}, {}, std::nullopt}; }

inline Scene compile(const SceneSpec& spec) { return compile_scene(spec, fonts()); }

// Items of a DrawList whose path is centred near `center`.
inline std::vector<DrawItem> items_at(const DrawList& list, const Vec2& center, double tolerance = 0.05) {
    std::vector<DrawItem> out;
    for (const auto& item : list.items)
        if (!item.path.empty() && (item.path.bounds().center() - center).norm() < tolerance) out.push_back(item);
    return out;
}

}  // namespace attnreel::testing
