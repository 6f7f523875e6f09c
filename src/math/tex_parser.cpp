#include "math/tex_parser.hpp"

#include "core/error.hpp"
#include "math/math_symbols.hpp"
#include "text/utf8.hpp"

#include <algorithm>
#include <optional>

namespace attnreel::math {

namespace {

constexpr std::size_t max_formula_bytes = 10000;

// The length of the valid UTF-8 sequence at `i`, or 0 when the bytes there are not one.
std::size_t sequence_length(std::string_view s, std::size_t i) {
    const auto sequence = text::decode_utf8_at(s, i);
    return sequence ? sequence->length : 0;
}

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }
bool is_letter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_control(char c) { return (static_cast<unsigned char>(c) < 0x20 && !is_space(c)) || c == 0x7F; }

// What a list is the inside of, which decides the tokens that end it.
enum class Scope { Formula, Braces, Brackets, LeftRight, MatrixCell };

struct OpenScope {
    Scope scope;
    std::size_t offset;       // of the token that opened it: '{', '[', \left, \begin
    std::string environment;  // the matrix's name, for MatrixCell
};

// Tokens that end a list.
enum class Ender { End, CloseBrace, CloseBracket, Middle, Right, Ampersand, NewRow, EndEnvironment };

bool accepts(Scope scope, Ender ender) {
    switch (scope) {
        case Scope::Formula: return ender == Ender::End;
        case Scope::Braces: return ender == Ender::CloseBrace;
        case Scope::Brackets: return ender == Ender::CloseBracket;
        case Scope::LeftRight: return ender == Ender::Right || ender == Ender::Middle;
        case Scope::MatrixCell:
            return ender == Ender::Ampersand || ender == Ender::NewRow || ender == Ender::EndEnvironment;
    }
    return false;
}

Node make_node(AtomClass cls, Nucleus nucleus, std::size_t begin, std::size_t end, std::string key) {
    Node node;
    node.cls = cls;
    node.nucleus = std::move(nucleus);
    node.source = node.nucleus_source = {begin, end};
    node.key = std::move(key);
    return node;
}

// Space and style changes are not atoms in TeX: nothing to hang a script on.
bool takes_scripts(const Node& node) {
    return !std::holds_alternative<Space>(node.nucleus) && !std::holds_alternative<StyleChange>(node.nucleus);
}

// A superscript made of primes alone (f'), which a following ^ extends: f'^2 is f^{′2}.
bool primes_only(const MathList& sup) {
    for (const auto& node : sup)
        if (node.key.empty() || node.key.find_first_not_of('\'') != std::string::npos) return false;
    return true;
}

class Parser {
public:
    explicit Parser(std::string_view source) : src_(source) {}

    MathList parse() {
        if (src_.size() > max_formula_bytes)
            throw TexError(0, "formula longer than " + std::to_string(max_formula_bytes) + " bytes");
        for (std::size_t i = 0; i < src_.size();) {
            const std::size_t length = sequence_length(src_, i);
            if (length == 0) throw TexError(i, "invalid UTF-8");
            i += length;
        }
        scopes_.push_back({Scope::Formula, 0, ""});
        return parse_list();
    }

private:
    std::string_view src_;
    std::size_t pos_ = 0;
    std::vector<OpenScope> scopes_;  // innermost last
    std::size_t unbraced_levels_ = 0;  // commands being read as an unbraced argument
    Alphabet alphabet_ = Alphabet::Italic;
    std::string_view alphabet_name_;  // the command that chose alphabet_, for messages

    bool at_end() const { return pos_ >= src_.size(); }
    void skip_space() {
        while (!at_end() && is_space(src_[pos_])) ++pos_;
    }

    // The command at `at` (a backslash): "\frac", "\{", "\ ", or "\" alone at the end.
    std::string_view command_at(std::size_t at) const {
        std::size_t end = at + 1;
        if (end < src_.size()) {
            if (is_letter(src_[end])) {
                while (end < src_.size() && is_letter(src_[end])) ++end;
            } else {
                end += sequence_length(src_, end);
            }
        }
        return src_.substr(at, end - at);
    }

