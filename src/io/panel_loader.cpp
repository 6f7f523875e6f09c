#include "io/panel_loader.hpp"
#include "text/utf8.hpp"

#include <utility>

namespace attnreel {

namespace {

text::StyledText markup(const YamlReader& in, const YAML::Node& node, const std::string& what) {
    const std::string source = in.string(node, what);
    try {
        return text::parse_markup(source);
    } catch (const text::MarkupError& e) {
        throw InputError(in.mark_at(node, e.offset()), e.what());
    }
}

double length(const YamlReader& in, const YAML::Node& n, const std::string& what, double min = 0.05) {
    return in.number(n, what, min, 1000);
}

const std::vector<std::pair<std::string, Vec2>>& placements() {
    static const std::vector<std::pair<std::string, Vec2>> names = {
        {"top_left", {-1, 1}},  {"top", {0, 1}},       {"top_right", {1, 1}},
        {"left", {-1, 0}},      {"center", {0, 0}},    {"right", {1, 0}},
        {"bottom_left", {-1, -1}}, {"bottom", {0, -1}}, {"bottom_right", {1, -1}}};
    return names;
}

}  // namespace

PanelSpec load_panel(const YamlReader& in, const YAML::Node& node) {
    // `panel: Title` is a panel with that title and the defaults.
    PanelSpec p;
    if (node.IsScalar() && !node.Scalar().empty()) {
        p.title = in.string(node, "panel");
        return p;
    }
    const auto& m = in.map(node, "panel");
    in.only_keys(m, {"title", "width", "height", "tint", "shadow", "corner_radius", "padding", "font_size"}, "panel");
    if (m["title"]) p.title = in.string(m["title"], "title");
    if (m["width"]) p.width = length(in, m["width"], "width", 0.2);
    if (m["height"]) p.height = length(in, m["height"], "height", 0.2);
    if (m["tint"]) p.tint = in.color(m["tint"], "tint");
    if (m["shadow"]) p.shadow = in.boolean(m["shadow"], "shadow");
    if (m["corner_radius"]) p.corner_radius = in.number(m["corner_radius"], "corner_radius", 0, 1000);
    if (m["padding"]) p.padding = in.number(m["padding"], "padding", 0, 1000);
    if (m["font_size"]) p.font_size = in.number(m["font_size"], "font_size", 4, 200);
    if (2 * p.padding >= std::min(p.width, p.height))
        in.fail(m["padding"] ? m["padding"] : node, "the padding leaves no room inside a " + std::to_string(p.width) +
                                                        " × " + std::to_string(p.height) + " panel");
    return p;
}

CalloutSpec load_callout(const YamlReader& in, const YAML::Node& node) {
    CalloutSpec c;
    if (node.IsScalar()) {
        c.text = markup(in, node, "callout");
        return c;
    }
    const auto& m = in.map(node, "callout");
    in.only_keys(m, {"title", "text", "width", "color", "font_size"}, "callout");
    c.text = markup(in, in.required(m, "text", "callout"), "text");
    if (m["title"]) c.title = m["title"].IsNull() ? "" : in.string(m["title"], "title");
    if (m["width"]) c.width = length(in, m["width"], "width", 1);
    if (m["color"]) c.color = in.color(m["color"], "color");
    if (m["font_size"]) c.font_size = in.number(m["font_size"], "font_size", 4, 200);
    return c;
}

NoteSpec load_note(const YamlReader& in, const YAML::Node& node) {
    NoteSpec n;
    if (node.IsScalar()) {
        n.text = markup(in, node, "note");
        return n;
    }
    const auto& m = in.map(node, "note");
    in.only_keys(m, {"text", "width", "color", "font_size"}, "note");
    n.text = markup(in, in.required(m, "text", "note"), "text");
    if (m["width"]) n.width = length(in, m["width"], "width", 0.5);
    if (m["color"]) n.color = in.color(m["color"], "color");
    if (m["font_size"]) n.font_size = in.number(m["font_size"], "font_size", 4, 200);
    return n;
}

PlaceIn load_place_in(const YamlReader& in, const YAML::Node& in_node, const YAML::Node& entry) {
    PlaceIn p{in.ref(in_node, "in")};
    if (const YAML::Node at = entry["at"]) {
        const std::string word = in.string(at, "at");
        std::vector<std::string> names;
        for (const auto& [name, where] : placements()) {
            if (name == word) {
                p.at = where;
                return p;
            }
            names.push_back(name);
        }
        in.fail(at, "unknown place " + text::quoted(word) + " for 'at'" + did_you_mean(word, names) +
                        " (expected top_left, top, top_right, left, center, right, bottom_left, bottom or bottom_right)");
    }
    return p;
}

}  // namespace attnreel
