// The reader's core: tokens, lists and their scopes, symbols, arguments, scripts, and
// the dispatch of commands (those that build something are in tex_constructions.cpp).
#include "math/tex_parser.hpp"

#include "core/error.hpp"
#include "math/math_symbols.hpp"
#include "math/tex_reader.hpp"
#include "text/utf8.hpp"

#include <algorithm>
#include <optional>

namespace attnreel::math::detail {

namespace {

constexpr std::size_t max_formula_bytes = 10000;

// The length of the valid UTF-8 sequence at `i`, or 0 when the bytes there are not one.
std::size_t sequence_length(std::string_view s, std::size_t i) {
    const auto sequence = text::decode_utf8_at(s, i);
    return sequence ? sequence->length : 0;
}

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

}  // namespace

Node make_node(AtomClass cls, Nucleus nucleus, std::size_t begin, std::size_t end, std::string key) {
    Node node;
    node.cls = cls;
    node.nucleus = std::move(nucleus);
    node.source = node.nucleus_source = {begin, end};
    node.key = std::move(key);
    return node;
}

MathList Parser::parse() {
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

std::string_view Parser::command_at(std::size_t at) const {
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

std::string_view Parser::character_at(std::size_t at) const {
    return src_.substr(at, sequence_length(src_, at));
}

std::optional<Ender> Parser::ender_here() const {
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

[[noreturn]] void Parser::misplaced(Ender ender) const {
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

MathList Parser::parse_list() {
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

void Parser::enter_level(std::size_t offset) const {
    if (scopes_.size() - 1 + unbraced_levels_ >= max_source_nesting)
        throw TexError(offset, "formula nested deeper than " + std::to_string(max_source_nesting) + " levels");
}

MathList Parser::parse_scoped(Scope scope, std::size_t offset, std::string environment) {
    enter_level(offset);
    scopes_.push_back({scope, offset, std::move(environment)});
    MathList list = parse_list();
    scopes_.pop_back();
    return list;
}

[[noreturn]] void Parser::command_error(std::string_view name, std::size_t at) const {
    if (name == "\\") throw TexError(at, "'\\' at the end of the formula");
    if (const auto* unsupported = find_unsupported_command(name))
        throw TexError(at, "'" + std::string(name) + "' is not supported" + std::string(unsupported->hint));
    throw TexError(at, "unknown command '" + std::string(name) + "'" + did_you_mean(name, known_commands()));
}

char32_t Parser::in_alphabet(char32_t code_point, std::size_t at, std::string_view written) const {
    if (const char32_t mapped = symbol_in_alphabet(alphabet_, code_point)) return mapped;
    if (alphabet_ != Alphabet::BoldItalic) return code_point;
    throw TexError(at, "'" + std::string(written) + "' has no bold form in the maths font; " +
                           std::string(alphabet_name_) + " makes letters, digits and Greek bold");
}

bool Parser::parse_symbol(MathList& list) {
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

MathList Parser::parse_argument(std::string_view owner, const std::string& missing, std::size_t owner_at) {
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

void Parser::parse_item(MathList& list) {
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

void Parser::parse_command(MathList& list) {
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
    if (parse_wrapping_command(list, name)) return;
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

void Parser::parse_script(MathList& list) {
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

void Parser::parse_primes(MathList& list) {
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

}  // namespace attnreel::math::detail

namespace attnreel::math {

MathList parse_tex(std::string_view source) { return detail::Parser(source).parse(); }

}  // namespace attnreel::math