    // The text of one source character (a whole UTF-8 sequence) at `at`, for messages.
    std::string_view character_at(std::size_t at) const {
        return src_.substr(at, sequence_length(src_, at));
    }

    std::optional<Ender> ender_here() const {
        if (at_end()) return Ender::End;
        switch (src_[pos_]) {
            case '}': return Ender::CloseBrace;
            case ']':
                if (scopes_.back().scope == Scope::Brackets) return Ender::CloseBracket;
                return std::nullopt;
            case '&': return Ender::Ampersand;
            case '\\': {
                const std::string_view name = command_at(pos_);
                if (name == "\\\\") return Ender::NewRow;
                if (name == "\\right") return Ender::Right;
                if (name == "\\middle") return Ender::Middle;
                if (name == "\\end") return Ender::EndEnvironment;
                return std::nullopt;
            }
            default: return std::nullopt;
        }
    }

    // An ender that the innermost list does not take: if an outer list takes it, the inner
    // construction was left open; else the ender itself is out of place.
    [[noreturn]] void misplaced(Ender ender) const {
        // \middle belongs to the \left…\right directly around it, never one further out.
        if (ender == Ender::Middle)
            throw TexError(pos_, "\\middle must stand directly inside \\left…\\right, as in "
                                 "\\left( a \\middle| b \\right)");
        for (const auto& open : scopes_) {
            if (!accepts(open.scope, ender)) continue;
            const OpenScope& inner = scopes_.back();
            switch (inner.scope) {
                case Scope::Braces: throw TexError(inner.offset, "missing '}' for the '{' here");
                case Scope::Brackets: throw TexError(inner.offset, "missing ']' for the '[' here");
                case Scope::LeftRight: throw TexError(inner.offset, "\\left without a matching \\right");
                case Scope::MatrixCell:
                    throw TexError(inner.offset, "missing \\end{" + inner.environment + "} for the \\begin{" +
                                                     inner.environment + "} here");
                case Scope::Formula: break;
            }
        }
        switch (ender) {
            case Ender::CloseBrace: throw TexError(pos_, "unexpected '}'");
            case Ender::Right: throw TexError(pos_, "\\right without a matching \\left");
            case Ender::Ampersand: throw TexError(pos_, "'&' outside a matrix");
            case Ender::NewRow: throw TexError(pos_, "'\\\\' outside a matrix; a formula is one line");
            case Ender::EndEnvironment: throw TexError(pos_, "\\end without a matching \\begin");
            case Ender::End:
            case Ender::CloseBracket:
            case Ender::Middle: break;
        }
        throw TexError(pos_, "unexpected end of the list");  // unreachable: the formula takes the end
    }

    // Reads items until the ender of the innermost scope, and stops before it.
    MathList parse_list() {
        MathList list;
        for (;;) {
            skip_space();
            if (const auto ender = ender_here()) {
                if (accepts(scopes_.back().scope, *ender)) return list;
                misplaced(*ender);
            }
            parse_item(list);
        }
    }

    // Refuses one more level of nesting beyond the limit, blaming the token at `offset`.
    void enter_level(std::size_t offset) const {
        if (scopes_.size() - 1 + unbraced_levels_ >= max_source_nesting)
            throw TexError(offset, "formula nested deeper than " + std::to_string(max_source_nesting) + " levels");
    }

    MathList parse_scoped(Scope scope, std::size_t offset, std::string environment = "") {
        enter_level(offset);
        scopes_.push_back({scope, offset, std::move(environment)});
        MathList list = parse_list();
        scopes_.pop_back();
        return list;
    }

    [[noreturn]] void command_error(std::string_view name, std::size_t at) const {
        if (name == "\\") throw TexError(at, "'\\' at the end of the formula");
        if (const auto* unsupported = find_unsupported_command(name))
            throw TexError(at, "'" + std::string(name) + "' is not supported" + std::string(unsupported->hint));
        throw TexError(at, "unknown command '" + std::string(name) + "'" + did_you_mean(name, known_commands()));
    }

