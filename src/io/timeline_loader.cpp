#include "io/timeline_loader.hpp"

#include "io/sound_loader.hpp"
#include "io/data_loader.hpp"
#include "io/widget_loader.hpp"
#include "text/utf8.hpp"

#include <algorithm>
#include <cctype>
#include <map>
#include <optional>

namespace attnreel {

namespace {

constexpr double kMaxSeconds = 3600;

const std::vector<std::pair<std::string, AnimationKind>> kAnimations = {
    {"create", AnimationKind::Create},       {"write", AnimationKind::Write},
    {"fade_in", AnimationKind::FadeIn},      {"fade_out", AnimationKind::FadeOut},
    {"grow_arrow", AnimationKind::GrowArrow}, {"grow_from_center", AnimationKind::GrowFromCenter},
    {"transform", AnimationKind::Transform}, {"set", AnimationKind::Set},
    {"indicate", AnimationKind::Indicate},   {"select", AnimationKind::Select},
    {"focus", AnimationKind::Focus},         {"unfocus", AnimationKind::Unfocus},
    {"flow", AnimationKind::Flow},           {"move_along", AnimationKind::MoveAlong},
};

const std::vector<std::string> kTimingKeys = {"run_time", "rate_func", "lag_ratio"};
const std::vector<std::string> kSetKeys = {"color",          "fill",    "stroke", "fill_opacity", "stroke_width",
                                           "stroke_opacity", "opacity", "shift",  "move_to",      "scale",
                                           "rotate",         "fill_from"};
const std::vector<std::string> kColorKeys = {"color", "fill", "stroke"};
constexpr std::size_t kMaxMembers = 100000;

// One value, or a list per member (nested for members that have members); ~ leaves a
// member as it is. `read` reads one value.
template <typename Read>
MemberValues member_values(const YamlReader& in, const YAML::Node& node, const std::string& key, Read read) {
    MemberValues v;
    v.mark = in.mark(node);
    if (node.IsNull()) return v;
    if (!node.IsSequence()) {
        v.value = read(node);
        return v;
    }
    std::vector<MemberValues> items;
    for (const auto& item : in.list(node, key, kMaxMembers)) items.push_back(member_values(in, item, key, read));
    if (items.empty()) in.fail(node, "'" + key + "' needs a value, or one per member");
    v.value = std::move(items);
    return v;
}

FillFrom load_fill_from(const YamlReader& in, const YAML::Node& node) {
    FillFrom f;
    f.mark = in.mark(node);
    if (node.IsScalar()) {
        f.path = load_model_path(in, node, "fill_from");
        return f;
    }
    const auto& m = in.map(node, "fill_from");
    in.only_keys(m, {"path", "low", "high", "range", "mid", "mid_color", "blend"}, "fill_from");
    const YAML::Node path = in.required(m, "path", "fill_from");
    f.path = load_model_path(in, path, "path");
    f.mark = in.mark(path);
    f.scale = load_color_scale(in, m);
    return f;
}

// set's properties, from the animation map or from the map given as set's value.
void load_set(const YamlReader& in, const YAML::Node& node, const YAML::Node& name_node, AnimationSpec& a) {
    StyleSpec& s = a.set.style;
    for (const std::string key : {"color", "fill", "stroke", "fill_opacity", "stroke_width", "stroke_opacity",
                                  "opacity"}) {
        const YAML::Node v = node[key];
        if (!v) continue;
        const bool is_color = std::find(kColorKeys.begin(), kColorKeys.end(), key) != kColorKeys.end();
        const double max = key == "stroke_width" ? 200 : 1;
        if (v.IsSequence()) {
            if (is_color) a.set.members.emplace_back(key, member_values(in, v, key, [&](const YAML::Node& n) {
                return in.color(n, key); }));
            else a.set.members.emplace_back(key, member_values(in, v, key, [&](const YAML::Node& n) {
                return in.number(n, key, 0, max); }));
            continue;
        }
        if (key == "color") s.color = in.color(v, key);
        else if (key == "fill") s.fill = in.color(v, key);
        else if (key == "stroke") s.stroke = in.color(v, key);
        else if (key == "fill_opacity") s.fill_opacity = in.number(v, key, 0, 1);
        else if (key == "stroke_width") s.stroke_width = in.number(v, key, 0, 200);
        else if (key == "stroke_opacity") s.stroke_opacity = in.number(v, key, 0, 1);
        else s.opacity = in.number(v, key, 0, 1);
    }
    if (node["shift"]) a.set.shift = in.point(node["shift"], "shift");
    if (node["move_to"]) a.set.move_to = in.point_or_ref(node["move_to"], "move_to");
    if (node["scale"]) a.set.scale = in.number(node["scale"], "scale", 1e-3, 1000);
    if (node["rotate"]) a.set.rotate = load_rotate(in, node["rotate"]);
    if (node["fill_from"]) {
        if (node["fill"] || node["color"])
            in.fail(in.key_node(node, "fill_from"), "set takes 'fill_from' or a fill colour ('fill', 'color'), not both");
        a.set.fill_from = load_fill_from(in, node["fill_from"]);
    }
    bool changes = false;
    for (const auto& key : kSetKeys) changes = changes || node[key];
    if (!changes)
        in.fail(name_node, "set needs at least one property to change: color, fill, stroke, fill_opacity, stroke_width, "
                           "stroke_opacity, opacity, shift, move_to, scale, rotate or fill_from");
}

// The keys an animation of `kind` accepts besides its own name and timing.
std::vector<std::string> options_of(AnimationKind kind) {
    switch (kind) {
    case AnimationKind::FadeIn:
    case AnimationKind::FadeOut: return {"shift"};
    case AnimationKind::Transform: return {"to"};
    case AnimationKind::Set: return kSetKeys;
    case AnimationKind::Indicate: return {"scale_factor", "color"};
    case AnimationKind::Select: return {"head", "layer", "source", "dim"};
    case AnimationKind::Focus: return {"dim", "within"};
    case AnimationKind::Flow: return {"particles", "speed", "size", "color", "weight", "reverse"};
    case AnimationKind::MoveAlong: return {"path"};
    default: return {};
    }
}

std::vector<std::string> with_target(std::vector<std::string> keys) {
    keys.insert(keys.begin(), "target");
    return keys;
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
    std::optional<YAML::Node> set_map;  // set's own map, in the {set: {target, …}} form
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
        // set: {target: grid, fill: [[…]]} holds its target and properties in one map.
        if (a.kind == AnimationKind::Set && kv.second.IsMap()) {
            set_map = kv.second;
            in.only_keys(*set_map, with_target(kSetKeys), "set");
            a.targets = in.refs(in.required(*set_map, "target", "set"), "target");
        } else if (a.kind == AnimationKind::Unfocus && kv.second.IsNull()) {
            // unfocus: ~ brings back everything focus dimmed.
        } else if (a.kind == AnimationKind::MoveAlong && kv.second.IsMap()) {
            // move_along: {object: dot, path: arrows[2]}
            in.only_keys(kv.second, {"object", "path"}, "move_along");
            a.targets = in.refs(in.required(kv.second, "object", "move_along"), "object");
            a.along = in.ref(in.required(kv.second, "path", "move_along"), "path");
        } else {
            a.targets = in.refs(kv.second, key);
        }
    }
    if (!found) {
        // The first unknown key is most likely a misspelt animation.
        for (const auto& kv : node) {
            const std::string& key = kv.first.Scalar();
            if (std::find(kTimingKeys.begin(), kTimingKeys.end(), key) == kTimingKeys.end())
                in.fail(kv.first, "unknown animation " + text::quoted(key) + did_you_mean(key, names));
        }
        in.fail(node, "this play entry has no animation; use one of: create, write, fade_in, fade_out, grow_arrow, "
                      "grow_from_center, transform, set, indicate, select, focus, unfocus, flow, move_along");
    }
    const std::string name = name_node.Scalar();
    std::vector<std::string> allowed = options_of(a.kind);
    allowed.push_back(name);
    allowed.insert(allowed.end(), kTimingKeys.begin(), kTimingKeys.end());
    in.only_keys(node, allowed, "a " + name + " animation");
    load_timing(in, node, a.run_time, a.run_time_narration, a.rate, a.lag_ratio);

