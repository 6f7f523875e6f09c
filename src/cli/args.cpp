#include "cli/args.hpp"

#include "core/error.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <stdexcept>

namespace attnreel::cli {

std::optional<std::string> Args::get(const std::string& name) const {
    const auto it = values.find(name);
    if (it == values.end()) return std::nullopt;
    return it->second;
}

namespace {

std::vector<std::string> expand(const std::vector<std::string>& argv, const std::vector<Shorthand>& shorthands) {
    std::vector<std::string> out;
    for (std::size_t i = 0; i < argv.size();) {
        const Shorthand* found = nullptr;
        for (const auto& s : shorthands)
            if (i + s.words.size() <= argv.size() && std::equal(s.words.begin(), s.words.end(), argv.begin() + i))
                found = &s;
        if (!found) {
            out.push_back(argv[i++]);
            continue;
        }
        out.insert(out.end(), found->meaning.begin(), found->meaning.end());
        i += found->words.size();
    }
    return out;
}

// A word an optional value may take: a number of seconds, or "end".
bool looks_like_time(const std::string& word) {
    if (word == "end") return true;
    double v = 0;
    const auto [end, ec] = std::from_chars(word.data(), word.data() + word.size(), v);
    return ec == std::errc() && end == word.data() + word.size();
}

}  // namespace

Args parse_args(const std::vector<std::string>& words, const std::vector<OptionSpec>& options,
                const std::vector<ForeignOption>& foreign, const std::vector<Shorthand>& shorthands) {
    const std::vector<std::string> argv = expand(words, shorthands);
    Args args;
    std::vector<std::string> names;
    for (const auto& o : options) names.push_back(o.name);
    for (std::size_t i = 0; i < argv.size(); ++i) {
        std::string word = argv[i];
        if (word.size() < 2 || word[0] != '-') {
            args.positional.push_back(word);
            continue;
        }
        std::optional<std::string> inline_value;
        if (const auto eq = word.find('='); eq != std::string::npos && word.rfind("--", 0) == 0) {
            inline_value = word.substr(eq + 1);
            word = word.substr(0, eq);
        }
        const OptionSpec* spec = nullptr;
        for (const auto& o : options)
            if (o.name == word || (!o.alias.empty() && o.alias == word)) spec = &o;
        if (!spec) {
            for (const auto& f : foreign)
                if (f.spelling == word) throw UsageError("attnreel has no option '" + word + "': " + f.advice);
            throw UsageError("unknown option '" + word + "'" + did_you_mean(word, names));
        }
        if (spec->optional_value) {
            std::string value = inline_value.value_or("");
            if (!inline_value && i + 1 < argv.size() && looks_like_time(argv[i + 1])) value = argv[++i];
            args.values[spec->name] = value;
            continue;
        }
        if (!spec->takes_value) {
            args.values[spec->name] = "";
            continue;
        }
        if (inline_value) args.values[spec->name] = *inline_value;
        else if (i + 1 < argv.size()) args.values[spec->name] = argv[++i];
        else throw UsageError("option " + spec->name + " needs a value");
    }
    return args;
}

double parse_number(const std::string& option, const std::string& value) {
    double v = 0;
    const auto [end, ec] = std::from_chars(value.data(), value.data() + value.size(), v);
    if (ec != std::errc() || end != value.data() + value.size() || !std::isfinite(v))
        throw UsageError(option + " expects a number, got '" + value + "'");
    return v;
}

int parse_int(const std::string& option, const std::string& value, int min, int max) {
    int v = 0;
    const auto [end, ec] = std::from_chars(value.data(), value.data() + value.size(), v);
    if (ec != std::errc() || end != value.data() + value.size())
        throw UsageError(option + " expects a whole number, got '" + value + "'");
    if (v < min || v > max)
        throw UsageError(option + " must be between " + std::to_string(min) + " and " + std::to_string(max));
    return v;
}

std::pair<int, int> parse_size(const std::string& option, const std::string& value) {
    const auto x = value.find('x');
    if (x == std::string::npos) throw UsageError(option + " expects WIDTHxHEIGHT, e.g. 1280x720");
    return {parse_int(option, value.substr(0, x), 16, 7680), parse_int(option, value.substr(x + 1), 16, 4320)};
}

}  // namespace attnreel::cli