    // `code_point`, written as `written` at `at`, in the alphabet of the enclosing \mathbf or
    // \boldsymbol: Greek, ∂ and ∇ take their bold forms. \mathbf leaves other symbols as they
    // are, as TeX does; \boldsymbol would make them bold, which the font cannot.
    char32_t in_alphabet(char32_t code_point, std::size_t at, std::string_view written) const {
        if (const char32_t mapped = symbol_in_alphabet(alphabet_, code_point)) return mapped;
        if (alphabet_ != Alphabet::BoldItalic) return code_point;
        throw TexError(at, "'" + std::string(written) + "' has no bold form in the maths font; " +
                               std::string(alphabet_name_) + " makes letters, digits and Greek bold");
    }

    // One-token symbols: a letter, a digit, + = ( …, a typed Unicode symbol, \alpha, \sum.
    // Returns false, having read nothing, for anything else.
    bool parse_symbol(MathList& list) {
        const std::size_t at = pos_;
        const char c = src_[at];
        if (is_letter(c) || is_digit(c)) {
            const char32_t code_point = alphabet_code_point(alphabet_, c);
            if (code_point == 0)
                throw TexError(at, std::string(alphabet_name_) + " has " + std::string(alphabet_coverage(alphabet_)));
            ++pos_;
            list.push_back(make_node(AtomClass::Ord, Symbol{code_point}, at, pos_, std::string(1, c)));
            return true;
        }
        if (const auto* symbol = find_symbol_character(c)) {
            const char32_t code_point = in_alphabet(symbol->code_point, at, std::string_view(&src_[at], 1));
            ++pos_;
            list.push_back(make_node(symbol->cls, Symbol{code_point}, at, pos_, std::string(1, c)));
            return true;
        }
        switch (c) {
            case '$': throw TexError(at, "'$' is not needed around a formula; write \\$ for a dollar sign");
            case '%': throw TexError(at, "'%' starts a comment in TeX; write \\% for a percent sign");
            case '#': throw TexError(at, "'#' is TeX's macro parameter; write \\# for a hash sign");
            case '"':
            case '`': throw TexError(at, "character '" + std::string(1, c) + "' is not supported in a formula");
            default: break;
        }
        if (is_control(c)) throw TexError(at, "control character " + text::code_point_name(c) + " in the formula");
        if (static_cast<unsigned char>(c) >= 0x80) {
            const text::Utf8Sequence character = *text::decode_utf8_at(src_, at);  // checked by parse()
            const auto symbol = find_unicode_symbol(character.value);
            if (!symbol)
                throw TexError(at, "character '" + std::string(character_at(at)) + "' (" +
                                       text::code_point_name(character.value) +
                                       ") is not supported in a formula; put words in \\text{…}");
            const char32_t code_point = in_alphabet(symbol->code_point, at, character_at(at));
            pos_ += character.length;
            list.push_back(make_node(symbol->cls, Symbol{code_point}, at, pos_, symbol->key));
            return true;
        }
        if (c != '\\') return false;
        const std::string_view name = command_at(at);
        if (const auto* symbol = find_symbol_command(name)) {
            const char32_t code_point = in_alphabet(symbol->code_point, at, name);
            pos_ += name.size();
            const bool padded = padded_with_thick_spaces(name);
            if (padded) list.push_back(make_node(AtomClass::Ord, Space{thick_space_mu, 0}, at, pos_, ""));
            // Keyed by the symbol, not the name: \le and \leq match.
            list.push_back(make_node(symbol->cls, Symbol{code_point}, at, pos_,
                                     symbol_key(symbol->code_point, symbol->cls)));
            if (padded) list.push_back(make_node(AtomClass::Ord, Space{thick_space_mu, 0}, at, pos_, ""));
            return true;
        }
        if (const auto* op = find_large_operator(name)) {
            const char32_t code_point = in_alphabet(op->code_point, at, name);
            pos_ += name.size();
            Node node = make_node(AtomClass::Op, Symbol{code_point}, at, pos_, std::string(name));
            node.large_op = true;
            node.limits = op->limits;
            list.push_back(std::move(node));
            return true;
        }
        return false;
    }

