#include "io/text_placeholders.hpp"

#include "attention/model_path.hpp"
#include "text/styled_replace.hpp"

#include <optional>

namespace attnreel {

namespace {

const char* const kFormats = "expected a format such as .2f (2 decimals), .1% (a percentage), .3e (scientific), "
                             "d (a whole number) or s (a name)";

// A placeholder or an escape found in the plain text.
struct Found {
    std::size_t begin = 0, end = 0;  // bytes, braces included
    bool escape = false;             // "{{" or "}}"
};

// The first ':' of a placeholder that is not inside a path's [a:b] range.
std::optional<std::size_t> format_colon(std::string_view inner) {
    int depth = 0;
    for (std::size_t i = 0; i < inner.size(); ++i) {
        if (inner[i] == '[') ++depth;
        else if (inner[i] == ']') --depth;
        else if (inner[i] == ':' && depth <= 0) return i;
    }
    return std::nullopt;
}

std::vector<Found> scan(std::string_view text) {
    std::vector<Found> found;
    std::size_t i = 0;
    while (i < text.size()) {
        const char c = text[i];
        if ((c == '{' || c == '}') && i + 1 < text.size() && text[i + 1] == c) {
            found.push_back({i, i + 2, true});
            i += 2;
            continue;
        }
        if (c == '{') {
            const std::size_t close = text.find_first_of("{}", i + 1);
            if (close != std::string_view::npos && text[close] == '}' &&
                attention::starts_like_model_path(text.substr(i + 1, close - i - 1))) {
                found.push_back({i, close + 1, false});
                i = close + 1;
                continue;
            }
        }
        ++i;
    }
    return found;
}

}  // namespace

ValueFormat parse_value_format(std::string_view written) {
    ValueFormat f;
    f.written = std::string(written);
    if (written.empty()) return f;
    if (written == "s") {
        f.kind = ValueFormat::Kind::name;
        return f;
    }
    if (written == "d") {
        f.kind = ValueFormat::Kind::integer;
        f.decimals = 0;
        return f;
    }
    std::string_view rest = written;
    if (rest.front() == '.') {
        rest.remove_prefix(1);
        std::size_t digits = 0;
        int decimals = 0;
        while (digits < rest.size() && rest[digits] >= '0' && rest[digits] <= '9' && digits < 3)
            decimals = decimals * 10 + (rest[digits++] - '0');
        if (digits == 0) throw std::invalid_argument("a digit must follow '.' in the format '" + f.written + "'; " + kFormats);
        if (decimals > 12) throw std::invalid_argument("the format '" + f.written + "' asks for more than 12 decimals");
        f.decimals = decimals;
        rest.remove_prefix(digits);
    }
    if (rest == "f") f.kind = ValueFormat::Kind::fixed;
    else if (rest == "%") f.kind = ValueFormat::Kind::percent;
    else if (rest == "e") f.kind = ValueFormat::Kind::exponent;
    else throw std::invalid_argument("unknown format '" + f.written + "'; " + kFormats);
    return f;
}

void load_text_values(const YamlReader& in, const YAML::Node& node, const std::string& source, TextSpec& text) {
    const std::vector<Found> found = scan(text.content.text);
    if (found.empty()) return;
    std::vector<text::Replacement> escapes;
    std::size_t cursor = 0;  // where the next placeholder is looked for in the source
    for (const Found& f : found) {
        const std::string raw = text.content.text.substr(f.begin, f.end - f.begin);
        if (f.escape) {
            escapes.push_back({f.begin, f.end, raw.substr(0, 1)});
            continue;
        }
        // The placeholder's place in the scalar (markup before it moves it): for marks.
        const std::size_t at = source.find(raw, cursor);
        if (at != std::string::npos) cursor = at + raw.size();
        const auto mark_at = [&](std::size_t offset) {
            return at == std::string::npos ? in.mark(node) : in.mark_at(node, at + offset);
        };
        const std::string_view inner = std::string_view(raw).substr(1, raw.size() - 2);
        const std::optional<std::size_t> colon = format_colon(inner);
        const std::string path_text(inner.substr(0, colon.value_or(inner.size())));
        TextValue value;
        try {
            value.path = {path_text, attention::parse_model_path(path_text), mark_at(1)};
        } catch (const attention::PathError& e) {
            throw InputError(mark_at(1 + e.offset()), e.what());
        }
        const std::size_t format_offset = 1 + (colon ? *colon + 1 : inner.size());
        value.format_mark = mark_at(format_offset);
        try {
            value.format = parse_value_format(colon ? inner.substr(*colon + 1) : std::string_view());
        } catch (const std::invalid_argument& e) {
            throw InputError(value.format_mark, e.what());
        }
        value.begin = f.begin;
        value.end = f.end;
        text.values.push_back(std::move(value));
    }
    // The escapes become single braces; the placeholders keep their text until compile.
    for (TextValue& v : text.values) {
        v.begin = text::replaced_offset(v.begin, escapes);
        v.end = text::replaced_offset(v.end, escapes);
    }
    text.content = text::replace_ranges(text.content, escapes);
}

}  // namespace attnreel
