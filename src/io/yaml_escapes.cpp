#include "io/yaml_escapes.hpp"

#include "math/math_symbols.hpp"

#include <algorithm>

namespace attnreel {

namespace {

struct Escape {
    std::string_view bytes;  // what the escape puts in the value
    char letter;             // the letter after the backslash
    const char* name;
};

constexpr Escape kEscapes[] = {
    {std::string_view("\0", 1), '0', "a null character"},
    {"\a", 'a', "a bell character"},
    {"\b", 'b', "a backspace"},
    {"\t", 't', "a tab"},
    {"\n", 'n', "a line break"},
    {"\v", 'v', "a vertical tab"},
    {"\f", 'f', "a form feed"},
    {"\r", 'r', "a carriage return"},
    {"\x1b", 'e', "an escape character"},
    {"\xc2\x85", 'N', "a next-line character (U+0085)"},
    {"\xe2\x80\xa8", 'L', "a line separator (U+2028)"},
    {"\xe2\x80\xa9", 'P', "a paragraph separator (U+2029)"},
};

bool is_letter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

EscapedCharacter describe(const Escape& e, std::string_view value, std::size_t at) {
    std::string written = std::string("\\") + e.letter;
    for (std::size_t i = at + e.bytes.size(); i < value.size() && is_letter(value[i]); ++i) written += value[i];
    return {at, e.name, written};
}

template <typename Accept>
std::optional<EscapedCharacter> find_escape(std::string_view value, Accept accept) {
    for (std::size_t at = 0; at < value.size(); ++at)
        for (const Escape& e : kEscapes)
            if (value.substr(at, e.bytes.size()) == e.bytes) {
                EscapedCharacter found = describe(e, value, at);
                if (accept(e, found)) return found;
            }
    return std::nullopt;
}

}  // namespace

std::optional<EscapedCharacter> find_escaped_character(std::string_view value, bool newlines_allowed) {
    return find_escape(value, [&](const Escape& e, const EscapedCharacter&) { return !(newlines_allowed && e.letter == 'n'); });
}

std::optional<EscapedCharacter> find_escaped_character_in_formula(std::string_view tex) {
    const auto& commands = math::known_commands();
    return find_escape(tex, [&](const Escape& e, const EscapedCharacter& found) {
        return e.letter != 'n' || std::find(commands.begin(), commands.end(), found.written) != commands.end();
    });
}

std::string single_quote_advice(const EscapedCharacter& c, const std::string& what) {
    return "in YAML double quotes \"" + c.written + "\" is " + c.name + (c.written.size() > 2 ? " and \"" + c.written.substr(2) + "\"" : "") +
           ": write " + what + " in single quotes, as '" + c.written + "'";
}

}  // namespace attnreel