    // The argument of a command or script: a {group}, or a single symbol as in x^2, \frac12.
    // `owner` names the command in messages; `missing` is the message when there is none.
    MathList parse_argument(std::string_view owner, const std::string& missing, std::size_t owner_at) {
        skip_space();
        if (at_end() || ender_here() || src_[pos_] == '^' || src_[pos_] == '_' || src_[pos_] == '\'')
            throw TexError(owner_at, missing);
        if (src_[pos_] == '{') {
            const std::size_t open = pos_++;
            MathList body = parse_scoped(Scope::Braces, open);
            ++pos_;  // '}'
            return body;
        }
        MathList single;
        if (parse_symbol(single)) return single;
        if (src_[pos_] != '\\')
            throw TexError(pos_, "'" + std::string(character_at(pos_)) + "' after " + std::string(owner) +
                                     " must be in braces");
        // A command with arguments of its own, as in x_\text{max} or \frac1\sqrt2: nesting
        // without braces, which counts towards the limit all the same.
        enter_level(pos_);
        ++unbraced_levels_;
        parse_command(single);
        --unbraced_levels_;
        return single;
    }

    void parse_item(MathList& list) {
        const std::size_t at = pos_;
        const char c = src_[at];
        if (c == '^' || c == '_') return parse_script(list);
        if (c == '\'') return parse_primes(list);
        if (c == '{') {
            ++pos_;
            MathList body = parse_scoped(Scope::Braces, at);
            ++pos_;  // '}'
            list.push_back(make_node(AtomClass::Ord, Group{std::move(body)}, at, pos_, ""));
            return;
        }
        if (c == '~') {
            ++pos_;
            list.push_back(make_node(AtomClass::Ord, Space{0, word_space_em}, at, pos_, ""));
            return;
        }
        if (parse_symbol(list)) return;
        if (c != '\\') throw TexError(at, "character '" + std::string(character_at(at)) + "' is not supported");
        parse_command(list);
    }

