#pragma once
// `repeat:` on an object entry: small multiples. The entry is loaded once per value of its
// loop variables (nested loops: once per combination, outer loop first), with each
// `{expression}` of the variables in its strings replaced by its value: `id: "head{h}"`,
// `matrix: "model.layer[{l}].head[{h}]"`, `text: "Head {h+1}"`, `shift: ["{h*3}", 0]`.
#include "io/yaml_reader.hpp"

#include <functional>
#include <map>
#include <string>
#include <vector>

namespace attnreel {

constexpr std::size_t kMaxRepeatCopies = 1000;  // per repeated entry

// One combination of loop values: variable name → its value as written ("3", "Q").
using LoopValues = std::map<std::string, std::string>;

struct RepeatSpec {
    std::vector<std::string> variables;  // outer loop first
    std::vector<LoopValues> combinations;
    std::string group;  // id of a group of all the copies, or ""
    SourceMark group_mark;
};

// Reads the value of `repeat:`: {for: h, in: [...] or {from, to, step}, group: id}, or a
// list of such maps for nested loops. Fails past kMaxRepeatCopies copies.
RepeatSpec load_repeat(const YamlReader& in, const YAML::Node& node);

// `text` with every {expression} of the loop variables replaced by its value. Braces that
// hold anything else (TeX groups such as {QK^\top}, {2}) stay as written. `fail` reports
// an expression that cannot be evaluated (division by zero, arithmetic on a word).
std::string substitute(const std::string& text, const LoopValues& values,
                       const std::function<void(const std::string&)>& fail);

// Loads `entry` once per combination, its strings substituted; `load` reads one copy.
// The YAML nodes are changed while a copy loads and restored after, so every mark still
// points into the file.
template <typename Load>
void for_each_copy(const YamlReader& in, const YAML::Node& entry, const RepeatSpec& repeat, Load load);

// --- implementation details used by the template ---------------------------------------
struct ScalarSlot {
    YAML::Node node;
    std::string original;
};
// The scalars of `entry` (values, not keys; not under `repeat`) that contain '{'; fails
// at a map that reads like an unquoted "{h}".
std::vector<ScalarSlot> substitutable_scalars(const YamlReader& in, const YAML::Node& entry,
                                              const std::vector<std::string>& variables);
void apply_values(const YamlReader& in, std::vector<ScalarSlot>& slots, const LoopValues& values);
void restore(std::vector<ScalarSlot>& slots);

template <typename Load>
void for_each_copy(const YamlReader& in, const YAML::Node& entry, const RepeatSpec& repeat, Load load) {
    std::vector<ScalarSlot> slots = substitutable_scalars(in, entry, repeat.variables);
    try {
        for (const LoopValues& values : repeat.combinations) {
            apply_values(in, slots, values);
            load(values);
        }
    } catch (...) {
        restore(slots);
        throw;
    }
    restore(slots);
}

}  // namespace attnreel
