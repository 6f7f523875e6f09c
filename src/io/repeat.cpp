#include "io/repeat.hpp"

#include "text/utf8.hpp"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cmath>
#include <optional>

namespace attnreel {

namespace {

// A number as a loop value or a result: whole numbers without a point, others as short
// as they round-trip.
std::string format_value(double v) {
    if (v == std::floor(v) && std::abs(v) < 1e15) return std::to_string(static_cast<long long>(v));
    char buf[64];
    const auto [end, ec] = std::to_chars(buf, buf + sizeof buf, v);
    return ec == std::errc() ? std::string(buf, end) : std::to_string(v);
}

std::optional<double> as_number(const std::string& s) {
    double v = 0;
    const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
    if (ec != std::errc() || end != s.data() + s.size() || !std::isfinite(v)) return std::nullopt;
    return v;
}

bool is_name_start(char c) { return std::isalpha(static_cast<unsigned char>(c)) || c == '_'; }
bool is_name_char(char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; }

// Arithmetic over the loop variables: + - * / %, unary minus, parentheses. parse() is
// false for anything else, so TeX groups are left alone.
class Expression {
public:
    Expression(const std::string& text, const LoopValues& values) : s_(text), values_(values) {}

    // Whether the text is an expression that uses at least one loop variable.
    bool parse() {
        pos_ = 0;
        uses_variable_ = false;
        ok_ = true;
        evaluate_ = false;
        expr();
        skip_spaces();
        return ok_ && pos_ == s_.size() && uses_variable_;
    }

    // Its value, as text; call after parse() returned true.
    std::string value(const std::function<void(const std::string&)>& fail) {
        std::string trimmed = s_;
        trimmed.erase(0, trimmed.find_first_not_of(' '));
        trimmed.erase(trimmed.find_last_not_of(' ') + 1);
        if (const auto it = values_.find(trimmed); it != values_.end()) return it->second;  // {h}: as written
        fail_ = &fail;
        evaluate_ = true;
        pos_ = 0;
        return format_value(expr());
    }

private:
    void skip_spaces() {
        while (pos_ < s_.size() && s_[pos_] == ' ') ++pos_;
    }
    bool eat(char c) {
        skip_spaces();
        if (pos_ < s_.size() && s_[pos_] == c) {
            ++pos_;
            return true;
        }
        return false;
    }
    double expr() {
        double v = term();
        for (;;) {
            if (eat('+')) v += term();
            else if (eat('-')) v -= term();
            else return v;
        }
    }
    double term() {
        double v = unary();
        for (;;) {
            if (eat('*')) v *= unary();
            else if (eat('/')) {
                const double d = unary();
                if (evaluate_ && d == 0) (*fail_)("division by zero in '{" + s_ + "}'");
                v = evaluate_ ? v / d : 0;
            } else if (eat('%')) {
                const double d = unary();
                if (evaluate_ && d == 0) (*fail_)("division by zero in '{" + s_ + "}'");
                v = evaluate_ ? std::fmod(v, d) : 0;
            } else return v;
        }
    }
    double unary() {
        if (eat('-')) return -unary();
        if (eat('+')) return unary();
        return primary();
    }
    double primary() {
        skip_spaces();
        if (eat('(')) {
            const double v = expr();
            if (!eat(')')) ok_ = false;
            return v;
        }
        const std::size_t start = pos_;
        if (pos_ < s_.size() && is_name_start(s_[pos_])) {
            while (pos_ < s_.size() && is_name_char(s_[pos_])) ++pos_;
            const std::string name = s_.substr(start, pos_ - start);
            const auto it = values_.find(name);
            if (it == values_.end()) {
                ok_ = false;
                return 0;
            }
            uses_variable_ = true;
            if (!evaluate_) return 0;
            const auto v = as_number(it->second);
            if (!v) (*fail_)("'" + name + "' is '" + it->second + "', not a number, in '{" + s_ + "}'");
            return *v;
        }
        while (pos_ < s_.size() && (std::isdigit(static_cast<unsigned char>(s_[pos_])) || s_[pos_] == '.')) ++pos_;
        const auto v = as_number(s_.substr(start, pos_ - start));
        if (!v) {
            ok_ = false;
            return 0;
        }
        return *v;
    }