    void parse_command(MathList& list) {
        const std::size_t at = pos_;
        const std::string_view name = command_at(at);
        // A backslash before any white space is TeX's control space.
        const bool control_space = name.size() == 2 && is_space(name[1]);
        if (const auto* space = find_space_command(control_space ? "\\ " : name)) {
            pos_ += name.size();
            list.push_back(make_node(AtomClass::Ord, Space{space->mu, space->em}, at, pos_, ""));
            return;
        }
        if (const auto* style = find_style_command(name)) {
            pos_ += name.size();
            list.push_back(make_node(AtomClass::Ord, StyleChange{style->style}, at, pos_, ""));
            return;
        }
        if (const auto* op = find_operator_name(name)) {
            pos_ += name.size();
            Node node = make_node(AtomClass::Op, TextRun{std::string(op->word), std::nullopt}, at, pos_,
                                  operator_key(op->word));
            node.limits = op->limits;
            list.push_back(std::move(node));
            return;
        }
        if (const auto* alphabet = find_alphabet_command(name)) {
            pos_ += name.size();
            const Alphabet outer = alphabet_;
            const std::string_view outer_name = alphabet_name_;
            alphabet_ = alphabet->alphabet;
            alphabet_name_ = alphabet->name;
            MathList body = parse_argument(name, std::string(name) + " needs an argument", at);
            alphabet_ = outer;
            alphabet_name_ = outer_name;
            list.push_back(make_node(AtomClass::Ord, Group{std::move(body)}, at, pos_, ""));
            return;
        }
        if (const auto* accent = find_accent_command(name)) {
            pos_ += name.size();
            MathList base = parse_argument(name, std::string(name) + " needs an argument", at);
            list.push_back(make_node(AtomClass::Ord, Accent{accent->code_point, accent->wide, std::move(base)}, at,
                                     pos_, std::string(name)));
            return;
        }
        if (name == "\\overline" || name == "\\underline") {
            pos_ += name.size();
            MathList body = parse_argument(name, std::string(name) + " needs an argument", at);
            const LineSide side = name == "\\overline" ? LineSide::Over : LineSide::Under;
            list.push_back(
                make_node(AtomClass::Ord, OverUnderLine{side, std::move(body)}, at, pos_, std::string(name)));
            return;
        }
        if (const auto* cls = find_class_command(name)) {
            pos_ += name.size();
            MathList body = parse_argument(name, std::string(name) + " needs an argument", at);
            list.push_back(make_node(cls->cls, Group{std::move(body)}, at, pos_, ""));
            return;
        }
        if (const auto* enclosure = find_enclosure_command(name)) {
            pos_ += name.size();
            MathList body = parse_argument(name, std::string(name) + " needs an argument", at);
            list.push_back(
                make_node(AtomClass::Ord, Enclosed{enclosure->notation, std::move(body)}, at, pos_, std::string(name)));
            return;
        }
        if (name == "\\underbrace" || name == "\\overbrace") {
            pos_ += name.size();
            MathList body = parse_argument(name, std::string(name) + " needs an argument", at);
            const LineSide side = name == "\\underbrace" ? LineSide::Under : LineSide::Over;
            // TeX's \underbrace is \mathop{…}\limits: its label is a limit under it.
            Node node = make_node(AtomClass::Op, Brace{side, std::move(body)}, at, pos_, std::string(name));
            node.limits = Limits::Above;
            list.push_back(std::move(node));
            return;
        }
        if (name == "\\overset" || name == "\\underset" || name == "\\stackrel") return parse_stack(list, name);
        if (name == "\\frac" || name == "\\dfrac" || name == "\\tfrac" || name == "\\binom" || name == "\\dbinom" ||
            name == "\\tbinom")
            return parse_fraction(list, name);
        if (name == "\\sqrt") return parse_radical(list);
        if (name == "\\left") return parse_left_right(list);
        if (name == "\\text" || name == "\\textrm") {
            pos_ += name.size();
            TextRun run = read_text_argument(name, at);
            const std::string key = run.utf8;
            list.push_back(make_node(AtomClass::Ord, std::move(run), at, pos_, key));
            return;
        }
        if (name == "\\operatorname") return parse_operator_name(list);
        if (name == "\\limits" || name == "\\nolimits") {
            if (list.empty() || list.back().cls != AtomClass::Op)
                throw TexError(at, std::string(name) + " must follow an operator such as \\sum");
            pos_ += name.size();
            list.back().limits = name == "\\limits" ? Limits::Above : Limits::Beside;
            list.back().source.end = pos_;
            return;
        }
        if (name == "\\begin") return parse_environment(list);
        command_error(name, at);
    }

    // x^a, x_a: hangs the argument on the atom before.
    void parse_script(MathList& list) {
        const std::size_t at = pos_;
        const bool superscript = src_[at] == '^';
        const std::string sign(1, src_[at]);
        ++pos_;
        if (list.empty() || !takes_scripts(list.back()))
            throw TexError(at, sign + " needs a base; write {}" + sign + "… for an empty one");
        Node& base = list.back();
        std::optional<MathList>& slot = superscript ? base.sup : base.sub;
        const bool after_primes = superscript && slot && primes_only(*slot);
        if (slot && !after_primes) throw TexError(at, superscript ? "double superscript" : "double subscript");
        MathList argument = parse_argument(sign, sign + " needs an argument", at);
        // `base` is still valid: the argument was read into lists of its own.
        if (after_primes) {
            for (auto& node : argument) slot->push_back(std::move(node));
        } else {
            slot = std::move(argument);
        }
        base.source.end = pos_;
    }

    // f', f'': primes are a superscript of ′ ″ ‴ ⁗ (four at most per glyph).
    void parse_primes(MathList& list) {
        const std::size_t at = pos_;
        if (list.empty() || !takes_scripts(list.back())) throw TexError(at, "a prime needs a base");
        Node& base = list.back();
        if (base.sup) throw TexError(at, "double superscript");
        static constexpr char32_t primes[] = {U'′', U'″', U'‴', U'⁗'};
        MathList sup;
        while (!at_end() && src_[pos_] == '\'') {
            std::size_t count = 0;
            const std::size_t begin = pos_;
            while (count < 4 && !at_end() && src_[pos_] == '\'') ++count, ++pos_;
            sup.push_back(make_node(AtomClass::Ord, Symbol{primes[count - 1]}, begin, pos_, std::string(count, '\'')));
        }
        base.sup = std::move(sup);
        base.source.end = pos_;
    }

