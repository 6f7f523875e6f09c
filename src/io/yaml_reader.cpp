#include "io/yaml_reader.hpp"

#include "core/input_file.hpp"
#include "core/limits.hpp"
#include "io/scalar_position.hpp"
#include "io/yaml_limits.hpp"
#include "text/font_library.hpp"
#include "text/utf8.hpp"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cmath>
#include <string_view>

namespace attnreel {

namespace {

std::string describe(const YAML::Node& node) {
    switch (node.Type()) {
    case YAML::NodeType::Null: return "nothing";
    case YAML::NodeType::Scalar: return text::quoted(node.Scalar());
    case YAML::NodeType::Sequence: return "a list";
    case YAML::NodeType::Map: return "a map";
    default: return "nothing";
    }
}

}  // namespace

SourceMark YamlReader::mark(const YAML::Node& node) const {
    const YAML::Mark m = node.Mark();
    if (m.is_null()) return {file_, 0, 0};
    return {file_, m.line + 1, m.column + 1};
}

SourceMark YamlReader::mark_at(const YAML::Node& scalar, std::size_t byte_offset) const {
    const SourceMark own = mark(scalar);
    const YAML::Mark m = scalar.Mark();
    if (!scalar.IsScalar() || m.is_null() || m.pos < 0) return own;
    const auto start = static_cast<std::size_t>(m.pos);
    const auto at = scalar_byte_in_file(text_, start, scalar.Scalar(), byte_offset);
    if (!at) return own;
    // Count from the scalar's own mark, so lines and columns agree with yaml-cpp's.
    const std::string_view between = std::string_view(text_).substr(start, *at - start);
    const std::size_t last_break = between.rfind('\n');
    const auto breaks = static_cast<int>(std::count(between.begin(), between.end(), '\n'));
    const int column = last_break == std::string_view::npos ? m.column + static_cast<int>(between.size())
                                                            : static_cast<int>(between.size() - last_break - 1);
    return {file_, m.line + breaks + 1, column + 1};
}

void YamlReader::fail(const YAML::Node& node, const std::string& message) const {
    throw InputError(mark(node), message);
}

double YamlReader::number(const YAML::Node& node, const std::string& what, double min, double max) const {
    if (!node.IsScalar()) fail(node, "expected a number for '" + what + "', found " + describe(node));
    const std::string& text = node.Scalar();
    double value = 0;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (ec == std::errc::result_out_of_range && end == text.data() + text.size())
        fail(node, "'" + what + "' must be between " + number_text(min) + " and " + number_text(max) + ", found " +
                       text::quoted(text) + ", beyond what a number can hold");
    if (ec != std::errc() || end != text.data() + text.size()) {
        std::string lower;
        for (char c : text) lower += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        if (lower.find("nan") != std::string::npos || lower.find("inf") != std::string::npos)
            fail(node, "'" + what + "' must be a finite number, found " + text::quoted(text));
        fail(node, "expected a number for '" + what + "', found " + text::quoted(text));
    }
    if (!std::isfinite(value)) fail(node, "'" + what + "' must be a finite number, found " + text::quoted(text));
    // The number as written ("1e300", "0.25"); a number written with hundreds of digits as
    // the shortest text that reads back as it.
    const std::string written = text.size() <= 24 ? text : number_text(value);
    if (value < min || value > max)
        fail(node, "'" + what + "' must be between " + number_text(min) + " and " + number_text(max) + ", found " +
                       written);
    return value;
}

int YamlReader::integer(const YAML::Node& node, const std::string& what, int min, int max) const {
    const double v = number(node, what, min, max);
    if (v != std::floor(v)) fail(node, "expected a whole number for '" + what + "', found " + number_text(v));
    return static_cast<int>(v);
}

bool YamlReader::boolean(const YAML::Node& node, const std::string& what) const {
    if (node.IsScalar()) {
        const std::string& s = node.Scalar();
        if (s == "true" || s == "yes" || s == "on") return true;
        if (s == "false" || s == "no" || s == "off") return false;
    }
    fail(node, "expected true or false for '" + what + "', found " + describe(node));
}

std::string YamlReader::string(const YAML::Node& node, const std::string& what) const {
    if (!node.IsScalar()) fail(node, "expected text for '" + what + "', found " + describe(node));
    try {
        text::decode_utf8(node.Scalar());
    } catch (const InputError& e) {
        fail(node, e.message() + " in '" + what + "'");
    }
    return node.Scalar();
}

Vec2 YamlReader::point(const YAML::Node& node, const std::string& what) const {
    if (!node.IsSequence() || node.size() != 2)
        fail(node, "expected a point [x, y] for '" + what + "', found " + describe(node));
    return {number(node[0], what + ".x", -1e4, 1e4), number(node[1], what + ".y", -1e4, 1e4)};
}

std::vector<Vec2> YamlReader::points(const YAML::Node& node, const std::string& what, std::size_t min_count) const {
    const YAML::Node& items = list(node, what, 10000);
    if (items.size() < min_count)
        fail(node, "'" + what + "' needs at least " + std::to_string(min_count) + " points, found " +
                       std::to_string(items.size()));
    std::vector<Vec2> out;
    for (const auto& item : items) out.push_back(point(item, what));
    return out;
}

Color YamlReader::color(const YAML::Node& node, const std::string& what) const {
    if (!node.IsScalar()) fail(node, "expected a colour for '" + what + "', found " + describe(node));
    const std::string& text = node.Scalar();
    if (const auto c = parse_color(text)) return *c;
    if (!text.empty() && text[0] == '#') fail(node, text::quoted(text) + " is not a colour: use #rrggbb or #rrggbbaa");
    fail(node, "unknown colour " + text::quoted(text) + did_you_mean(text, color_names()));
}

std::string YamlReader::font(const YAML::Node& node, const std::string& what) const {
    const std::string name = string(node, what);
    text::check_font(name, mark(node));
    return name;
}

RateFunction YamlReader::rate_function(const YAML::Node& node) const {
    const std::string name = string(node, "rate_func");
    if (const auto f = parse_rate_function(name)) return *f;
    fail(node, "unknown rate function " + text::quoted(name) + did_you_mean(name, rate_function_names()));
}

Vec2 YamlReader::direction(const YAML::Node& node, const std::string& what) const {
    if (node.IsSequence()) {
        const Vec2 d = point(node, what);
        if (d.norm() == 0) fail(node, "'" + what + "' must not be [0, 0]");
        return d;
    }
    static const std::vector<std::pair<std::string, Vec2>> names = {
        {"up", {0, 1}},        {"down", {0, -1}},        {"left", {-1, 0}},      {"right", {1, 0}},
        {"ul", {-1, 1}},       {"ur", {1, 1}},           {"dl", {-1, -1}},       {"dr", {1, -1}},
        {"up_left", {-1, 1}},  {"up_right", {1, 1}},     {"down_left", {-1, -1}}, {"down_right", {1, -1}},
    };
    const std::string name = string(node, what);
    std::vector<std::string> candidates;
    for (const auto& [n, v] : names) {
        if (n == name) return v;
        candidates.push_back(n);
    }
    fail(node, "unknown direction " + text::quoted(name) + " for '" + what + "'" + did_you_mean(name, candidates));
}

Ref YamlReader::ref(const YAML::Node& node, const std::string& what) const {
    const std::string id = string(node, what);
    if (id.empty()) fail(node, "'" + what + "' needs an object id");
    return {id, mark(node)};
}

std::vector<Ref> YamlReader::refs(const YAML::Node& node, const std::string& what) const {
    if (node.IsScalar()) return {ref(node, what)};
    if (!node.IsSequence() || node.size() == 0)
        fail(node, "expected an object id or a list of ids for '" + what + "', found " + describe(node));
    std::vector<Ref> out;
    for (const auto& item : node) out.push_back(ref(item, what));
    return out;
}

PointOrRef YamlReader::point_or_ref(const YAML::Node& node, const std::string& what) const {
    if (node.IsSequence()) return point(node, what);
    if (node.IsScalar()) return ref(node, what);
    fail(node, "expected a point [x, y] or an object id for '" + what + "', found " + describe(node));
}

YAML::Node YamlReader::map(const YAML::Node& node, const std::string& what) const {
    static const YAML::Node empty(YAML::NodeType::Map);
    if (node.IsNull()) return empty;
    if (!node.IsMap()) fail(node, "expected a map for '" + what + "', found " + describe(node));
    return node;
}

YAML::Node YamlReader::list(const YAML::Node& node, const std::string& what, std::size_t max_size) const {
    if (!node.IsSequence()) fail(node, "expected a list for '" + what + "', found " + describe(node));
    if (node.size() > max_size)
        fail(node, "'" + what + "' has " + std::to_string(node.size()) + " items; at most " +
                       std::to_string(max_size) + " are allowed");
    return node;
}

void YamlReader::only_keys(const YAML::Node& map, const std::vector<std::string>& allowed,
                           const std::string& where) const {
    for (const auto& kv : map) {
        if (!kv.first.IsScalar()) fail(kv.first, "keys in " + where + " must be words");
        const std::string& key = kv.first.Scalar();
        if (std::find(allowed.begin(), allowed.end(), key) == allowed.end())
            fail(kv.first, "unknown key " + text::quoted(key) + " in " + where + did_you_mean(key, allowed));
    }
}

const YAML::Node YamlReader::required(const YAML::Node& map, const std::string& key, const std::string& where) const {
    const YAML::Node value = map[key];
    if (!value) fail(map, where + " needs '" + key + "'");
    return value;
}

YAML::Node YamlReader::key_node(const YAML::Node& map, const std::string& key) const {
    for (const auto& kv : map)
        if (kv.first.IsScalar() && kv.first.Scalar() == key) return kv.first;
    return map;
}

std::string read_yaml_file(const std::string& path) {
    return read_input_file(path, {"scene file", limits::scene_file_bytes});
}

YAML::Node load_yaml_file(const std::string& path) { return parse_yaml_text(read_yaml_file(path), path); }

YAML::Node parse_yaml_text(const std::string& text, const std::string& file) {
    if (text.find_first_not_of(" \t\r\n") == std::string::npos)
        throw InputError({file, 0, 0}, "the file is empty; a scene needs at least 'objects' and 'timeline'");
    check_yaml_limits(text, file);
    try {
        return YAML::Load(text);
    } catch (const YAML::Exception& e) {
        const int line = e.mark.is_null() ? 0 : e.mark.line + 1;
        const int col = e.mark.is_null() ? 0 : e.mark.column + 1;
        throw InputError({file, line, col}, "invalid YAML: " + e.msg);
    }
}

}  // namespace attnreel
