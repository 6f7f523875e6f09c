#include "io/object_loader.hpp"

#include "io/chart_loader.hpp"
#include "io/connection_loader.hpp"
#include "io/data_loader.hpp"
#include "io/head_grid_loader.hpp"
#include "io/matrix_loader.hpp"
#include "io/panel_loader.hpp"
#include "io/repeat.hpp"
#include "io/text_placeholders.hpp"
#include "io/widget_loader.hpp"
#include "io/yaml_escapes.hpp"
#include "math/tex_parser.hpp"
#include "text/utf8.hpp"

#include <algorithm>
#include <limits>
#include <set>
#include <string_view>

namespace attnreel {

constexpr std::size_t kMaxTokens = 512;

namespace {

constexpr double kMaxLength = 1000;  // scene units; the frame is 8 high

const std::vector<std::string> kKinds = {"rectangle", "circle",    "dot",              "line",   "arrow",
                                         "path",      "bezier",    "text",             "math",   "group",
                                         "token_row", "attention_arrows", "heatmap", "surround",
                                         "bar_chart", "softmax_bars", "line_chart", "panel", "callout", "note",
                                         "vector", "embedding", "matrix", "head_grid", "layer_stack",
                                         "attention_graph", "attention_network"};
const std::vector<std::string> kStyleKeys = {"color",          "fill",    "fill_opacity", "stroke",
                                             "stroke_width",   "stroke_opacity", "opacity", "z"};
const std::vector<std::string> kLayoutKeys = {"move_to", "shift", "next_to", "to_edge",
                                              "to_corner", "arrange", "align_to", "scale", "rotate", "in", "at"};
const std::vector<std::string> kFontKeys = {"font_size", "font"};  // text and math
const std::vector<std::string> kTextKeys = {"width", "align", "line_spacing", "font_features"};
const std::vector<std::string> kMathKeys = {"display", "colors", "parts"};

std::vector<std::string> entry_keys() {
    std::vector<std::string> keys = {"id", "repeat"};
    for (const auto* list : {&kKinds, &kStyleKeys, &kLayoutKeys, &kFontKeys, &kTextKeys, &kMathKeys})
        keys.insert(keys.end(), list->begin(), list->end());
    return keys;
}

// [A-Za-z_][A-Za-z0-9_-]*, checked in one pass (std::regex recurses once per character).
bool is_valid_id(std::string_view id) {
    const auto letter = [](char c) { return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '_'; };
    if (id.empty() || !letter(id[0])) return false;
    return std::all_of(id.begin() + 1, id.end(),
                       [&](char c) { return letter(c) || (c >= '0' && c <= '9') || c == '-'; });
}

double length(const YamlReader& in, const YAML::Node& n, const std::string& what, double min = 0) {
    return in.number(n, what, min, kMaxLength);
}

RectangleSpec load_rectangle(const YamlReader& in, const YAML::Node& node) {
    const auto& m = in.map(node, "rectangle");
    in.only_keys(m, {"width", "height", "corner_radius"}, "rectangle");
    RectangleSpec r;
    if (m["width"]) r.width = length(in, m["width"], "width", 1e-3);
    if (m["height"]) r.height = length(in, m["height"], "height", 1e-3);
    if (m["corner_radius"]) r.corner_radius = length(in, m["corner_radius"], "corner_radius");
    return r;
}

template <typename Spec>
Spec load_round(const YamlReader& in, const YAML::Node& node, const std::string& kind) {
    const auto& m = in.map(node, kind);
    in.only_keys(m, {"radius"}, kind);
    Spec s;
    if (m["radius"]) s.radius = length(in, m["radius"], "radius", 1e-3);
    return s;
}

LineSpec load_line(const YamlReader& in, const YAML::Node& node) {
    const auto& m = in.map(node, "line");
    in.only_keys(m, {"from", "to", "buff"}, "line");
    LineSpec l{in.point_or_ref(in.required(m, "from", "line"), "from"), in.point_or_ref(in.required(m, "to", "line"), "to")};
    if (m["buff"]) l.buff = length(in, m["buff"], "buff");
    return l;
}

ArrowSpec load_arrow(const YamlReader& in, const YAML::Node& node) {
    const auto& m = in.map(node, "arrow");
    in.only_keys(m, {"from", "to", "buff", "arc", "tip_length", "tip_width"}, "arrow");
    ArrowSpec a;
    a.from = in.point_or_ref(in.required(m, "from", "arrow"), "from");
    a.to = in.point_or_ref(in.required(m, "to", "arrow"), "to");
    if (m["buff"]) a.buff = length(in, m["buff"], "buff");
    if (m["arc"]) a.arc_degrees = in.number(m["arc"], "arc", -300, 300);
    if (m["tip_length"]) a.tip_length = length(in, m["tip_length"], "tip_length", 1e-3);
    if (m["tip_width"]) a.tip_width = length(in, m["tip_width"], "tip_width", 1e-3);
    return a;
}

PathSpec load_path(const YamlReader& in, const YAML::Node& node) {
    const auto& m = in.map(node, "path");
    in.only_keys(m, {"points", "closed", "smooth"}, "path");
    PathSpec p;
    p.points = in.points(in.required(m, "points", "path"), "points", 2);
    if (m["closed"]) p.closed = in.boolean(m["closed"], "closed");
    if (m["smooth"]) p.smooth = in.boolean(m["smooth"], "smooth");
    return p;
}

BezierSpec load_bezier(const YamlReader& in, const YAML::Node& node) {
    const auto& m = in.map(node, "bezier");
    in.only_keys(m, {"points", "closed"}, "bezier");
    BezierSpec b;
    const YAML::Node pts = in.required(m, "points", "bezier");
    b.points = in.points(pts, "points", 4);
    if ((b.points.size() - 1) % 3 != 0)
        in.fail(pts, "a bezier needs 3n + 1 points (start, then two controls and an end per curve), found " +
                         std::to_string(b.points.size()));
    if (m["closed"]) b.closed = in.boolean(m["closed"], "closed");
    return b;
}

// surround: id, or {target, buff, corner_radius}.
SurroundSpec load_surround(const YamlReader& in, const YAML::Node& node) {
    if (node.IsScalar()) return {in.ref(node, "surround")};
    const auto& m = in.map(node, "surround");
    in.only_keys(m, {"target", "buff", "corner_radius"}, "surround");
    SurroundSpec s{in.ref(in.required(m, "target", "surround"), "target")};
    if (m["buff"]) s.buff = length(in, m["buff"], "buff");
    if (m["corner_radius"]) s.corner_radius = length(in, m["corner_radius"], "corner_radius");
    return s;
}

GroupSpec load_group(const YamlReader& in, const YAML::Node& node) {
    GroupSpec g;
    for (const auto& child : in.list(node, "group", 100000)) g.children.push_back(in.ref(child, "group"));
    return g;
}

StyleSpec load_style(const YamlReader& in, const YAML::Node& entry) {
    StyleSpec s;
    if (entry["color"]) s.color = in.color(entry["color"], "color");
    if (entry["fill"]) s.fill = in.color(entry["fill"], "fill");
    if (entry["stroke"]) s.stroke = in.color(entry["stroke"], "stroke");
    if (entry["fill_opacity"]) s.fill_opacity = in.number(entry["fill_opacity"], "fill_opacity", 0, 1);
    if (entry["stroke_width"]) s.stroke_width = in.number(entry["stroke_width"], "stroke_width", 0, 200);
    if (entry["stroke_opacity"]) s.stroke_opacity = in.number(entry["stroke_opacity"], "stroke_opacity", 0, 1);
    if (entry["opacity"]) s.opacity = in.number(entry["opacity"], "opacity", 0, 1);
    if (entry["z"]) s.z = in.integer(entry["z"], "z", -1000, 1000);
    return s;
}

// next_to: id, or {target, direction, buff}.
NextTo load_next_to(const YamlReader& in, const YAML::Node& node) {
    if (node.IsScalar()) return {in.ref(node, "next_to")};
    const auto& m = in.map(node, "next_to");
    in.only_keys(m, {"target", "direction", "buff"}, "next_to");
    NextTo n{in.ref(in.required(m, "target", "next_to"), "target")};
    if (m["direction"]) n.direction = in.direction(m["direction"], "direction");
    if (m["buff"]) n.buff = length(in, m["buff"], "buff");
    return n;
}

// to_edge / to_corner: a direction, or {edge|corner: direction, buff}.
template <typename Op>
Op load_edge(const YamlReader& in, const YAML::Node& node, const std::string& key, const std::string& inner) {
    Op op;
    if (!node.IsMap()) {
        op.direction = in.direction(node, key);
        return op;
    }
    in.only_keys(node, {inner, "buff"}, key);
    op.direction = in.direction(in.required(node, inner, key), inner);
    if (node["buff"]) op.buff = length(in, node["buff"], "buff");
    return op;
}

Arrange load_arrange(const YamlReader& in, const YAML::Node& node) {
    Arrange a;
    if (!node.IsMap()) {
        a.direction = in.direction(node, "arrange");
        return a;
    }
    in.only_keys(node, {"direction", "buff", "align"}, "arrange");
    if (node["direction"]) a.direction = in.direction(node["direction"], "direction");
    if (node["buff"]) a.buff = length(in, node["buff"], "buff");
    if (node["align"]) {
        const std::vector<std::string> aligns = {"center", "top", "bottom", "left", "right"};
        a.align = in.string(node["align"], "align");
        if (std::find(aligns.begin(), aligns.end(), a.align) == aligns.end())
            in.fail(node["align"], "unknown alignment " + text::quoted(a.align) + did_you_mean(a.align, aligns));
    }
    return a;
}

AlignTo load_align_to(const YamlReader& in, const YAML::Node& node) {
    const auto& m = in.map(node, "align_to");
    in.only_keys(m, {"target", "edge"}, "align_to");
    return {in.ref(in.required(m, "target", "align_to"), "target"), in.direction(in.required(m, "edge", "align_to"), "edge")};
}

LayoutOp load_layout(const YamlReader& in, const std::string& key, const YAML::Node& v) {
    if (key == "move_to") return MoveTo{in.point_or_ref(v, key)};
    if (key == "shift") return Shift{in.point(v, key)};
    if (key == "next_to") return load_next_to(in, v);
    if (key == "to_edge") return load_edge<ToEdge>(in, v, key, "edge");
    if (key == "to_corner") {
        ToCorner c = load_edge<ToCorner>(in, v, key, "corner");
        if (c.direction.x() == 0 || c.direction.y() == 0)
            in.fail(v, "to_corner needs a corner: ul, ur, dl or dr");
        return c;
    }
    if (key == "arrange") return load_arrange(in, v);
    if (key == "align_to") return load_align_to(in, v);
    if (key == "rotate") return load_rotate(in, v);
    return ScaleBy{in.number(v, "scale", 1e-3, 1000)};
}

text::Align load_text_align(const YamlReader& in, const YAML::Node& node) {
    const std::string name = in.string(node, "align");
    if (name == "left") return text::Align::Left;
    if (name == "center") return text::Align::Center;
    if (name == "right") return text::Align::Right;
    // Words from other tools that mean one of ours, which edit distance would not find.
    static const std::vector<std::pair<std::string, std::string>> synonyms = {
        {"middle", "center"}, {"centre", "center"}, {"centered", "center"}, {"start", "left"}, {"end", "right"}};
    std::string hint = did_you_mean(name, {"left", "center", "right"});
    for (const auto& [word, meaning] : synonyms)
        if (word == name) hint = "; did you mean '" + meaning + "'?";
    in.fail(node, "unknown alignment " + text::quoted(name) + " for text" + hint + " (expected left, center or right)");
}

// The text itself (markup, whose errors point into the scalar) and its entry-level keys.
TextSpec load_text(const YamlReader& in, const YAML::Node& v, const YAML::Node& entry) {
    TextSpec t;
    t.mark = in.mark(v);
    const std::string source = in.string(v, "text");
    try {
        t.content = text::parse_markup(source);
    } catch (const text::MarkupError& e) {
        throw InputError(in.mark_at(v, e.offset()), e.what());
    }
    load_text_values(in, v, source, t);
    if (entry["font_size"]) t.font_size = in.number(entry["font_size"], "font_size", 1, 1000);
    if (entry["font"]) t.font = in.font(entry["font"], "font");
    if (entry["width"]) t.width = length(in, entry["width"], "width", 1e-3);
    if (entry["align"]) t.align = load_text_align(in, entry["align"]);
    if (entry["line_spacing"]) t.line_spacing = in.number(entry["line_spacing"], "line_spacing", 0.5, 5);
    if (entry["font_features"]) t.font_features = load_font_features(in, entry["font_features"]);
    return t;
}

// A formula, parsed now so that `check` finds its syntax errors.
MathSpec load_math(const YamlReader& in, const YAML::Node& v, const YAML::Node& entry) {
    MathSpec m;
    m.mark = in.mark(v);
    m.tex = in.string(v, "math");
    try {
        m.formula = math::parse_tex(m.tex);
    } catch (const math::TexError& e) {
        // "\frac" in double quotes arrives as a form feed and "rac": say so.
        std::string message = e.what();
        if (const auto escaped = find_escaped_character_in_formula(m.tex))
            message += "; " + single_quote_advice(*escaped, "formulas");
        throw InputError(in.mark_at(v, e.offset()), message);
    }
    if (entry["font_size"]) m.font_size = in.number(entry["font_size"], "font_size", 1, 1000);
    if (entry["font"]) m.font = in.font(entry["font"], "font");
    if (entry["display"]) m.display = in.boolean(entry["display"], "display");
    // A part is a formula of its own ("\sqrt{d_k}"), not any run of characters ("c}{d").
    const auto require_formula = [&](const YAML::Node& node, const std::string& tex, const std::string& what) {
        try {
            math::parse_tex(tex);
        } catch (const math::TexError& e) {
            throw InputError(in.mark_at(node, e.offset()), what + " is not a formula of its own: " + e.what());
        }
    };
    if (const YAML::Node parts = entry["parts"]) {
        for (const auto& kv : in.map(parts, "parts")) {
            const std::string name = in.string(kv.first, "a part name");
            const std::string tex = in.string(kv.second, "part '" + name + "'");
            require_formula(kv.second, tex, "part '" + name + "'");
            m.parts.push_back({name, tex, in.mark(kv.first)});
        }
    }
    if (const YAML::Node colors = entry["colors"]) {
        for (const auto& kv : in.map(colors, "colors")) {
            const std::string key = in.string(kv.first, "a part or TeX text");
            const bool names_part =
                std::any_of(m.parts.begin(), m.parts.end(), [&](const FormulaPart& p) { return p.name == key; });
            if (!names_part) require_formula(kv.first, key, "'" + key + "'");
            m.colors.push_back({key, in.color(kv.second, "colour"), in.mark(kv.first)});
        }
    }
    return m;
}

ObjectKindSpec load_kind(const YamlReader& in, const std::string& kind, const YAML::Node& v, const YAML::Node& entry,
                         const DataSpec& data) {
    if (kind == "rectangle") return load_rectangle(in, v);
    if (kind == "circle") return load_round<CircleSpec>(in, v, kind);
    if (kind == "dot") return load_round<DotSpec>(in, v, kind);
    if (kind == "line") return load_line(in, v);
    if (kind == "arrow") return load_arrow(in, v);
    if (kind == "path") return load_path(in, v);
    if (kind == "bezier") return load_bezier(in, v);
    if (kind == "group") return load_group(in, v);
    if (kind == "token_row") return load_token_row(in, v, data);
    if (kind == "attention_arrows") return load_attention_arrows(in, v);
    if (kind == "heatmap") return load_heatmap(in, v, data);
    if (kind == "bar_chart") return load_bar_chart(in, v, data);
    if (kind == "softmax_bars") return load_softmax_bars(in, v, data);
    if (kind == "line_chart") return load_line_chart(in, v, data);
    if (kind == "panel") return load_panel(in, v);
    if (kind == "callout") return load_callout(in, v);
    if (kind == "note") return load_note(in, v);
    if (kind == "vector") return load_vector(in, v);
    if (kind == "embedding") return load_embedding(in, v, data);
    if (kind == "matrix") return load_matrix(in, v, data);
    if (kind == "head_grid") return load_head_grid(in, v, false);
    if (kind == "layer_stack") return load_head_grid(in, v, true);
    if (kind == "surround") return load_surround(in, v);
    if (kind == "attention_graph") return load_attention_graph(in, v, data);
    if (kind == "attention_network") return load_attention_network(in, v, data);
    if (kind == "math") return load_math(in, v, entry);
    return load_text(in, v, entry);
}

ObjectSpec load_object(const YamlReader& in, const YAML::Node& entry, const DataSpec& data) {
    if (!entry.IsMap()) in.fail(entry, "expected an object entry (a map with 'id' and a kind such as 'text:')");
    static const std::vector<std::string> keys = entry_keys();
    in.only_keys(entry, keys, "an object");
    ObjectSpec o;
    o.mark = in.mark(entry);
    const YAML::Node id = in.required(entry, "id", "an object");
    o.id = in.string(id, "id");
    if (!is_valid_id(o.id))
        in.fail(id, "invalid id " + text::quoted(o.id) + ": use letters, digits, '_' and '-', starting with a letter");

    std::string kind;
    for (const auto& kv : entry) {
        const std::string& key = kv.first.Scalar();
        if (std::find(kKinds.begin(), kKinds.end(), key) == kKinds.end()) continue;
        if (!kind.empty()) in.fail(kv.first, "object '" + o.id + "' has two kinds, '" + kind + "' and '" + key + "'");
        kind = key;
        o.kind = load_kind(in, key, kv.second, entry, data);
    }
    if (kind.empty()) {
        std::string kinds;
        for (const auto& k : kKinds) kinds += (kinds.empty() ? "" : ", ") + k;
        in.fail(entry, "object '" + o.id + "' needs a kind: one of " + kinds);
    }
    for (const auto& key : kFontKeys)
        if (entry[key] && kind != "text" && kind != "math")
            in.fail(in.key_node(entry, key), "'" + key + "' applies to text and math, and '" + o.id + "' is a " + kind);
    for (const auto& key : kTextKeys)
        if (entry[key] && kind != "text")
            in.fail(in.key_node(entry, key), "'" + key + "' applies to text, and '" + o.id + "' is a " + kind);
    for (const auto& key : kMathKeys)
        if (entry[key] && kind != "math")
            in.fail(in.key_node(entry, key), "'" + key + "' applies to math, and '" + o.id + "' is a " + kind);

    o.style = load_style(in, entry);
    if (entry["at"] && !entry["in"])
        in.fail(in.key_node(entry, "at"), "'at' places an object inside a panel: give the panel with 'in'");
    for (const auto& kv : entry) {
        const std::string& key = kv.first.Scalar();
        if (key == "at") continue;  // read with `in`
        if (key == "in") o.layout.emplace_back(load_place_in(in, kv.second, entry), in.mark(kv.first));
        else if (std::find(kLayoutKeys.begin(), kLayoutKeys.end(), key) != kLayoutKeys.end())
            o.layout.emplace_back(load_layout(in, key, kv.second), in.mark(kv.first));
    }
    return o;
}

}  // namespace

const std::vector<std::string>& object_kind_names() { return kKinds; }

std::vector<ObjectSpec> load_objects(const YamlReader& in, const YAML::Node& list, const DataSpec& data) {
    std::vector<ObjectSpec> out;
    for (const auto& entry : in.list(list, "objects", 100000)) {
        const YAML::Node repeat = entry.IsMap() ? entry["repeat"] : YAML::Node();
        if (!repeat) {
            out.push_back(load_object(in, entry, data));
            continue;
        }
        // Small multiples: one entry per combination of the loop values.
        const RepeatSpec r = load_repeat(in, repeat);
        GroupSpec copies;
        std::set<std::string> ids;
        for_each_copy(in, entry, r, [&](const LoopValues&) {
            out.push_back(load_object(in, entry, data));
            copies.children.push_back({out.back().id, out.back().mark});
            if (!ids.insert(out.back().id).second) {
                std::string names;
                for (const auto& v : r.variables) names += (names.empty() ? "{" : ", {") + v + "}";
                in.fail(in.required(entry, "id", "an object"), "every copy of a repeated entry needs its own id, and '" +
                                                                   out.back().id + "' comes twice: use " + names +
                                                                   " in it");
            }
        });
        if (!r.group.empty()) {
            ObjectSpec group;
            group.id = r.group;
            group.mark = r.group_mark;
            group.kind = std::move(copies);
            out.push_back(std::move(group));
        }
    }
    return out;
}

}  // namespace attnreel