    // \frac and \binom, and their \d… and \t… forms.
    void parse_fraction(MathList& list, std::string_view name) {
        const std::size_t at = pos_;
        pos_ += name.size();
        const std::string missing = std::string(name) + " needs 2 arguments";
        const bool binomial = name.ends_with("binom");
        Fraction fraction;
        fraction.numerator = parse_argument(name, missing, at);
        fraction.denominator = parse_argument(name, missing, at);
        if (binomial) {
            // amsmath's \binom is \genfrac(){0pt}{}: no rule, parentheses keyed as plain ones.
            const SourceRange command{at, at + name.size()};
            fraction.rule = false;
            fraction.left = Delimiter{U'(', command, "("};
            fraction.right = Delimiter{U')', command, ")"};
        }
        Node node = make_node(AtomClass::Ord, std::move(fraction), at, pos_, binomial ? "\\binom" : "\\frac");
        if (name == "\\frac" || name == "\\binom") {
            list.push_back(std::move(node));
            return;
        }
        // \dfrac is {\displaystyle\frac…}, \tfrac {\textstyle\frac…}, and so for \dbinom, \tbinom.
        const MathStyle style = name.starts_with("\\d") ? MathStyle::Display : MathStyle::Text;
        MathList body;
        body.push_back(make_node(AtomClass::Ord, StyleChange{style}, at, at + name.size(), ""));
        body.push_back(std::move(node));
        list.push_back(make_node(AtomClass::Ord, Group{std::move(body)}, at, pos_, ""));
    }

    void parse_radical(MathList& list) {
        const std::size_t at = pos_;
        pos_ += 5;  // \sqrt
        skip_space();
        std::optional<MathList> degree;
        if (!at_end() && src_[pos_] == '[') {
            const std::size_t open = pos_++;
            degree = parse_scoped(Scope::Brackets, open);
            ++pos_;  // ']'
        }
        MathList body = parse_argument("\\sqrt", "\\sqrt needs an argument", at);
        list.push_back(make_node(AtomClass::Ord, Radical{std::move(body), std::move(degree)}, at, pos_, "\\sqrt"));
    }

    // The delimiter after \left or \right.
    Delimiter read_delimiter(std::string_view owner, std::size_t owner_at) {
        skip_space();
        if (at_end()) throw TexError(owner_at, std::string(owner) + " needs a delimiter");
        const std::size_t at = pos_;
        const std::string_view name = src_[at] == '\\' ? command_at(at) : character_at(at);
        const auto* symbol = find_delimiter_symbol(name);
        if (!symbol) {
            std::vector<std::string> names;
            for (const auto& d : delimiter_symbols()) names.emplace_back(d.name);
            // A brace is the likeliest slip, and one character is as near to any other.
            const std::string suggestion = name == "{" || name == "}" ? "; did you mean '\\" + std::string(name) + "'?"
                                                                      : did_you_mean(name, names);
            throw TexError(at,
                           "unknown delimiter '" + std::string(name) + "' after " + std::string(owner) + suggestion);
        }
        pos_ += name.size();
        return Delimiter{symbol->code_point, {at, pos_}, std::string(symbol->key)};
    }

    void parse_left_right(MathList& list) {
        const std::size_t at = pos_;
        pos_ += 5;  // \left
        Delimiter left = read_delimiter("\\left", at);
        MathList body = parse_scoped(Scope::LeftRight, at);
        std::vector<MiddleDelimiter> middles;
        while (ender_here() == Ender::Middle) {
            const std::size_t middle_at = pos_;
            pos_ += 7;  // \middle
            Delimiter middle = read_delimiter("\\middle", middle_at);
            middles.push_back({std::move(middle), parse_scoped(Scope::LeftRight, at)});
        }
        const std::size_t right_at = pos_;
        pos_ += 6;  // \right
        Delimiter right = read_delimiter("\\right", right_at);
        list.push_back(make_node(AtomClass::Inner,
                                 LeftRight{std::move(left), std::move(right), std::move(body), std::move(middles)}, at,
                                 pos_, ""));
    }

