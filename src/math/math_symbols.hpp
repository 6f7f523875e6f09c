#pragma once
// The vocabulary of formulas: which commands and characters stand for which character of
// the maths font, with which TeX atom class; the alphabets of \mathbf, \mathbb…; the
// commands and environments we know of but do not support. The parser (tex_parser.cpp)
// reads these tables; the tests check every code point against Latin Modern Math.
#include "math/math_ast.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace attnreel::math {

// A command that is one character of the maths font: \alpha, \times, \leq, \infty, \langle…
struct SymbolCommand {
    std::string_view name;  // with its backslash
    char32_t code_point;
    AtomClass cls;
};
const std::vector<SymbolCommand>& symbol_commands();
const SymbolCommand* find_symbol_command(std::string_view name);

// A printable ASCII character that is a symbol by itself: + - = < > ( ) [ ] , ; : . / | …
// Letters and digits are not here: they go through the alphabets below.
struct SymbolCharacter {
    char character;
    char32_t code_point;  // '-' is drawn as U+2212 MINUS SIGN, '*' as U+2217
    AtomClass cls;
};
const std::vector<SymbolCharacter>& symbol_characters();
const SymbolCharacter* find_symbol_character(char c);

// A symbol typed as Unicode ("×", "≤", "α"): the command or character it stands for, found
// by code point, so that it gets the same class, code point and matching key. Lower-case
// Greek is taken to the mathematical italic one, as \alpha is. Null when there is none.
struct UnicodeSymbol {
    std::string key;  // "\times", "-", "\alpha"
    char32_t code_point = 0;
    AtomClass cls = AtomClass::Ord;
};
std::optional<UnicodeSymbol> find_unicode_symbol(char32_t code_point);

// The matching key of a symbol (see docs/formulas.md): one name for each code point and
// class however it was written. The ASCII character when one is that symbol ("*" for \ast),
// else the first command in symbol_commands() that is ("\leq" for \le, \leq and a typed ≤).
// Empty when no character or command is that symbol.
std::string symbol_key(char32_t code_point, AtomClass cls);

// \sum, \prod, \int…: one glyph, drawn larger in display style.
struct LargeOperator {
    std::string_view name;
    char32_t code_point;
    Limits limits;  // Default for \sum (above in display style), Beside for \int
};
const std::vector<LargeOperator>& large_operators();
const LargeOperator* find_large_operator(std::string_view name);

// \lim, \log, \max…: an upright word that is an Op atom.
struct OperatorName {
    std::string_view name;  // "\lim"
    std::string_view word;  // "lim"
    Limits limits;          // Default for \lim \max (limits in display style), Beside for \log
};
const std::vector<OperatorName>& operator_names();
const OperatorName* find_operator_name(std::string_view name);
// The matching key of an operator name: its word without spaces, so that \argmax ("arg max"),
// \operatorname*{argmax} and \operatorname*{arg\,max} match.
std::string operator_key(std::string_view word);

// What may follow \left or \right: "(", "\{", "\langle", "." (the null delimiter)…
struct DelimiterSymbol {
    std::string_view name;  // as written after \left
    char32_t code_point;    // 0 for "."
    // The key of the same name written as a plain symbol ("(" for "\left(", "\{" for
    // "\left\lbrace"), except "<" and ">", which are \langle and \rangle here.
    std::string_view key;
};
const std::vector<DelimiterSymbol>& delimiter_symbols();
const DelimiterSymbol* find_delimiter_symbol(std::string_view name);

// \, \; \quad…: explicit spaces, math glue in mu or text spaces in em (see Space).
struct SpaceCommand {
    std::string_view name;
    double mu;
    double em;
};
const std::vector<SpaceCommand>& space_commands();
const SpaceCommand* find_space_command(std::string_view name);
// The interword space of the text font (Latin Modern's, like cmr10's 3.33pt at 10pt): "\ "
// and ~ in a formula.
inline constexpr double word_space_em = 1.0 / 3;
// TeX's \; (\thickspace), which plain TeX and amsmath put on either side of \iff and \implies.
inline constexpr double thick_space_mu = 5;
// Whether the symbol command `name` comes with a \; on either side: \iff is
// \;\Longleftrightarrow\; and \implies \;\Longrightarrow\; in amsmath.
bool padded_with_thick_spaces(std::string_view name);

