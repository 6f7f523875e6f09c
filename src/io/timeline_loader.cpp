#include "io/timeline_loader.hpp"

#include "io/sound_loader.hpp"

#include <algorithm>
#include <map>
#include <regex>

namespace attnreel {

namespace {

constexpr double kMaxSeconds = 3600;

const std::vector<std::pair<std::string, AnimationKind>> kAnimations = {
    {"create", AnimationKind::Create},       {"write", AnimationKind::Write},
    {"fade_in", AnimationKind::FadeIn},      {"fade_out", AnimationKind::FadeOut},
    {"grow_arrow", AnimationKind::GrowArrow}, {"grow_from_center", AnimationKind::GrowFromCenter},
    {"transform", AnimationKind::Transform}, {"set", AnimationKind::Set},
    {"indicate", AnimationKind::Indicate},
};

const std::vector<std::string> kTimingKeys = {"run_time", "rate_func", "lag_ratio"};
const std::vector<std::string> kSetKeys = {"color",          "fill",    "stroke", "fill_opacity", "stroke_width",
                                           "stroke_opacity", "opacity", "shift",  "move_to",      "scale"};

// The keys an animation of `kind` accepts besides its own name and timing.
std::vector<std::string> options_of(AnimationKind kind) {
    switch (kind) {
    case AnimationKind::FadeIn:
    case AnimationKind::FadeOut: return {"shift"};
    case AnimationKind::Transform: return {"to"};
    case AnimationKind::Set: return kSetKeys;
    case AnimationKind::Indicate: return {"scale_factor", "color"};
    default: return {};
    }
}

// `run_time: narration` sets `narration` instead of a number.
void load_timing(const YamlReader& in, const YAML::Node& m, std::optional<double>& run_time, bool& narration,
                 std::optional<RateFunction>& rate, std::optional<double>& lag) {
    if (const YAML::Node r = m["run_time"]) {
        if (r.IsScalar() && r.Scalar() == "narration") narration = true;
        else run_time = in.number(r, "run_time", 0.001, kMaxSeconds);
    }
    if (m["rate_func"]) rate = in.rate_function(m["rate_func"]);
    if (m["lag_ratio"]) lag = in.number(m["lag_ratio"], "lag_ratio", 0, 10);
}

AnimationSpec load_animation(const YamlReader& in, const YAML::Node& node) {
    if (!node.IsMap())
        in.fail(node, "expected an animation such as {create: id}, found " +
                          std::string(node.IsScalar() ? "'" + node.Scalar() + "'" : "something else"));
    std::vector<std::string> names;
    for (const auto& [n, k] : kAnimations) names.push_back(n);

    YAML::Node name_node;  // the animation's key, for marks
    bool found = false;
    AnimationSpec a{};
    for (const auto& kv : node) {
        if (!kv.first.IsScalar()) in.fail(kv.first, "keys in an animation must be words");
        const std::string& key = kv.first.Scalar();
        const auto it = std::find_if(kAnimations.begin(), kAnimations.end(), [&](const auto& p) { return p.first == key; });
        if (it == kAnimations.end()) continue;
        if (found) in.fail(kv.first, "one animation per entry: put '" + key + "' in its own {…} in the play list");
        name_node = kv.first;
        found = true;
        a.kind = it->second;
        a.mark = in.mark(kv.first);
        a.targets = in.refs(kv.second, key);
    }
    if (!found) {
        // The first unknown key is most likely a misspelt animation.
        for (const auto& kv : node) {
            const std::string& key = kv.first.Scalar();
            if (std::find(kTimingKeys.begin(), kTimingKeys.end(), key) == kTimingKeys.end())
                in.fail(kv.first, "unknown animation '" + key + "'" + did_you_mean(key, names));
        }
        in.fail(node, "this play entry has no animation; use one of: create, write, fade_in, fade_out, grow_arrow, "
                      "grow_from_center, transform, set, indicate");
    }
    const std::string name = name_node.Scalar();
    std::vector<std::string> allowed = options_of(a.kind);
    allowed.push_back(name);
    allowed.insert(allowed.end(), kTimingKeys.begin(), kTimingKeys.end());
    in.only_keys(node, allowed, "a " + name + " animation");
    load_timing(in, node, a.run_time, a.run_time_narration, a.rate, a.lag_ratio);

    if (node["shift"]) {
        if (a.kind == AnimationKind::Set) a.set.shift = in.point(node["shift"], "shift");
        else a.shift = in.point(node["shift"], "shift");
    }
    if (a.kind == AnimationKind::Transform) a.transform_to = in.ref(in.required(node, "to", "transform"), "to");
    if (a.kind == AnimationKind::Indicate) {
        if (node["scale_factor"]) a.scale_factor = in.number(node["scale_factor"], "scale_factor", 0.01, 100);
        if (node["color"]) a.color = in.color(node["color"], "color");
    }
    if (a.kind == AnimationKind::Set) {
        StyleSpec& s = a.set.style;
        if (node["color"]) s.color = in.color(node["color"], "color");
        if (node["fill"]) s.fill = in.color(node["fill"], "fill");
        if (node["stroke"]) s.stroke = in.color(node["stroke"], "stroke");
        if (node["fill_opacity"]) s.fill_opacity = in.number(node["fill_opacity"], "fill_opacity", 0, 1);
        if (node["stroke_width"]) s.stroke_width = in.number(node["stroke_width"], "stroke_width", 0, 200);
        if (node["stroke_opacity"]) s.stroke_opacity = in.number(node["stroke_opacity"], "stroke_opacity", 0, 1);
        if (node["opacity"]) s.opacity = in.number(node["opacity"], "opacity", 0, 1);
        if (node["move_to"]) a.set.move_to = in.point_or_ref(node["move_to"], "move_to");
        if (node["scale"]) a.set.scale = in.number(node["scale"], "scale", 1e-3, 1000);
        if (node.size() == std::size_t{1} + (a.run_time || a.run_time_narration ? 1 : 0) + (a.rate ? 1 : 0) +
                               (a.lag_ratio ? 1 : 0))
            in.fail(name_node, "set needs at least one property to change: " + std::string("color, fill, stroke, "
                                "fill_opacity, stroke_width, stroke_opacity, opacity, shift, move_to or scale"));
    }
    return a;
}

StepSpec load_step(const YamlReader& in, const YAML::Node& node, const std::string& scene_dir) {
    if (!node.IsMap()) in.fail(node, "expected a timeline step such as {play: …} or {wait: 1}");
    static const std::vector<std::string> kinds = {"play", "wait", "add", "remove", "section"};
    std::string kind;
    for (const auto& kv : node) {
        const std::string key = kv.first.IsScalar() ? kv.first.Scalar() : "";
        if (std::find(kinds.begin(), kinds.end(), key) == kinds.end()) continue;
        if (!kind.empty()) in.fail(kv.first, "a step is one of play, wait, add, remove or section; this one has '" + kind +
                                                 "' and '" + key + "'");
        kind = key;
    }
    if (kind.empty() && node["say"]) {  // a step that only speaks lasts as long as its speech
        in.only_keys(node, {"say"}, "a say step");
        return {WaitStep{0, true}, in.mark(node), load_say(in, node["say"], scene_dir)};
    }
    if (kind.empty()) {
        std::vector<std::string> allowed = kinds;
        allowed.insert(allowed.end(), kTimingKeys.begin(), kTimingKeys.end());
        allowed.push_back("say");
        in.only_keys(node, allowed, "a timeline step");
        in.fail(node, "a timeline step needs one of play, wait, add, remove or section");
    }
    StepSpec step{WaitStep{}, in.mark(node), std::nullopt};
    if (node["say"]) step.say = load_say(in, node["say"], scene_dir);
    if (kind == "wait") {
        in.only_keys(node, {"wait", "say"}, "a wait step");
        const YAML::Node w = node["wait"];
        if (w.IsScalar() && w.Scalar() == "narration") {
            if (!step.say)
                in.fail(w, "'wait: narration' lasts as long as the step's speech; add a 'say:' to this step");
            step.step = WaitStep{0, true};
        } else {
            step.step = WaitStep{in.number(w, "wait", 0, kMaxSeconds)};
        }
    } else if (kind == "section") {
        in.only_keys(node, {"section"}, "a section step");
        const YAML::Node name = node["section"];
        const std::string text = in.string(name, "section");
        static const std::regex valid("[A-Za-z0-9_-]+");
        if (!std::regex_match(text, valid))
            in.fail(name, "invalid section name '" + text + "': use letters, digits, '_' and '-' (it goes into file names)");
        step.step = SectionStep{text, in.mark(name)};
    } else if (kind == "add" || kind == "remove") {
        in.only_keys(node, {kind, "say"}, "an " + kind + " step");
        const auto targets = in.refs(node[kind], kind);
        if (kind == "add") step.step = AddStep{targets};
        else step.step = RemoveStep{targets};
    } else {
        std::vector<std::string> allowed = kTimingKeys;
        allowed.push_back("play");
        allowed.push_back("say");
        in.only_keys(node, allowed, "a play step");
        PlayStep play;
        load_timing(in, node, play.run_time, play.run_time_narration, play.rate, play.lag_ratio);
        const YAML::Node p = node["play"];
        if (p.IsSequence()) {
            if (p.size() == 0) in.fail(p, "play needs at least one animation");
            for (const auto& a : in.list(p, "play", 10000)) play.animations.push_back(load_animation(in, a));
        } else {
            play.animations.push_back(load_animation(in, p));
        }
        const bool narrated = play.run_time_narration ||
                              std::any_of(play.animations.begin(), play.animations.end(),
                                          [](const AnimationSpec& a) { return a.run_time_narration; });
        if (narrated && !step.say)
            in.fail(node["run_time"] ? node["run_time"] : node,
                    "'run_time: narration' lasts as long as the step's speech; add a 'say:' to this step");
        step.step = std::move(play);
    }
    return step;
}

}  // namespace

const std::vector<std::string>& animation_names() {
    static const std::vector<std::string> names = [] {
        std::vector<std::string> v;
        for (const auto& [n, k] : kAnimations) v.push_back(n);
        return v;
    }();
    return names;
}

std::vector<StepSpec> load_timeline(const YamlReader& in, const YAML::Node& list, const std::string& scene_dir) {
    std::vector<StepSpec> out;
    std::map<std::string, int> section_lines;
    for (const auto& node : in.list(list, "timeline", 100000)) {
        out.push_back(load_step(in, node, scene_dir));
        if (const auto* section = std::get_if<SectionStep>(&out.back().step)) {
            const auto [it, added] = section_lines.emplace(section->name, section->mark.line);
            if (!added)
                in.fail(node["section"], "duplicate section '" + section->name + "' (first at line " +
                                             std::to_string(it->second) + ")");
        }
    }
    return out;
}

}  // namespace attnreel
