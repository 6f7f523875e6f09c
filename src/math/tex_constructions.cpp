// The reader's commands that build something from their arguments: fractions and
// binomials, radicals, \left…\middle…\right, stacked marks, text and operator names,
// environments, and the commands that wrap one argument (alphabets, accents, lines,
// class changes, frames and strikes, braces).
#include "core/error.hpp"
#include "math/math_symbols.hpp"
#include "math/tex_reader.hpp"
#include "text/utf8.hpp"

#include <algorithm>

namespace attnreel::math::detail {

bool Parser::parse_wrapping_command(MathList& list, std::string_view name) {
    const std::size_t at = pos_;
    const auto argument = [&] {
        pos_ += name.size();
        return parse_argument(name, std::string(name) + " needs an argument", at);
    };
    const auto add = [&](AtomClass cls, Nucleus nucleus, std::string key) {
        list.push_back(make_node(cls, std::move(nucleus), at, pos_, std::move(key)));
    };
    if (const auto* alphabet = find_alphabet_command(name)) {
        const Alphabet outer = alphabet_;
        const std::string_view outer_name = alphabet_name_;
        alphabet_ = alphabet->alphabet;
        alphabet_name_ = alphabet->name;
        MathList body = argument();
        alphabet_ = outer;
        alphabet_name_ = outer_name;
        add(AtomClass::Ord, Group{std::move(body)}, "");
    } else if (const auto* accent = find_accent_command(name)) {
        MathList base = argument();
        add(AtomClass::Ord, Accent{accent->code_point, accent->wide, std::move(base)}, std::string(name));
    } else if (name == "\\overline" || name == "\\underline") {
        const LineSide side = name == "\\overline" ? LineSide::Over : LineSide::Under;
        MathList body = argument();
        add(AtomClass::Ord, OverUnderLine{side, std::move(body)}, std::string(name));
    } else if (const auto* cls = find_class_command(name)) {
        MathList body = argument();
        add(cls->cls, Group{std::move(body)}, "");
    } else if (const auto* enclosure = find_enclosure_command(name)) {
        MathList body = argument();
        add(AtomClass::Ord, Enclosed{enclosure->notation, std::move(body)}, std::string(name));
    } else if (name == "\\underbrace" || name == "\\overbrace") {
        const LineSide side = name == "\\underbrace" ? LineSide::Under : LineSide::Over;
        MathList body = argument();
        add(AtomClass::Op, Brace{side, std::move(body)}, std::string(name));
        // TeX's \underbrace is \mathop{…}\limits: its label is a limit under it.
        list.back().limits = Limits::Above;
    } else {
        return false;
    }
    return true;
}

void Parser::parse_fraction(MathList& list, std::string_view name) {
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

void Parser::parse_radical(MathList& list) {
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

Delimiter Parser::read_delimiter(std::string_view owner, std::size_t owner_at) {
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

void Parser::parse_left_right(MathList& list) {
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

void Parser::parse_stack(MathList& list, std::string_view name) {
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

TextRun Parser::read_text_argument(std::string_view owner, std::size_t owner_at) {
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

void Parser::parse_operator_name(MathList& list) {
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

std::string Parser::read_environment_name(std::string_view owner, std::size_t owner_at, std::size_t& name_at) {
    skip_space();
    if (at_end() || src_[pos_] != '{')
        throw TexError(owner_at, std::string(owner) + " needs an environment name in braces");
    const std::size_t open = pos_++;
    name_at = pos_;
    while (!at_end() && src_[pos_] != '}') ++pos_;
    if (at_end()) throw TexError(open, "missing '}' for the '{' here");
    return std::string(src_.substr(name_at, pos_++ - name_at));
}

void Parser::parse_environment(MathList& list) {
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

}  // namespace attnreel::math::detail
