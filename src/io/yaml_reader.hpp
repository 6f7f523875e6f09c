#pragma once
// Typed reads from yaml-cpp nodes that fail with InputErrors at the node's file:line:col.
// This is the only place (with the loaders beside it) that sees YAML; the rest of
// attnreel sees plain values.
#include "core/color.hpp"
#include "core/error.hpp"
#include "core/geometry.hpp"
#include "scene/scene_spec.hpp"

#include <yaml-cpp/yaml.h>

#include <string>
#include <vector>

namespace attnreel {

class YamlReader {
public:
    // `text` is the file's own text, which mark_at needs; without it mark_at gives the
    // scalar's own mark.
    explicit YamlReader(std::string file, std::string text = {}) : file_(std::move(file)), text_(std::move(text)) {}

    const std::string& file() const { return file_; }
    SourceMark mark(const YAML::Node& node) const;  // yaml-cpp marks are 0-based; ours are 1-based
    // The place in the file of byte `byte_offset` of a scalar's value, for errors found
    // inside a value (markup in a text, a formula). Exact for plain and single-quoted
    // scalars on one line and for literal `|` block scalars; for other styles (double
    // quotes, folded `>`, multi-line flow scalars) it is the scalar's own mark. Columns
    // count bytes, as yaml-cpp's marks do.
    SourceMark mark_at(const YAML::Node& scalar, std::size_t byte_offset) const;
    [[noreturn]] void fail(const YAML::Node& node, const std::string& message) const;

    // `what` names the value in messages: "expected a number for 'fps'".
    double number(const YAML::Node& node, const std::string& what, double min, double max) const;
    int integer(const YAML::Node& node, const std::string& what, int min, int max) const;
    bool boolean(const YAML::Node& node, const std::string& what) const;
    std::string string(const YAML::Node& node, const std::string& what) const;  // valid UTF-8
    Vec2 point(const YAML::Node& node, const std::string& what) const;           // [x, y]
    std::vector<Vec2> points(const YAML::Node& node, const std::string& what, std::size_t min_count) const;
    Color color(const YAML::Node& node, const std::string& what) const;
    // A bundled face name or a font file path, checked now so that a bad one is reported here.
    std::string font(const YAML::Node& node, const std::string& what) const;
    RateFunction rate_function(const YAML::Node& node) const;
    // "up", "down", "left", "right", "ul", "ur", "dl", "dr" (or their long forms), or [x, y].
    Vec2 direction(const YAML::Node& node, const std::string& what) const;
    Ref ref(const YAML::Node& node, const std::string& what) const;
    std::vector<Ref> refs(const YAML::Node& node, const std::string& what) const;  // one id or a list
    PointOrRef point_or_ref(const YAML::Node& node, const std::string& what) const;

    // Return the node itself (a handle) by value, so that `for (x : in.list(m["k"], …))`
    // does not iterate a temporary that died before the loop began.
    YAML::Node map(const YAML::Node& node, const std::string& what) const;   // null counts as {}
    YAML::Node list(const YAML::Node& node, const std::string& what, std::size_t max_size) const;
    // Fails at the first key not in `allowed`, suggesting the nearest.
    void only_keys(const YAML::Node& map, const std::vector<std::string>& allowed, const std::string& where) const;
    // Fails unless `map` has `key`.
    const YAML::Node required(const YAML::Node& map, const std::string& key, const std::string& where) const;
    // The key node of `key` in `map`, for marks that point at the key itself.
    YAML::Node key_node(const YAML::Node& map, const std::string& key) const;

private:
    std::string file_;
    std::string text_;
};

// The file's text; missing, unreadable, oversized files fail with an InputError naming it.
std::string read_yaml_file(const std::string& path);
// Parses text as YAML; empty, too deeply nested or malformed text fails with an InputError
// naming `file` (and line:col for syntax errors).
YAML::Node parse_yaml_text(const std::string& text, const std::string& file);
// read_yaml_file, then parse_yaml_text.
YAML::Node load_yaml_file(const std::string& path);

}  // namespace attnreel
