#pragma once
// In YAML double quotes a backslash starts an escape: "\theta" is a tab and "heta", "\frac"
// a form feed and "rac". These functions find such characters in a loaded value and name
// what was probably meant, so that messages can tell the author to use single quotes.
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace attnreel {

// A character of a loaded value that a double-quoted YAML escape produces.
struct EscapedCharacter {
    std::size_t offset = 0;  // bytes into the value
    std::string name;        // "a tab"
    std::string written;     // the escape with the letters after it, as typed: "\theta"
};

// The first control character of `value` that a double-quoted escape makes (\0 \a \b \t \n
// \v \f \r \e, and \N \L \P: U+0085, U+2028, U+2029), or none. Newlines are skipped when
// `newlines_allowed` (a text's lines).
std::optional<EscapedCharacter> find_escaped_character(std::string_view value, bool newlines_allowed);

// The same for a formula, where a newline is ordinary white space (formulas written as `|`
// blocks) unless "\n" and the letters after it name a TeX command (\nabla, \neq, \nu).
std::optional<EscapedCharacter> find_escaped_character_in_formula(std::string_view tex);

// "in YAML double quotes "\theta" is a tab and "heta": write formulas in single quotes,
// as '\theta'" (`what` is "formulas" or "texts").
std::string single_quote_advice(const EscapedCharacter& c, const std::string& what);

}  // namespace attnreel
