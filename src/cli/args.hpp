#pragma once
// A small command-line reader: positional arguments and --options with values, each
// option known in advance so a typo is an error with a suggestion.
#include <map>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

namespace attnreel::cli {

struct OptionSpec {
    std::string name;   // "--at"
    std::string alias;  // "-o", or ""
    bool takes_value;
    // A flag that may take a value: "--poster=2.5", or "--poster 2.5" when the next word
    // is a number or "end"; alone it maps to "".
    bool optional_value = false;
};

struct Args {
    std::vector<std::string> positional;
    std::map<std::string, std::string> values;  // by long name; flags map to ""

    bool has(const std::string& name) const { return values.count(name) > 0; }
    std::optional<std::string> get(const std::string& name) const;
};

// An option another tool (Manim) spells differently: using it gets attnreel's spelling.
struct ForeignOption {
    std::string spelling;  // "-p"
    std::string advice;    // "for a live preview, run 'attnreel preview SCENE.yaml'"
};

// Short forms that stand for several words: {"-ql", {"--quality", "low"}}.
struct Shorthand {
    std::vector<std::string> words;     // as typed: {"-ql"}, or {"-q", "l"}
    std::vector<std::string> meaning;   // {"--quality", "low"}
};

// Throws UsageError for an unknown option (with a suggestion, or the advice of a foreign
// option) or a missing value. Shorthands are expanded first.
Args parse_args(const std::vector<std::string>& argv, const std::vector<OptionSpec>& options,
                const std::vector<ForeignOption>& foreign = {}, const std::vector<Shorthand>& shorthands = {});

struct UsageError : std::runtime_error {
    using std::runtime_error::runtime_error;
};

// Strict number parsing for option values; UsageError naming the option otherwise.
double parse_number(const std::string& option, const std::string& value);
int parse_int(const std::string& option, const std::string& value, int min, int max);
// "1280x720"
std::pair<int, int> parse_size(const std::string& option, const std::string& value);

}  // namespace attnreel::cli