    // \overset{mark}{base}, \underset{mark}{base}, \stackrel{mark}{base}: amsmath's
    // \mathop{base}\limits^{mark}, wrapped as one atom of the base's class when that is a
    // relation or a binary operator (its \binrel@), so that an = with a mark over it is
    // still spaced as a relation; otherwise an operator, as amsmath leaves it.
    // \stackrel is always a relation. Scripts written after it go beside the whole.
    void parse_stack(MathList& list, std::string_view name) {
        const std::size_t at = pos_;
        pos_ += name.size();
        const std::string missing = std::string(name) + " needs 2 arguments";
        MathList mark = parse_argument(name, missing, at);
        MathList base = parse_argument(name, missing, at);
        AtomClass cls = AtomClass::Op;
        if (name == "\\stackrel") cls = AtomClass::Rel;
        else if (base.size() == 1 && (base[0].cls == AtomClass::Rel || base[0].cls == AtomClass::Bin))
            cls = base[0].cls;
        Node op = make_node(AtomClass::Op, Group{std::move(base)}, at, pos_, "");
        op.limits = Limits::Above;
        (name == "\\underset" ? op.sub : op.sup) = std::move(mark);
        Node whole = make_node(cls, Group{MathList{std::move(op)}}, at, pos_, "");
        whole.limits = Limits::Beside;
        list.push_back(std::move(whole));
    }

    // The braced argument of \text or \operatorname, read as text: spaces kept (runs of
    // white space become one, as in TeX), inner braces only grouping, \{ \$ … escapes.
    TextRun read_text_argument(std::string_view owner, std::size_t owner_at) {
        skip_space();
        if (at_end() || src_[pos_] != '{')
            throw TexError(owner_at, std::string(owner) + " needs an argument in braces");
        const std::size_t open = pos_++;
        std::string text;
        int depth = 1;
        for (;;) {
            if (at_end()) throw TexError(open, "missing '}' for the '{' here");
            const std::size_t at = pos_;
            const char c = src_[at];
            if (c == '{') {
                ++depth, ++pos_;
            } else if (c == '}') {
                ++pos_;
                if (--depth == 0) {
                    const SourceRange inside{open + 1, at};
                    if (src_.substr(inside.begin, inside.end - inside.begin) == text) return TextRun{text, inside};
                    return TextRun{text, std::nullopt};
                }
            } else if (is_space(c) || c == '~') {
                if (text.empty() || text.back() != ' ') text += ' ';
                ++pos_;
            } else if (c == '\\') {
                const std::string_view name = command_at(at);
                const bool escape = name.size() == 2 && std::string_view("{}$%&#_").find(name[1]) != std::string::npos;
                // Text has no thin spaces: \, \: \; and "\ " are a word space, \! nothing.
                const bool space = (name.size() == 2 && is_space(name[1])) || name == "\\," || name == "\\:" ||
                                   name == "\\;" || name == "\\>";
                if (space) {
                    if (text.empty() || text.back() != ' ') text += ' ';
                } else if (escape) {
                    text += name[1];
                } else if (name != "\\!") {
                    throw TexError(at,
                                   "'" + std::string(name) + "' inside " + std::string(owner) + " is not supported");
                }
                pos_ += name.size();
            } else if (c == '$') {
                throw TexError(at, "'$' inside " + std::string(owner) +
                                       ": text cannot hold maths; write \\$ for a dollar sign");
            } else if (c == '^') {
                throw TexError(at, "'^' inside " + std::string(owner) + " is not supported");
            } else if (c == '%' || c == '&' || c == '#' || c == '_') {
                throw TexError(at, "'" + std::string(1, c) + "' inside " + std::string(owner) + " must be written '\\" +
                                       std::string(1, c) + "'");
            } else if (is_control(c)) {
                throw TexError(at, "control character " + text::code_point_name(c) + " in the formula");
            } else {
                const std::string_view character = character_at(at);
                text += character;
                pos_ += character.size();
            }
        }
    }

