#pragma once
// The formula parser's reader, shared by the two files that implement it: tex_parser.cpp
// reads tokens, lists, symbols, arguments and scripts; tex_constructions.cpp reads the
// commands that build something from their arguments (fractions, radicals, fences,
// stacks, text, environments, and the commands that wrap one argument). Private to the
// maths module; parse_tex (tex_parser.hpp) is its interface.
#include "math/math_ast.hpp"
#include "math/math_symbols.hpp"
#include "math/tex_parser.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace attnreel::math::detail {

inline bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }
inline bool is_letter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
inline bool is_digit(char c) { return c >= '0' && c <= '9'; }
inline bool is_control(char c) { return (static_cast<unsigned char>(c) < 0x20 && !is_space(c)) || c == 0x7F; }

// What a list is the inside of, which decides the tokens that end it.
enum class Scope { Formula, Braces, Brackets, LeftRight, MatrixCell };

struct OpenScope {
    Scope scope;
    std::size_t offset;       // of the token that opened it: '{', '[', \left, \begin
    std::string environment;  // the matrix's name, for MatrixCell
};

// Tokens that end a list.
enum class Ender { End, CloseBrace, CloseBracket, Middle, Right, Ampersand, NewRow, EndEnvironment };

// A node whose nucleus and whole atom both span [begin, end) of the source.
Node make_node(AtomClass cls, Nucleus nucleus, std::size_t begin, std::size_t end, std::string key);

// Reads one formula: a recursive descent over its lists, keeping the scopes it is inside.
class Parser {
public:
    explicit Parser(std::string_view source) : src_(source) {}

    MathList parse();

private:
    std::string_view src_;
    std::size_t pos_ = 0;
    std::vector<OpenScope> scopes_;  // innermost last
    std::size_t unbraced_levels_ = 0;  // commands being read as an unbraced argument
    Alphabet alphabet_ = Alphabet::Italic;
    std::string_view alphabet_name_;  // the command that chose alphabet_, for messages

    // --- in tex_parser.cpp -----------------------------------------------------------------

    bool at_end() const { return pos_ >= src_.size(); }
    void skip_space() {
        while (!at_end() && is_space(src_[pos_])) ++pos_;
    }

    // The command at `at` (a backslash): "\frac", "\{", "\ ", or "\" alone at the end.
    std::string_view command_at(std::size_t at) const;

    // The text of one source character (a whole UTF-8 sequence) at `at`, for messages.
    std::string_view character_at(std::size_t at) const;

    std::optional<Ender> ender_here() const;

    // An ender that the innermost list does not take: if an outer list takes it, the inner
    // construction was left open; else the ender itself is out of place.
    [[noreturn]] void misplaced(Ender ender) const;

    // Reads items until the ender of the innermost scope, and stops before it.
    MathList parse_list();

    // Refuses one more level of nesting beyond the limit, blaming the token at `offset`.
    void enter_level(std::size_t offset) const;

    MathList parse_scoped(Scope scope, std::size_t offset, std::string environment = "");

    [[noreturn]] void command_error(std::string_view name, std::size_t at) const;

    // `code_point`, written as `written` at `at`, in the alphabet of the enclosing \mathbf or
    // \boldsymbol: Greek, ∂ and ∇ take their bold forms. \mathbf leaves other symbols as they
    // are, as TeX does; \boldsymbol would make them bold, which the font cannot.
    char32_t in_alphabet(char32_t code_point, std::size_t at, std::string_view written) const;

    // One-token symbols: a letter, a digit, + = ( …, a typed Unicode symbol, \alpha, \sum.
    // Returns false, having read nothing, for anything else.
    bool parse_symbol(MathList& list);

    // The argument of a command or script: a {group}, or a single symbol as in x^2, \frac12.
    // `owner` names the command in messages; `missing` is the message when there is none.
    MathList parse_argument(std::string_view owner, const std::string& missing, std::size_t owner_at);

    void parse_item(MathList& list);

    void parse_command(MathList& list);

    // x^a, x_a: hangs the argument on the atom before.
    void parse_script(MathList& list);

    // f', f'': primes are a superscript of ′ ″ ‴ ⁗ (four at most per glyph).
    void parse_primes(MathList& list);

    // --- in tex_constructions.cpp ---------------------------------------------------------

    // The commands whose one argument is wrapped in something: alphabets, accents,
    // over/under lines, class changes, frames and strikes, braces. False, having read
    // nothing, for any other command.
    bool parse_wrapping_command(MathList& list, std::string_view name);

    // \frac and \binom, and their \d… and \t… forms.
    void parse_fraction(MathList& list, std::string_view name);

    void parse_radical(MathList& list);

    // The delimiter after \left or \right.
    Delimiter read_delimiter(std::string_view owner, std::size_t owner_at);

    void parse_left_right(MathList& list);

    // \overset{mark}{base}, \underset{mark}{base}, \stackrel{mark}{base}: amsmath's
    // \mathop{base}\limits^{mark}, wrapped as one atom of the base's class when that is a
    // relation or a binary operator (its \binrel@), so that an = with a mark over it is
    // still spaced as a relation; otherwise an operator, as amsmath leaves it.
    // \stackrel is always a relation. Scripts written after it go beside the whole.
    void parse_stack(MathList& list, std::string_view name);

    // The braced argument of \text or \operatorname, read as text: spaces kept (runs of
    // white space become one, as in TeX), inner braces only grouping, \{ \$ … escapes.
    TextRun read_text_argument(std::string_view owner, std::size_t owner_at);

    // \operatorname{softmax}: limits beside; \operatorname*{argmax}: limits like \max.
    void parse_operator_name(MathList& list);

    // {name} after \begin or \end; the offset of the name goes to `name_at`.
    std::string read_environment_name(std::string_view owner, std::size_t owner_at, std::size_t& name_at);

    void parse_environment(MathList& list);
};

}  // namespace attnreel::math::detail