    const std::string& s_;
    const LoopValues& values_;
    std::size_t pos_ = 0;
    bool ok_ = true, uses_variable_ = false, evaluate_ = false;
    const std::function<void(const std::string&)>* fail_ = nullptr;
};

const std::vector<std::string> kLoopKeys = {"for", "in", "group"};

std::vector<std::string> loop_values(const YamlReader& in, const YAML::Node& node) {
    std::vector<std::string> values;
    if (node.IsSequence()) {
        for (const auto& v : in.list(node, "in", kMaxRepeatCopies)) {
            if (!v.IsScalar()) in.fail(v, "expected a number or a word for each value of 'in'");
            values.push_back(in.string(v, "in"));
        }
        if (values.empty()) in.fail(node, "'in' needs at least one value");
        return values;
    }
    if (!node.IsMap())
        in.fail(node, "expected a list of values for 'in', or a range such as {from: 0, to: 11} or {range: 12}");
    in.only_keys(node, {"from", "to", "step", "range"}, "a loop's range");
    double from = 0, to = 0, step = 1, count = 0;
    if (const YAML::Node range = node["range"]) {
        // Python's range: [start, stop) with an optional step.
        if (node["from"] || node["to"] || node["step"])
            in.fail(in.key_node(node, "range"), "a range is {from, to, step} or {range}, not both");
        std::vector<double> args;
        if (range.IsSequence()) {
            if (range.size() < 1 || range.size() > 3) in.fail(range, "'range' takes [stop], [start, stop] or [start, stop, step]");
            for (const auto& a : range) args.push_back(in.number(a, "range", -1e6, 1e6));
        } else {
            args.push_back(in.number(range, "range", -1e6, 1e6));
        }
        if (args.size() == 1) args.insert(args.begin(), 0.0);
        step = args.size() == 3 ? args[2] : 1;
        if (step == 0) in.fail(range, "a range's step must not be 0");
        from = args[0];
        const double stop = args[1];  // left out
        if ((stop - from) * step <= 0) in.fail(range, "this range is empty");
        count = std::ceil((stop - from) / step - 1e-9);
    } else {
        from = in.number(in.required(node, "from", "a loop's range"), "from", -1e6, 1e6);
        to = in.number(in.required(node, "to", "a loop's range"), "to", -1e6, 1e6);
        if (node["step"]) step = in.number(node["step"], "step", -1e6, 1e6);
        if (step == 0) in.fail(node["step"], "a range's step must not be 0");
        if ((to - from) * step < 0)
            in.fail(node, "this range is empty: from " + format_value(from) + " never reaches " + format_value(to) +
                              " in steps of " + format_value(step));
        count = std::floor((to - from) / step + 1e-9) + 1;  // both ends included
    }
    if (count > static_cast<double>(kMaxRepeatCopies))
        in.fail(node, "this range has " + format_value(count) + " values; a repeat makes at most " +
                          std::to_string(kMaxRepeatCopies) + " copies");
    for (double k = 0; k < count; ++k) values.push_back(format_value(from + k * step));
    return values;
}

void walk(const YamlReader& in, const YAML::Node& node, const std::vector<std::string>& variables,
          std::vector<ScalarSlot>& out) {
    if (node.IsScalar()) {
        if (node.Scalar().find('{') != std::string::npos) out.push_back({node, node.Scalar()});
        return;
    }
    if (node.IsSequence()) {
        for (const auto& item : node) walk(in, item, variables, out);
        return;
    }
    if (!node.IsMap()) return;
    // Unquoted, "{h}" is a YAML map {h: null}: say so rather than fail later on a map.
    if (node.size() == 1) {
        const auto kv = *node.begin();
        if (kv.first.IsScalar() && kv.second.IsNull() &&
            std::find(variables.begin(), variables.end(), kv.first.Scalar()) != variables.end())
            in.fail(node, "put \"{" + kv.first.Scalar() + "}\" in quotes: unquoted, YAML reads it as a map");
    }
    for (const auto& kv : node) walk(in, kv.second, variables, out);
}

}  // namespace

std::string substitute(const std::string& text, const LoopValues& values,
                       const std::function<void(const std::string&)>& fail) {
    std::string out;
    std::size_t i = 0;
    while (i < text.size()) {
        const std::size_t open = text.find('{', i);
        if (open == std::string::npos) break;
        const std::size_t close = text.find_first_of("{}", open + 1);
        if (close == std::string::npos || text[close] == '{') {
            out.append(text, i, close == std::string::npos ? std::string::npos : close - i);
            i = close == std::string::npos ? text.size() : close;
            continue;
        }
        out.append(text, i, open - i);
        const std::string inner = text.substr(open + 1, close - open - 1);
        Expression e(inner, values);
        if (e.parse()) out += e.value(fail);
        else out.append(text, open, close - open + 1);
        i = close + 1;
    }
    if (i < text.size()) out.append(text, i, std::string::npos);
    return out;
}

RepeatSpec load_repeat(const YamlReader& in, const YAML::Node& node) {
    std::vector<YAML::Node> loops;
    if (node.IsSequence()) {
        for (const auto& loop : in.list(node, "repeat", 8)) loops.push_back(loop);
        if (loops.empty()) in.fail(node, "'repeat' needs at least one loop such as {for: h, in: [0, 1, 2]}");
    } else {
        loops.push_back(node);
    }
    RepeatSpec r;
    r.combinations = {LoopValues{}};
    for (const auto& loop : loops) {
        if (!loop.IsMap()) in.fail(loop, "expected a loop such as {for: h, in: [0, 1, 2]} for 'repeat'");
        in.only_keys(loop, kLoopKeys, "a repeat");
        const YAML::Node name_node = in.required(loop, "for", "a repeat");
        const std::string name = in.string(name_node, "for");
        if (name.empty() || !is_name_start(name[0]) || !std::all_of(name.begin(), name.end(), is_name_char))
            in.fail(name_node, "a loop variable is a word of letters, digits and '_', such as h; found '" + name + "'");
        if (std::find(r.variables.begin(), r.variables.end(), name) != r.variables.end())
            in.fail(name_node, "the loop variable '" + name + "' is used twice");
        r.variables.push_back(name);
        const std::vector<std::string> values = loop_values(in, in.required(loop, "in", "a repeat"));
        if (r.combinations.size() * values.size() > kMaxRepeatCopies)
            in.fail(loop, "these loops make " + std::to_string(r.combinations.size() * values.size()) +
                              " copies; a repeat makes at most " + std::to_string(kMaxRepeatCopies));
        std::vector<LoopValues> next;
        for (const LoopValues& outer : r.combinations)
            for (const std::string& v : values) {
                LoopValues combination = outer;
                combination[name] = v;
                next.push_back(std::move(combination));
            }
        r.combinations = std::move(next);
        if (const YAML::Node group = loop["group"]) {
            if (!r.group.empty()) in.fail(group, "only one loop of a repeat may name a group");
            r.group = in.string(group, "group");
            const bool valid = !r.group.empty() && is_name_start(r.group[0]) &&
                               std::all_of(r.group.begin(), r.group.end(), [](char c) { return is_name_char(c) || c == '-'; });
            if (!valid)
                in.fail(group, "invalid id " + text::quoted(r.group) +
                                  ": use letters, digits, '_' and '-', starting with a letter");
            r.group_mark = in.mark(group);
        }
    }
    return r;
}

std::vector<ScalarSlot> substitutable_scalars(const YamlReader& in, const YAML::Node& entry,
                                              const std::vector<std::string>& variables) {
    std::vector<ScalarSlot> slots;
    for (const auto& kv : entry)
        if (!(kv.first.IsScalar() && kv.first.Scalar() == "repeat")) walk(in, kv.second, variables, slots);
    return slots;
}

void apply_values(const YamlReader& in, std::vector<ScalarSlot>& slots, const LoopValues& values) {
    for (ScalarSlot& slot : slots) {
        const std::string text =
            substitute(slot.original, values, [&](const std::string& message) { in.fail(slot.node, message); });
        slot.node = text;  // sets the scalar in place: the node keeps its mark
    }
}

void restore(std::vector<ScalarSlot>& slots) {
    for (ScalarSlot& slot : slots) slot.node = slot.original;
}

}  // namespace attnreel