    // \operatorname{softmax}: limits beside; \operatorname*{argmax}: limits like \max.
    void parse_operator_name(MathList& list) {
        const std::size_t at = pos_;
        pos_ += 13;  // \operatorname
        const bool star = !at_end() && src_[pos_] == '*';
        if (star) ++pos_;
        const std::string owner = star ? "\\operatorname*" : "\\operatorname";
        TextRun word = read_text_argument(owner, at);
        if (word.utf8.find_first_not_of(' ') == std::string::npos) throw TexError(at, owner + " needs a name");
        const std::string key = operator_key(word.utf8);
        Node node = make_node(AtomClass::Op, std::move(word), at, pos_, key);
        node.limits = star ? Limits::Default : Limits::Beside;
        list.push_back(std::move(node));
    }

    // {name} after \begin or \end; the offset of the name goes to `name_at`.
    std::string read_environment_name(std::string_view owner, std::size_t owner_at, std::size_t& name_at) {
        skip_space();
        if (at_end() || src_[pos_] != '{')
            throw TexError(owner_at, std::string(owner) + " needs an environment name in braces");
        const std::size_t open = pos_++;
        name_at = pos_;
        while (!at_end() && src_[pos_] != '}') ++pos_;
        if (at_end()) throw TexError(open, "missing '}' for the '{' here");
        return std::string(src_.substr(name_at, pos_++ - name_at));
    }

    void parse_environment(MathList& list) {
        const std::size_t at = pos_;
        pos_ += 6;  // \begin
        std::size_t name_at = 0;
        const std::string name = read_environment_name("\\begin", at, name_at);
        const MatrixEnvironment* environment = find_matrix_environment(name);
        if (!environment) {
            if (const auto* unsupported = find_unsupported_environment(name))
                throw TexError(name_at, "environment '" + name + "' is not supported" + std::string(unsupported->hint));
            std::vector<std::string> names;
            for (const auto& e : matrix_environments()) names.emplace_back(e.name);
            throw TexError(name_at, "unknown environment '" + name + "'" + did_you_mean(name, names));
        }
        const std::size_t begin_end = pos_;

        std::vector<std::vector<MathList>> rows(1);
        for (;;) {
            rows.back().push_back(parse_scoped(Scope::MatrixCell, at, name));
            const Ender ender = *ender_here();
            if (ender == Ender::Ampersand) {
                ++pos_;
            } else if (ender == Ender::NewRow) {
                pos_ += 2;
                rows.emplace_back();
            } else {
                break;  // \end
            }
        }
        const std::size_t end_at = pos_;
        pos_ += 4;  // \end
        std::size_t end_name_at = 0;
        const std::string end_name = read_environment_name("\\end", end_at, end_name_at);
        if (end_name != name) throw TexError(end_at, "\\end{" + end_name + "} does not match \\begin{" + name + "}");

        // "a \\ b \\" ends with an empty row that TeX does not draw.
        if (rows.size() > 1 && rows.back().size() == 1 && rows.back()[0].empty())
            rows.pop_back();
        std::size_t columns = 0;
        for (const auto& row : rows) columns = std::max(columns, row.size());
        for (auto& row : rows) row.resize(columns);

        auto fence = [](const DelimiterSymbol& d, SourceRange source) {
            return Delimiter{d.code_point, source, std::string(d.key)};
        };
        Matrix matrix{std::move(rows), fence(environment->left, {at, begin_end}),
                      fence(environment->right, {end_at, pos_}), environment->align, environment->row_stretch};
        // A fenced matrix is \left[ … \right], an Inner atom; a bare one is a box, an Ord.
        const AtomClass cls = environment->left.code_point ? AtomClass::Inner : AtomClass::Ord;
        list.push_back(make_node(cls, std::move(matrix), at, pos_, ""));
    }
};

}  // namespace

MathList parse_tex(std::string_view source) { return Parser(source).parse(); }

}  // namespace attnreel::math