    if (node["shift"] && a.kind != AnimationKind::Set) a.shift = in.point(node["shift"], "shift");
    if (a.kind == AnimationKind::Transform) a.transform_to = in.ref(in.required(node, "to", "transform"), "to");
    // select: a thumbnail of a head grid or layer stack (`head: H`, `layer: L`), or a token
    // of a graph or network whose connections stay lit (`source`, `dim`).
    if (a.kind == AnimationKind::Select && (node["head"] || node["layer"])) {
        if (node["head"] && node["layer"]) in.fail(node, "select takes 'head' (a head grid) or 'layer' (a layer stack), not both");
        for (const char* key : {"source", "dim"})
            if (node[key])
                in.fail(in.key_node(node, key), std::string("'") + key + "' selects a token of a graph; 'head' and "
                                                "'layer' select a thumbnail of a head grid or layer stack");
        a.select_what = node["head"] ? "head" : "layer";
        a.select_index = in.integer(node[a.select_what], a.select_what, 0, 100000);
    }
    if (a.kind == AnimationKind::Focus) {
        if (node["dim"]) a.dim = in.number(node["dim"], "dim", 0, 1);
        if (node["within"]) a.within = in.ref(node["within"], "within");
    }
    if (a.kind == AnimationKind::Indicate) {
        if (node["scale_factor"]) a.scale_factor = in.number(node["scale_factor"], "scale_factor", 0.01, 100);
        if (node["color"]) a.color = in.color(node["color"], "color");
    }
    if (a.kind == AnimationKind::Select && a.select_what.empty()) {
        if (const YAML::Node source = node["source"]) {
            a.select.source_mark = in.mark(source);
            const std::string s = in.string(source, "source");
            if (s != "all") a.select.source = s;
        }
        if (node["dim"]) a.select.dim = in.number(node["dim"], "dim", 0, 1);
    }
    if (a.kind == AnimationKind::Flow) {
        FlowSpec& f = a.flow;
        if (node["particles"]) f.particles = in.number(node["particles"], "particles", 0.1, 100);
        if (node["speed"]) f.speed = in.number(node["speed"], "speed", 0.01, 100);
        if (node["size"]) f.size = in.number(node["size"], "size", 0.005, 2);
        if (node["color"]) f.color = in.color(node["color"], "color");
        if (node["weight"]) f.weight = in.number(node["weight"], "weight", 0, 1);
        if (node["reverse"]) f.reverse = in.boolean(node["reverse"], "reverse");
    }
    if (a.kind == AnimationKind::MoveAlong) {
        if (node["path"]) {
            if (a.along) in.fail(in.key_node(node, "path"), "move_along has its path already, inside {object, path}");
            a.along = in.ref(node["path"], "path");
        }
        if (!a.along)
            in.fail(name_node, "move_along needs a path: {move_along: dot, path: arrows[2]} (an arrow, a line, a "
                               "graph's line or any path)");
        if (a.targets.size() != 1)
            in.fail(name_node, "move_along moves one object; give the others their own move_along");
    }
    if (a.kind == AnimationKind::Set) {
        if (set_map) {
            for (const auto& key : kSetKeys)
                if (node[key])
                    in.fail(in.key_node(node, key), "'" + key + "' goes inside set's map, beside 'target', "
                                                    "or write set: id with the properties beside it");
            load_set(in, *set_map, name_node, a);
        } else {
            load_set(in, node, name_node, a);
        }
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
        // Checked in one pass (std::regex recurses per character and overflows on long names).
        const auto allowed = [](unsigned char c) { return std::isalnum(c) || c == '_' || c == '-'; };
        if (text.empty() || text.size() > 200 || !std::all_of(text.begin(), text.end(), allowed))
            in.fail(name, "invalid section name '" + (text.size() > 200 ? text.substr(0, 200) + "…" : text) +
                              "': use 1 to 200 letters, digits, '_' and '-' (it goes into file names)");
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