// \displaystyle…
struct StyleCommand {
    std::string_view name;
    MathStyle style;
};
const std::vector<StyleCommand>& style_commands();
const StyleCommand* find_style_command(std::string_view name);

// The letter forms of \mathit (the default for letters), \mathrm, \mathbf, \boldsymbol
// (bold italic), \mathbb, \mathcal, \mathfrak, \mathsf and \mathtt.
enum class Alphabet { Italic, Roman, Bold, BoldItalic, BlackboardBold, Calligraphic, Fraktur, SansSerif, Monospace };
struct AlphabetCommand {
    std::string_view name;
    Alphabet alphabet;
};
const std::vector<AlphabetCommand>& alphabet_commands();
const AlphabetCommand* find_alphabet_command(std::string_view name);
// The code point of the ASCII letter or digit `c` in `alphabet`: U+1D44E for an italic 'a'
// (U+210E for 'h'), U+211D for a blackboard 'R'… Digits are upright in the italic and
// roman alphabets and bold in the bold ones. 0 when the alphabet has no such character
// (\mathcal has capitals only, \mathfrak no digits).
char32_t alphabet_code_point(Alphabet alphabet, char c);
// What an alphabet lacks, for the error: "capital letters only", "letters only".
std::string_view alphabet_coverage(Alphabet alphabet);
// The bold form of a Greek letter, ∂ or ∇ as the symbol tables give them (italic
// lower-case, upright capitals…): upright bold for \mathbf (U+1D6C2 for α), bold italic
// for \boldsymbol except the upright capitals, which stay upright as in TeX (U+1D736 for
// α, U+1D6AA for Γ). The code point itself for other alphabets; 0 when a bold alphabet
// has no form for it (+, \infty, \sum…).
char32_t symbol_in_alphabet(Alphabet alphabet, char32_t code_point);
bool is_bold(Alphabet alphabet);

// \begin{…} environments: the matrices and their fences, and cases.
struct MatrixEnvironment {
    std::string_view name;  // "bmatrix"
    DelimiterSymbol left, right;
    ColumnAlign align = ColumnAlign::Centre;
    double row_stretch = 1;  // amsmath's \arraystretch: 1.2 in cases
};
const std::vector<MatrixEnvironment>& matrix_environments();
const MatrixEnvironment* find_matrix_environment(std::string_view name);

// \hat, \widehat…: accents over one argument, drawn with the font's combining mark.
struct AccentCommand {
    std::string_view name;
    char32_t code_point;  // U+0302 for \hat and \widehat
    bool wide;            // grows to the width of its base
};
const std::vector<AccentCommand>& accent_commands();
const AccentCommand* find_accent_command(std::string_view name);

// \mathbin{…}, \mathrel{…}…: the argument as one atom of the class named.
struct ClassCommand {
    std::string_view name;
    AtomClass cls;
};
const std::vector<ClassCommand>& class_commands();
const ClassCommand* find_class_command(std::string_view name);

// \boxed, \cancel…: a frame or a strike over the argument.
struct EnclosureCommand {
    std::string_view name;
    Enclosure notation;
};
const std::vector<EnclosureCommand>& enclosure_commands();
const EnclosureCommand* find_enclosure_command(std::string_view name);

// Real TeX that attnreel does not draw. `hint` is appended to "'\x' is not supported".
struct UnsupportedCommand {
    std::string_view name;
    std::string_view hint;  // "" or "; write \frac{a}{b}"…
};
const std::vector<UnsupportedCommand>& unsupported_commands();
const UnsupportedCommand* find_unsupported_command(std::string_view name);
// Environments the same way: `hint` is appended to "environment 'align' is not supported".
const std::vector<UnsupportedCommand>& unsupported_environments();
const UnsupportedCommand* find_unsupported_environment(std::string_view name);

// Commands with a syntax of their own, handled by the parser: \frac, \sqrt, \left, \text, \overline…
const std::vector<std::string_view>& construction_commands();

// Every supported command name, for "did you mean" suggestions.
const std::vector<std::string>& known_commands();

}  // namespace attnreel::math
