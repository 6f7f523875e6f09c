#include "tex_test_support.hpp"
#include "text/font_library.hpp"

#include <catch2/catch.hpp>

#include <cctype>
#include <chrono>
#include <filesystem>
#include <functional>
#include <random>

using namespace attnreel;
using namespace attnreel::math;
using namespace attnreel::math::testing;

TEST_CASE("letters are mathematical italic, with h at U+210E, and digits upright", "[math][tex]") {
    const MathList list = parse_tex("a z h A Z 0 9 .");
    REQUIRE(list.size() == 8);
    CHECK(code_point(list[0]) == 0x1D44E);
    CHECK(code_point(list[1]) == 0x1D467);
    CHECK(code_point(list[2]) == 0x210E);
    CHECK(code_point(list[3]) == 0x1D434);
    CHECK(code_point(list[4]) == 0x1D44D);
    CHECK(code_point(list[5]) == U'0');
    CHECK(code_point(list[6]) == U'9');
    CHECK(code_point(list[7]) == U'.');
    for (const Node& node : list) CHECK(node.cls == AtomClass::Ord);
    CHECK(list[0].key == "a");
    CHECK(list[3].key == "A");
    CHECK(list[6].key == "9");
    CHECK(list[2].source == SourceRange{4, 5});
}

TEST_CASE("lower-case Greek is italic with TeX's variants, upper-case upright", "[math][tex]") {
    CHECK(code_point(only("\\alpha")) == 0x1D6FC);
    CHECK(code_point(only("\\omega")) == 0x1D714);
    CHECK(code_point(only("\\varepsilon")) == 0x1D700);  // ε
    CHECK(code_point(only("\\epsilon")) == 0x1D716);     // ϵ, as TeX draws \epsilon
    CHECK(code_point(only("\\theta")) == 0x1D703);
    CHECK(code_point(only("\\vartheta")) == 0x1D717);
    CHECK(code_point(only("\\phi")) == 0x1D719);  // ϕ
    CHECK(code_point(only("\\varphi")) == 0x1D711);
    CHECK(code_point(only("\\sigma")) == 0x1D70E);
    CHECK(code_point(only("\\varsigma")) == 0x1D70D);
    CHECK(code_point(only("\\varrho")) == 0x1D71A);
    CHECK(code_point(only("\\Gamma")) == 0x0393);
    CHECK(code_point(only("\\Omega")) == 0x03A9);
    CHECK(code_point(only("\\varOmega")) == 0x1D6FA);
    const Node alpha = only("\\alpha");
    CHECK(alpha.cls == AtomClass::Ord);
    CHECK(alpha.key == "\\alpha");
}

TEST_CASE("typed Unicode symbols are the commands they stand for", "[math][tex]") {
    const MathList list = parse_tex("α×β≤Γ−");
    REQUIRE(list.size() == 6);
    CHECK(code_point(list[0]) == 0x1D6FC);
    CHECK(list[0].key == "\\alpha");
    CHECK(list[1].cls == AtomClass::Bin);
    CHECK(list[1].key == "\\times");
    CHECK(list[3].cls == AtomClass::Rel);
    CHECK(list[3].key == "\\leq");
    CHECK(code_point(list[4]) == 0x0393);
    CHECK(list[5].key == "-");
    CHECK(list[5].cls == AtomClass::Bin);
    CHECK(list[1].source == SourceRange{2, 4});  // α is 2 bytes, × 2 bytes
}

TEST_CASE("characters and commands get TeX's atom classes", "[math][tex]") {
    const MathList list = parse_tex("a+b-c=d<e:f,g;(h)[i]!\\times\\leq\\to\\pm\\infty");
    std::vector<AtomClass> classes;
    for (const Node& node : list) classes.push_back(node.cls);
    using enum AtomClass;
    CHECK(classes == std::vector<AtomClass>{Ord, Bin, Ord, Bin, Ord, Rel, Ord, Rel, Ord, Rel, Ord, Punct, Ord, Punct,
                                            Open, Ord, Close, Open, Ord, Close, Close, Bin, Rel, Rel, Bin, Ord});
    CHECK(code_point(list[3]) == U'−');  // ASCII '-' is drawn as the minus sign
    CHECK(list[3].key == "-");
    CHECK(code_point(list[21]) == U'×');
    CHECK(list[21].key == "\\times");
    CHECK(code_point(only("\\cdots")) == U'⋯');
    CHECK(only("\\ldots").cls == AtomClass::Inner);  // \mathinner in plain TeX
    CHECK(only("\\mid").cls == AtomClass::Rel);
    CHECK(only("|").cls == AtomClass::Ord);
    CHECK(code_point(only("\\|")) == U'‖');
    CHECK(only("\\{").cls == AtomClass::Open);
    CHECK(code_point(only("\\}")) == U'}');
    CHECK(code_point(only("\\_")) == U'_');
}

TEST_CASE("every table entry parses to what the table says", "[math][tex]") {
    for (const auto& symbol : symbol_commands()) {
        CAPTURE(symbol.name);
        // \iff and \implies come between two \; spaces.
        const MathList list = parse_tex(symbol.name);
        const bool padded = padded_with_thick_spaces(symbol.name);
        REQUIRE(list.size() == (padded ? 3u : 1u));
        const Node& node = list[padded ? 1 : 0];
        CHECK(code_point(node) == symbol.code_point);
        CHECK(node.cls == symbol.cls);
        CHECK(node.key == symbol_key(symbol.code_point, symbol.cls));
        CHECK(node.nucleus_source == SourceRange{0, symbol.name.size()});
    }
    for (const auto& op : large_operators()) {
        const Node node = only(op.name);
        CAPTURE(op.name);
        CHECK(code_point(node) == op.code_point);
        CHECK(node.cls == AtomClass::Op);
        CHECK(node.large_op);
        CHECK(node.limits == op.limits);
    }
    for (const auto& op : operator_names()) {
        const Node node = only(op.name);
        CAPTURE(op.name);
        CHECK(text_of(node) == op.word);
        CHECK(node.key == operator_key(op.word));
        CHECK(node.cls == AtomClass::Op);
        CHECK_FALSE(node.large_op);
        CHECK(node.limits == op.limits);
    }
    for (const auto& unsupported : unsupported_commands()) {
        CAPTURE(unsupported.name);
        std::string expected(unsupported.name);
        expected.append("' is not supported").append(unsupported.hint);
        CHECK(failure(unsupported.name).message == "'" + expected);
        const auto& known = known_commands();
        CHECK(std::find(known.begin(), known.end(), unsupported.name) == known.end());
    }
}

// The keys of the atoms of `source`, in order.
std::vector<std::string> keys_of(std::string_view source) {
    std::vector<std::string> keys;
    for (const Node& node : parse_tex(source)) keys.push_back(node.key);
    return keys;
}

TEST_CASE("aliases and typed Unicode symbols share one matching key", "[math][tex][keys]") {
    const struct {
        const char* alias;
        const char* key;
    } cases[] = {
        {"\\le", "\\leq"},         {"≤", "\\leq"},      {"\\ge", "\\geq"},          {"≥", "\\geq"},
        {"\\ne", "\\neq"},         {"≠", "\\neq"},      {"\\land", "\\wedge"},      {"∧", "\\wedge"},
        {"\\lor", "\\vee"},        {"∨", "\\vee"},      {"\\gets", "\\leftarrow"},  {"←", "\\leftarrow"},
        {"\\rightarrow", "\\to"},  {"→", "\\to"},       {"\\lbrace", "\\{"},        {"\\rbrace", "\\}"},
        {"\\lnot", "\\neg"},       {"¬", "\\neg"},      {"\\dots", "\\ldots"},      {"…", "\\ldots"},
        {"\\Vert", "\\|"},         {"‖", "\\|"},        {"\\vert", "|"},             {"\\ast", "*"},
        {"∗", "*"},                {"−", "-"},
    };
    for (const auto& c : cases) {
        CAPTURE(c.alias);
        CHECK(only(c.alias).key == c.key);
        CHECK(only(c.key).key == c.key);
    }
    CHECK(keys_of("a \\le b") == keys_of("a \\leq b"));
    CHECK(keys_of("a ≤ b") == keys_of("a \\leq b"));
    CHECK(keys_of("\\{x\\}") == keys_of("\\lbrace x\\rbrace"));
    // The same code point in another class is another symbol: \lvert opens, | is an Ord.
    CHECK(only("\\lvert").key == "\\lvert");
    CHECK(only("\\perp").key == "\\perp");
    CHECK(only("\\bot").key == "\\bot");
    CHECK(only("⊥").key == "\\perp");  // the first entry decides a typed symbol's class
    // The key is canonical: written as itself it gives the same symbol and the same key.
    for (const auto& symbol : symbol_commands()) {
        CAPTURE(symbol.name);
        // \iff and \implies come padded with spaces: the symbol is the node between them.
        const MathList list = parse_tex(symbol_key(symbol.code_point, symbol.cls));
        const auto is_symbol = [](const Node& n) { return std::holds_alternative<Symbol>(n.nucleus); };
        REQUIRE(std::count_if(list.begin(), list.end(), is_symbol) == 1);
        const Node canonical = *std::find_if(list.begin(), list.end(), is_symbol);
        CHECK(code_point(canonical) == symbol.code_point);
        CHECK(canonical.cls == symbol.cls);
        CHECK(canonical.key == symbol_key(symbol.code_point, symbol.cls));
    }
    CHECK(symbol_key(U'≤', AtomClass::Ord).empty());
}

TEST_CASE("operator names are keyed by their word without spaces", "[math][tex][keys]") {
    CHECK(only("\\argmax").key == "argmax");
    CHECK(only("\\operatorname*{argmax}").key == "argmax");
    CHECK(only("\\operatorname*{arg\\,max}").key == "argmax");
    CHECK(only("\\operatorname{arg max}").key == "argmax");
    CHECK(only("\\argmin").key == "argmin");
    CHECK(only("\\liminf").key == "liminf");
    CHECK(only("\\limsup").key == "limsup");
    CHECK(only("\\max").key == only("\\operatorname*{max}").key);
    // The text drawn keeps its space.
    CHECK(text_of(only("\\argmax")) == "arg max");
    CHECK(operator_key(" soft max ") == "softmax");
    // \text is not an operator: its key is its text as written.
    CHECK(only("\\text{arg max}").key == "arg max");
}

TEST_CASE("large operators: limits by default or beside, changed by limits and nolimits", "[math][tex]") {
    const Node sum = only("\\sum_{i=1}^n");
    CHECK(code_point(sum) == U'∑');
    CHECK(sum.limits == Limits::Default);
    REQUIRE(sum.sub);
    CHECK(sum.sub->size() == 3);
    CHECK(sum.source == SourceRange{0, 12});
    CHECK(sum.nucleus_source == SourceRange{0, 4});
    CHECK(only("\\int_0^1").limits == Limits::Beside);
    CHECK(code_point(only("\\oint")) == U'∮');
    CHECK(only("\\sum\\nolimits_i").limits == Limits::Beside);
    const Node integral = only("\\int\\limits_0^1");
    CHECK(integral.limits == Limits::Above);
    CHECK(integral.source == SourceRange{0, 15});
    CHECK(only("\\lim_{n\\to\\infty}").limits == Limits::Default);
    CHECK(parse_tex("\\log x^2").at(0).limits == Limits::Beside);
    CHECK(only("\\max\\limits").limits == Limits::Above);
}

TEST_CASE("operatorname makes an Op word, and the starred form takes limits like max", "[math][tex]") {
    const Node softmax = only("\\operatorname{softmax}");
    CHECK(softmax.cls == AtomClass::Op);
    CHECK(text_of(softmax) == "softmax");
    CHECK(softmax.key == "softmax");
    CHECK(softmax.limits == Limits::Beside);
    CHECK_FALSE(softmax.large_op);
    const Node argmax = only("\\operatorname*{arg\\,max}_{j}");
    CHECK(text_of(argmax) == "arg max");
    CHECK(argmax.limits == Limits::Default);
    CHECK(argmax.nucleus_source == SourceRange{0, 24});
    CHECK(argmax.source == SourceRange{0, 28});
}

TEST_CASE("x_i^2 and x^2_i are the same atom", "[math][tex]") {
    const Node a = only("x_i^2");
    const Node b = only("x^2_i");
    REQUIRE(a.sup);
    REQUIRE(a.sub);
    REQUIRE(b.sup);
    REQUIRE(b.sub);
    CHECK(code_point(a.sup->at(0)) == U'2');
    CHECK(code_point(b.sup->at(0)) == U'2');
    CHECK(code_point(a.sub->at(0)) == 0x1D456);
    CHECK(code_point(b.sub->at(0)) == 0x1D456);
    CHECK(a.source == SourceRange{0, 5});
    CHECK(b.source == SourceRange{0, 5});
    CHECK(a.nucleus_source == SourceRange{0, 1});
    CHECK(a.sup->at(0).source == SourceRange{4, 5});
    CHECK(b.sup->at(0).source == SourceRange{2, 3});
}

TEST_CASE("a script takes one token or a group, and spaces around it do not matter", "[math][tex]") {
    const MathList list = parse_tex("x^12 y ^ {a b}");
    REQUIRE(list.size() == 3);
    CHECK(list[0].sup->size() == 1);  // x^12 is x^{1}2, as in TeX
    CHECK(code_point(list[1]) == U'2');
    REQUIRE(list[2].sup);
    CHECK(list[2].sup->size() == 2);
    CHECK(list[2].source == SourceRange{5, 14});
    CHECK(code_point(only("x^\\alpha").sup->at(0)) == 0x1D6FC);
    CHECK(only("e^{}").sup->empty());
    // A command with its own arguments is one argument, as in LaTeX.
    const std::string source = "W_\\text{out}^\\frac12";
    const Node w = only(source);
    CHECK(text_of(w.sub->at(0)) == "out");
    CHECK(covered(source, w.sup->at(0).source) == "\\frac12");
    CHECK(w.source == SourceRange{0, source.size()});
    const Node root = only("\\frac1\\sqrt2");
    CHECK(as<Fraction>(root).denominator.at(0).key == "\\sqrt");
}

TEST_CASE("{}^2 puts a script on an empty group", "[math][tex]") {
    const Node node = only("{}^2");
    CHECK(node.cls == AtomClass::Ord);
    CHECK(as<Group>(node).body.empty());
    CHECK(node.key.empty());
    REQUIRE(node.sup);
    CHECK(node.source == SourceRange{0, 4});
    CHECK(node.nucleus_source == SourceRange{0, 2});
}

TEST_CASE("primes are a superscript of prime glyphs and combine with a following ^", "[math][tex]") {
    const Node f1 = only("f'");
    REQUIRE(f1.sup);
    REQUIRE(f1.sup->size() == 1);
    CHECK(code_point(f1.sup->at(0)) == U'′');
    CHECK(f1.sup->at(0).key == "'");
    const Node f2 = only("f''");
    CHECK(code_point(f2.sup->at(0)) == U'″');
    CHECK(f2.sup->at(0).source == SourceRange{1, 3});
    CHECK(code_point(only("f'''").sup->at(0)) == U'‴');
    const Node f5 = only("f'''''");
    REQUIRE(f5.sup->size() == 2);
    CHECK(code_point(f5.sup->at(0)) == U'⁗');
    CHECK(code_point(f5.sup->at(1)) == U'′');
    const Node combined = only("f'^2_i");
    REQUIRE(combined.sup->size() == 2);
    CHECK(code_point(combined.sup->at(1)) == U'2');
    CHECK(combined.sub);
    CHECK(combined.source == SourceRange{0, 6});
}

TEST_CASE("softmax(QK^T / sqrt(d_k)) V parses into the expected tree", "[math][tex]") {
    const std::string source = "softmax\\left(\\frac{QK^\\top}{\\sqrt{d_k}}\\right)V";
    const MathList list = parse_tex(source);
    REQUIRE(list.size() == 9);  // s o f t m a x, the parenthesis, V
    CHECK(list[0].key == "s");
    CHECK(code_point(list[6]) == 0x1D465);  // x

    const Node& fenced = list[7];
    CHECK(fenced.cls == AtomClass::Inner);
    CHECK(covered(source, fenced.source) == "\\left(\\frac{QK^\\top}{\\sqrt{d_k}}\\right)");
    const auto& left_right = as<LeftRight>(fenced);
    CHECK(left_right.left.code_point == U'(');
    CHECK(left_right.left.key == "(");
    CHECK(covered(source, left_right.left.source) == "(");
    CHECK(left_right.right.key == ")");
    CHECK(covered(source, left_right.right.source) == ")");

    REQUIRE(left_right.body.size() == 1);
    const Node& fraction_node = left_right.body[0];
    CHECK(fraction_node.key == "\\frac");
    CHECK(fraction_node.cls == AtomClass::Ord);
    CHECK(covered(source, fraction_node.source) == "\\frac{QK^\\top}{\\sqrt{d_k}}");
    const auto& fraction = as<Fraction>(fraction_node);
    REQUIRE(fraction.numerator.size() == 2);
    CHECK(fraction.numerator[0].key == "Q");
    const Node& k = fraction.numerator[1];
    CHECK(covered(source, k.source) == "K^\\top");
    CHECK(covered(source, k.nucleus_source) == "K");
    REQUIRE(k.sup);
    CHECK(k.sup->at(0).key == "\\top");
    CHECK(code_point(k.sup->at(0)) == U'⊤');

    REQUIRE(fraction.denominator.size() == 1);
    const Node& root = fraction.denominator[0];
    CHECK(root.key == "\\sqrt");
    CHECK(covered(source, root.source) == "\\sqrt{d_k}");
    const auto& radical = as<Radical>(root);
    CHECK_FALSE(radical.degree);
    REQUIRE(radical.body.size() == 1);
    CHECK(covered(source, radical.body[0].source) == "d_k");

    CHECK(list[8].key == "V");
    check_source_ranges(source, list);
}

TEST_CASE("e^{s_i} / sum_j e^{s_j} parses into the expected tree", "[math][tex]") {
    const std::string source = "e^{s_i} / \\sum_j e^{s_j}";
    const MathList list = parse_tex(source);
    REQUIRE(list.size() == 4);
    CHECK(covered(source, list[0].source) == "e^{s_i}");
    REQUIRE(list[0].sup);
    REQUIRE(list[0].sup->size() == 1);
    CHECK(covered(source, list[0].sup->at(0).source) == "s_i");
    CHECK(list[1].cls == AtomClass::Ord);
    CHECK(code_point(list[1]) == U'/');
    CHECK(list[2].cls == AtomClass::Op);
    CHECK(list[2].key == "\\sum");
    CHECK(covered(source, list[2].source) == "\\sum_j");
    CHECK(covered(source, list[3].source) == "e^{s_j}");
    check_source_ranges(source, list);
}

TEST_CASE("fractions, styled fractions and radicals", "[math][tex]") {
    const Node half = only("\\frac12");
    CHECK(code_point(as<Fraction>(half).numerator.at(0)) == U'1');
    CHECK(code_point(as<Fraction>(half).denominator.at(0)) == U'2');

    const Node display = only("\\dfrac{a}{b}");
    const auto& group = as<Group>(display);
    REQUIRE(group.body.size() == 2);
    CHECK(as<StyleChange>(group.body[0]).style == MathStyle::Display);
    CHECK(group.body[1].key == "\\frac");
    CHECK(group.body[1].source == SourceRange{0, 12});
    CHECK(display.source == SourceRange{0, 12});
    CHECK(as<StyleChange>(as<Group>(only("\\tfrac ab")).body[0]).style == MathStyle::Text);

    const std::string source = "\\sqrt[n]{x+1}";
    const Node root = only(source);
    const auto& radical = as<Radical>(root);
    REQUIRE(radical.degree);
    REQUIRE(radical.degree->size() == 1);
    CHECK(radical.degree->at(0).key == "n");
    CHECK(radical.body.size() == 3);
    CHECK(covered(source, root.source) == source);
    // Inside braces a ']' is a closing bracket, not the end of the degree.
    CHECK(as<Radical>(only("\\sqrt[{]}]{x}")).degree->at(0).key.empty());
}

TEST_CASE("accents take one argument, keep the base's keys and name the accent by its command", "[math][tex][keys]") {
    const std::string source = "\\hat{y} + \\widehat {QK}";
    const MathList list = parse_tex(source);
    REQUIRE(list.size() == 3);
    const Accent& hat = as<Accent>(list[0]);
    CHECK(hat.code_point == U'\u0302');
    CHECK_FALSE(hat.wide);
    REQUIRE(hat.base.size() == 1);
    CHECK(code_point(hat.base[0]) == U'\U0001D466');
    CHECK(hat.base[0].key == "y");
    CHECK(covered(source, hat.base[0].source) == "y");
    CHECK(list[0].key == "\\hat");
    CHECK(list[0].cls == AtomClass::Ord);
    CHECK(covered(source, list[0].source) == "\\hat{y}");
    const Accent& wide = as<Accent>(list[2]);
    CHECK(wide.wide);
    CHECK(wide.code_point == U'\u0302');
    REQUIRE(wide.base.size() == 2);
    CHECK(wide.base[0].key == "Q");
    CHECK(wide.base[1].key == "K");
    CHECK(list[2].key == "\\widehat");
    CHECK(covered(source, list[2].nucleus_source) == "\\widehat {QK}");

    // Every accent command, unbraced as well: \vec q is \vec{q}; scripts go on the accented atom.
    for (const auto& accent : accent_commands()) {
        CAPTURE(accent.name);
        const std::string written = std::string(accent.name) + " q_i";
        const Node node = only(written);
        CHECK(as<Accent>(node).code_point == accent.code_point);
        CHECK(as<Accent>(node).wide == accent.wide);
        CHECK(node.key == accent.name);
        REQUIRE(node.sub);
        CHECK((*node.sub)[0].key == "i");
        CHECK(covered(written, node.nucleus_source) == std::string(accent.name) + " q");
        CHECK(find_unsupported_command(accent.name) == nullptr);
    }
    CHECK(as<Accent>(only("\\vec{q}")).code_point == U'\u20D7');
    CHECK(as<Accent>(only("\\bar x")).code_point == U'\u0304');
    CHECK(as<Accent>(only("\\tilde x")).code_point == U'\u0303');
}

TEST_CASE("overline and underline wrap their argument", "[math][tex][keys]") {
    const std::string source = "\\overline{x+y}\\underline a";
    const MathList list = parse_tex(source);
    REQUIRE(list.size() == 2);
    const OverUnderLine& over = as<OverUnderLine>(list[0]);
    CHECK(over.side == LineSide::Over);
    REQUIRE(over.body.size() == 3);
    CHECK(over.body[1].key == "+");
    CHECK(list[0].key == "\\overline");
    CHECK(covered(source, list[0].source) == "\\overline{x+y}");
    const OverUnderLine& under = as<OverUnderLine>(list[1]);
    CHECK(under.side == LineSide::Under);
    REQUIRE(under.body.size() == 1);
    CHECK(under.body[0].key == "a");
    CHECK(list[1].key == "\\underline");
    CHECK(covered(source, list[1].source) == "\\underline a");
}

TEST_CASE("left and right take every delimiter and share keys with the plain symbols", "[math][tex]") {
    const struct {
        const char* source;
        char32_t left, right;
        const char* left_key;
        const char* right_key;
    } cases[] = {
        {"\\left( x \\right)", U'(', U')', "(", ")"},
        {"\\left[ x \\right]", U'[', U']', "[", "]"},
        {"\\left\\{ x \\right\\}", U'{', U'}', "\\{", "\\}"},
        {"\\left\\lbrace x \\right\\rbrace", U'{', U'}', "\\{", "\\}"},
        {"\\left\\vert x \\right\\Vert", U'|', U'‖', "|", "\\|"},
        {"\\left| x \\right|", U'|', U'|', "|", "|"},
        {"\\left\\| x \\right\\|", U'‖', U'‖', "\\|", "\\|"},
        {"\\left\\langle x \\right\\rangle", U'⟨', U'⟩', "\\langle", "\\rangle"},
        {"\\left\\lfloor x \\right\\rfloor", U'⌊', U'⌋', "\\lfloor", "\\rfloor"},
        {"\\left\\lceil x \\right\\rceil", U'⌈', U'⌉', "\\lceil", "\\rceil"},
        {"\\left. x \\right|", 0, U'|', ".", "|"},
    };
    for (const auto& c : cases) {
        CAPTURE(c.source);
        const Node node = only(c.source);
        const auto& fenced = as<LeftRight>(node);
        CHECK(fenced.left.code_point == c.left);
        CHECK(fenced.right.code_point == c.right);
        CHECK(fenced.left.key == c.left_key);
        CHECK(fenced.right.key == c.right_key);
        CHECK(node.cls == AtomClass::Inner);
    }
    // A plain parenthesis is an Open atom with the same key.
    const Node open = only("(");
    CHECK(open.cls == AtomClass::Open);
    CHECK(open.key == as<LeftRight>(only("\\left(x\\right)")).left.key);
    CHECK(only("\\langle").key == as<LeftRight>(only("\\left\\langle x\\right\\rangle")).left.key);
    // Every delimiter after \left has the key of the same glyph written as a plain symbol.
    for (const auto& delimiter : delimiter_symbols()) {
        if (delimiter.code_point == 0) continue;
        CAPTURE(delimiter.name);
        std::string plain(delimiter.name);
        if (plain == "<") plain = "\\langle";
        if (plain == ">") plain = "\\rangle";
        const Node symbol = only(plain);
        CHECK(delimiter.key == symbol.key);
        CHECK(delimiter.code_point == code_point(symbol));
    }
    // Scripts on the whole fence.
    const std::string source = "\\left( a \\right)^2";
    CHECK(covered(source, only(source).source) == source);
}

TEST_CASE("a 3x3 bmatrix has its rows, cells and bracket fences", "[math][tex]") {
    const std::string source = "\\begin{bmatrix} a & b & c \\\\ d & e & f \\\\ g & h & i \\end{bmatrix}";
    const Node node = only(source);
    CHECK(node.cls == AtomClass::Inner);
    CHECK(covered(source, node.source) == source);
    const auto& matrix = as<Matrix>(node);
    REQUIRE(matrix.rows.size() == 3);
    std::string letters;
    for (const auto& row : matrix.rows) {
        REQUIRE(row.size() == 3);
        for (const auto& cell : row) {
            REQUIRE(cell.size() == 1);
            letters += cell[0].key;
        }
    }
    CHECK(letters == "abcdefghi");
    CHECK(covered(source, matrix.rows[1][2][0].source) == "f");
    CHECK(matrix.left.code_point == U'[');
    CHECK(matrix.left.key == "[");
    CHECK(covered(source, matrix.left.source) == "\\begin{bmatrix}");
    CHECK(matrix.right.code_point == U']');
    CHECK(covered(source, matrix.right.source) == "\\end{bmatrix}");
    check_source_ranges(source, {node});
}

TEST_CASE("matrices: fences by environment, a trailing row break ignored, ragged rows padded", "[math][tex]") {
    CHECK(as<Matrix>(only("\\begin{pmatrix}1\\end{pmatrix}")).left.key == "(");
    CHECK(as<Matrix>(only("\\begin{vmatrix}1\\end{vmatrix}")).right.code_point == U'|');
    CHECK(as<Matrix>(only("\\begin{Vmatrix}1\\end{Vmatrix}")).right.code_point == U'‖');
    CHECK(as<Matrix>(only("\\begin{Bmatrix}1\\end{Bmatrix}")).left.key == "\\{");
    const Node bare = only("\\begin{matrix}1\\end{matrix}");
    CHECK(bare.cls == AtomClass::Ord);
    CHECK(as<Matrix>(bare).left.code_point == 0);

    const Node trailing_node = only("\\begin{pmatrix} a & b \\\\ c & d \\\\ \\end{pmatrix}");
    CHECK(as<Matrix>(trailing_node).rows.size() == 2);

    const Node ragged_node = only("\\begin{bmatrix} a \\\\ b & c & d \\\\ e & f \\end{bmatrix}");
    const auto& ragged = as<Matrix>(ragged_node);
    REQUIRE(ragged.rows.size() == 3);
    for (const auto& row : ragged.rows) CHECK(row.size() == 3);
    CHECK(ragged.rows[0][1].empty());
    CHECK(ragged.rows[2][2].empty());
    CHECK(ragged.rows[2][1].at(0).key == "f");

    // A matrix inside a matrix cell, and fences inside a cell.
    const Node nested_node =
        only("\\begin{matrix} \\begin{pmatrix} 1 \\end{pmatrix} & \\left( x \\right) \\end{matrix}");
    const auto& nested = as<Matrix>(nested_node);
    REQUIRE(nested.rows.at(0).size() == 2);
    CHECK(std::holds_alternative<Matrix>(nested.rows[0][0].at(0).nucleus));
    CHECK(std::holds_alternative<LeftRight>(nested.rows[0][1].at(0).nucleus));
}

TEST_CASE("text keeps spaces, nests braces and takes escapes", "[math][tex]") {
    const std::string source = "\\text{ for all {tokens}  \\$5 \\& 10\\% }";
    const Node node = only(source);
    CHECK(node.cls == AtomClass::Ord);
    CHECK(text_of(node) == " for all tokens $5 & 10% ");
    CHECK(node.key == " for all tokens $5 & 10% ");
    CHECK(covered(source, node.source) == source);
    CHECK(text_of(only("\\text{naïve}")) == "naïve");
    CHECK(text_of(only("\\text{}")).empty());
}

TEST_CASE("alphabets: mathrm, mathbf, mathit, mathbb, mathcal", "[math][tex]") {
    const std::string source = "\\mathrm{softmax}";
    const Node roman = only(source);
    CHECK(roman.cls == AtomClass::Ord);
    const auto& letters = as<Group>(roman).body;
    REQUIRE(letters.size() == 7);
    CHECK(code_point(letters[0]) == U's');
    CHECK(letters[0].key == "s");
    CHECK(letters[0].cls == AtomClass::Ord);
    CHECK(covered(source, letters[6].source) == "x");

    const Node bold_node = only("\\mathbf{Aa0+x_i}");
    const auto& bold = as<Group>(bold_node).body;
    REQUIRE(bold.size() == 5);
    CHECK(code_point(bold[0]) == 0x1D400);
    CHECK(code_point(bold[1]) == 0x1D41A);
    CHECK(code_point(bold[2]) == 0x1D7CE);
    CHECK(bold[3].cls == AtomClass::Bin);
    CHECK(code_point(bold[4].sub->at(0)) == 0x1D422);  // the script is bold too

    CHECK(code_point(as<Group>(only("\\mathit x")).body.at(0)) == 0x1D465);
    CHECK(code_point(as<Group>(only("\\mathbb R")).body.at(0)) == U'ℝ');
    const Node blackboard = only("\\mathbb{ABCHNPQZ}");
    std::u32string bb;
    for (const auto& n : as<Group>(blackboard).body) bb += code_point(n);
    CHECK(bb == U"\U0001D538\U0001D539ℂℍℕℙℚℤ");
    const Node script = only("\\mathcal{ABEFHILMRZ}");
    std::u32string cal;
    for (const auto& n : as<Group>(script).body) cal += code_point(n);
    CHECK(cal == U"\U0001D49Cℬℰℱℋℐℒℳℛ\U0001D4B5");
    // The innermost alphabet wins, and it ends with its argument.
    const MathList mixed = parse_tex("\\mathbf{a\\mathrm{b}}c");
    CHECK(code_point(as<Group>(as<Group>(mixed.at(0)).body.at(1)).body.at(0)) == U'b');
    CHECK(code_point(mixed.at(1)) == 0x1D450);
}

// Math glue (\, \: \; \!) is in mu; \quad, \qquad, "\ " and ~ are text-font glue in em
// (the TeXbook, ch. 18: \quad is \hskip 1em, not \mskip), so they do not shrink in scripts.
TEST_CASE("spaces in mu or em, and style changes", "[math][tex]") {
    const MathList list = parse_tex("a\\,b\\:c\\>d\\;e\\!f\\quad g\\qquad h\\ i~j");
    std::vector<double> mu, em;
    for (const Node& node : list) {
        if (const auto* space = std::get_if<Space>(&node.nucleus)) {
            mu.push_back(space->mu);
            em.push_back(space->em);
        }
    }
    CHECK(mu == std::vector<double>{3, 4, 4, 5, -3, 0, 0, 0, 0});
    CHECK(em == std::vector<double>{0, 0, 0, 0, 0, 1, 2, 1.0 / 3, 1.0 / 3});
    CHECK(list.size() == 19);

    const MathList styled = parse_tex("\\displaystyle a \\textstyle \\scriptstyle \\scriptscriptstyle");
    REQUIRE(styled.size() == 5);
    CHECK(as<StyleChange>(styled[0]).style == MathStyle::Display);
    CHECK(as<StyleChange>(styled[2]).style == MathStyle::Text);
    CHECK(as<StyleChange>(styled[3]).style == MathStyle::Script);
    CHECK(as<StyleChange>(styled[4]).style == MathStyle::ScriptScript);
    CHECK(styled[0].source == SourceRange{0, 13});
}

// amsmath: \def\iff{\DOTSB\;\Longleftrightarrow\;}, \def\implies{\DOTSB\;\Longrightarrow\;}.
TEST_CASE("iff and implies are their arrow between two thick spaces", "[math][tex]") {
    const std::string source = "a\\iff b\\implies c";
    const MathList list = parse_tex(source);
    REQUIRE(list.size() == 9);
    for (std::size_t i : {1u, 3u, 5u, 7u}) {
        CAPTURE(i);
        CHECK(as<Space>(list[i]).mu == 5);
        CHECK(as<Space>(list[i]).em == 0);
    }
    CHECK(list[2].cls == AtomClass::Rel);
    CHECK(code_point(list[2]) == U'\u27FA');
    CHECK(list[2].key == "\\iff");
    CHECK(covered(source, list[1].source) == "\\iff");
    CHECK(covered(source, list[3].source) == "\\iff");
    CHECK(code_point(list[6]) == U'\u27F9');
    CHECK(list[6].key == "\\implies");
    // The arrow typed as a character (unicode-math's \Longleftrightarrow) and \Leftrightarrow
    // have no such spaces.
    CHECK(parse_tex("a⟺b").size() == 3);
    CHECK(parse_tex("a\\Leftrightarrow b").size() == 3);
    // The trailing \; leaves no atom for a script; braces make one.
    CHECK(failure("a\\iff^2").message == "^ needs a base; write {}^… for an empty one");
    CHECK(parse_tex("a{\\iff}^2").at(1).sup.has_value());
}

TEST_CASE("white space is ignored outside text", "[math][tex]") {
    const MathList spaced = parse_tex(" a  +\n\tb ");
    const MathList tight = parse_tex("a+b");
    REQUIRE(spaced.size() == 3);
    for (std::size_t i = 0; i < 3; ++i) CHECK(spaced[i].key == tight[i].key);
    CHECK(spaced[2].source == SourceRange{7, 8});
    CHECK(parse_tex("").empty());
}

TEST_CASE("errors name the problem and point at it", "[math][tex]") {
    const struct {
        const char* source;
        std::size_t offset;
        const char* message;
    } cases[] = {
        {"a + {b", 4, "missing '}' for the '{' here"},
        {"a}", 1, "unexpected '}'"},
        {"x^{a", 2, "missing '}' for the '{' here"},
        {"\\left( {a \\right)", 7, "missing '}' for the '{' here"},
        {"\\fracc{a}{b}", 0, "unknown command '\\fracc'; did you mean '\\frac'?"},
        {"x + \\alpah", 4, "unknown command '\\alpah'; did you mean '\\alpha'?"},
        {"\\qwertyzzz", 0, "unknown command '\\qwertyzzz'"},
        {"\\frac{a}", 0, "\\frac needs 2 arguments"},
        {"1 + \\frac{a}}", 4, "\\frac needs 2 arguments"},
        {"\\dfrac", 0, "\\dfrac needs 2 arguments"},
        {"\\sqrt", 0, "\\sqrt needs an argument"},
        {"\\sqrt[3", 5, "missing ']' for the '[' here"},
        {"\\mathbf", 0, "\\mathbf needs an argument"},
        {"x^", 1, "^ needs an argument"},
        {"x_}", 1, "_ needs an argument"},
        {"x^~", 2, "'~' after ^ must be in braces"},
        {"x^\\frcc", 2, "unknown command '\\frcc'; did you mean '\\frac'?"},
        {"^2", 0, "^ needs a base; write {}^… for an empty one"},
        {"a \\, _2", 5, "_ needs a base; write {}_… for an empty one"},
        {"'", 0, "a prime needs a base"},
        {"x^2^3", 3, "double superscript"},
        {"x_1_2", 3, "double subscript"},
        {"x^2'", 3, "double superscript"},
        {"\\left( x", 0, "\\left without a matching \\right"},
        {"{\\left( x}", 1, "\\left without a matching \\right"},
        {"x \\right)", 2, "\\right without a matching \\left"},
        {"\\left", 0, "\\left needs a delimiter"},
        {"\\left\\foo x \\right)", 5, "unknown delimiter '\\foo' after \\left"},
        {"\\left} x \\right)", 5, "unknown delimiter '}' after \\left; did you mean '\\}'?"},
        {"\\left( x \\right\\langel", 15, "unknown delimiter '\\langel' after \\right; did you mean '\\langle'?"},
        {"\\begin{foo} x \\end{foo}", 7, "unknown environment 'foo'"},
        {"\\begin{bmatrx} x \\end{bmatrx}", 7, "unknown environment 'bmatrx'; did you mean 'bmatrix'?"},
        {"\\begin{align} x \\end{align}", 7,
         "environment 'align' is not supported; a formula is one line: write one formula per line, or rows in "
         "\\begin{matrix}"},
        {"\\begin{array}{ll} x \\end{array}", 7,
         "environment 'array' is not supported; write \\begin{matrix}, or \\begin{cases} for left-aligned columns"},
        {"\\begin x", 0, "\\begin needs an environment name in braces"},
        {"\\begin{bmatrix} a \\end{pmatrix}", 18, "\\end{pmatrix} does not match \\begin{bmatrix}"},
        {"\\begin{bmatrix} a & b", 0, "missing \\end{bmatrix} for the \\begin{bmatrix} here"},
        {"\\begin{bmatrix} a & {b \\\\ c \\end{bmatrix}", 20, "missing '}' for the '{' here"},
        {"x \\end{bmatrix}", 2, "\\end without a matching \\begin"},
        {"a & b", 2, "'&' outside a matrix"},
        {"a \\\\ b", 2, "'\\\\' outside a matrix; a formula is one line"},
        {"\\limits", 0, "\\limits must follow an operator such as \\sum"},
        {"x\\nolimits", 1, "\\nolimits must follow an operator such as \\sum"},
        {"a\xFF b", 1, "invalid UTF-8"},
        {"a\xC3", 1, "invalid UTF-8"},
        {"\xC0\x80", 0, "invalid UTF-8"},
        {"x \\over y", 2, "'\\over' is not supported; write \\frac{a}{b}"},
        {"\\hat", 0, "\\hat needs an argument"},
        {"x + \\widetilde}", 4, "\\widetilde needs an argument"},
        {"\\vec^2", 0, "\\vec needs an argument"},
        {"\\overline", 0, "\\overline needs an argument"},
        {"a\\underline{b", 11, "missing '}' for the '{' here"},
        {"\\hatt{x}", 0, "unknown command '\\hatt'; did you mean '\\hat'?"},
        {"\\overrightarrow{x}", 0, "'\\overrightarrow' is not supported; write \\vec{x} or \\overset{\\to}{x}"},
        {"n \\choose k", 2, "'\\choose' is not supported; write \\binom{n}{k}"},
        {"\\big( x", 0, "'\\big' is not supported; write \\left( … \\right), which grows with its content"},
        {"\\mathfrak{g1}", 11, "\\mathfrak has letters only"},
        {"\\mathscr{a}", 9, "\\mathscr has capital letters only"},
        {"\\boldsymbol{x+y}", 13,
         "'+' has no bold form in the maths font; \\boldsymbol makes letters, digits and Greek bold"},
        {"\\bm{\\infty}", 4, "'\\infty' has no bold form in the maths font; \\bm makes letters, digits and Greek bold"},
        {"\\boldsymbol{\\sum}", 12,
         "'\\sum' has no bold form in the maths font; \\boldsymbol makes letters, digits and Greek bold"},
        {"\\boldsymbol{≤}", 12,
         "'≤' has no bold form in the maths font; \\boldsymbol makes letters, digits and Greek bold"},
        {"\\overbrace", 0, "\\overbrace needs an argument"},
        {"\\boxed", 0, "\\boxed needs an argument"},
        {"\\overset{a}", 0, "\\overset needs 2 arguments"},
        {"\\binom{n}", 0, "\\binom needs 2 arguments"},
        {"a \\middle| b", 2,
         "\\middle must stand directly inside \\left…\\right, as in \\left( a \\middle| b \\right)"},
        {"\\left( {a \\middle| b} \\right)", 10,
         "\\middle must stand directly inside \\left…\\right, as in \\left( a \\middle| b \\right)"},
        {"\\left( a \\middle x \\right)", 17, "unknown delimiter 'x' after \\middle; did you mean '('?"},
        {"\\left( a \\middle|", 0, "\\left without a matching \\right"},
        {"\\begin{cases} a \\end{matrix}", 16, "\\end{matrix} does not match \\begin{cases}"},
        {"\\text{if $x$}", 9, "'$' inside \\text: text cannot hold maths; write \\$ for a dollar sign"},
        {"\\text{a_b}", 7, "'_' inside \\text must be written '\\_'"},
        {"\\text{a^2}", 7, "'^' inside \\text is not supported"},
        {"\\text{\\alpha}", 6, "'\\alpha' inside \\text is not supported"},
        {"\\text{ab", 5, "missing '}' for the '{' here"},
        {"\\text x", 0, "\\text needs an argument in braces"},
        {"\\operatorname{}", 0, "\\operatorname needs a name"},
        {"\\mathcal{x}", 9, "\\mathcal has capital letters only"},
        {"$x$", 0, "'$' is not needed around a formula; write \\$ for a dollar sign"},
        {"50%", 2, "'%' starts a comment in TeX; write \\% for a percent sign"},
        {"#1", 0, "'#' is TeX's macro parameter; write \\# for a hash sign"},
        {"x é", 2, "character 'é' (U+00E9) is not supported in a formula; put words in \\text{…}"},
        {"a\x01", 1, "control character U+0001 in the formula"},
        {"x\\", 1, "'\\' at the end of the formula"},
    };
    for (const auto& c : cases) {
        CAPTURE(c.source);
        const Failure f = failure(c.source);
        CHECK(f.message == c.message);
        CHECK(f.offset == c.offset);
    }
}

TEST_CASE("nesting is bounded: 64 levels parse, deeper is an error, never a stack overflow", "[math][tex]") {
    const std::string deep64 = std::string(64, '{') + "x" + std::string(64, '}');
    CHECK(parse_tex(deep64).size() == 1);
    const Failure deep65 = failure(std::string(65, '{') + "x" + std::string(65, '}'));
    CHECK(deep65.offset == 64);
    CHECK(deep65.message == "formula nested deeper than 64 levels");
    CHECK(failure(std::string(10000, '{')).offset == 64);
    std::string fractions;
    for (int i = 0; i < 1500; ++i) fractions += "\\frac{";
    CHECK(failure(fractions).message == "formula nested deeper than 64 levels");
    std::string roots;
    for (int i = 0; i < 100; ++i) roots += "\\sqrt";
    const Failure unbraced = failure(roots + "x");
    CHECK(unbraced.offset == 65 * 5);  // the \sqrt that would open level 65
    CHECK(unbraced.message == "formula nested deeper than 64 levels");
    std::string fences;
    for (int i = 0; i < 1000; ++i) fences += "\\left(";
    CHECK(failure(fences).message == "formula nested deeper than 64 levels");
}

TEST_CASE("formulas longer than 10000 bytes are refused", "[math][tex]") {
    std::string longest;
    while (longest.size() < 10000) longest += "x+";
    CHECK(parse_tex(longest).size() == 10000);
    const Failure f = failure(longest + "y");
    CHECK(f.offset == 0);
    CHECK(f.message == "formula longer than 10000 bytes");
}

TEST_CASE("random bytes and token soups parse or fail with a TexError, never crash", "[math][tex][fuzz]") {
    std::mt19937 random(20240611);
    const std::vector<std::string> tokens = {
        "{", "}", "^", "_", "'", "[", "]", "&", "\\\\", " ", "x", "2", "+", "(", ")", "|", "\\alpha", "\\sum",
        "\\int", "\\lim", "\\limits", "\\nolimits", "\\frac", "\\dfrac", "\\sqrt", "\\sqrt[", "\\left", "\\left(",
        "\\right", "\\right)", "\\left.", "\\begin{bmatrix}", "\\end{bmatrix}", "\\begin{matrix}", "\\end{pmatrix}",
        "\\text{", "\\text{a b}", "\\mathbf", "\\mathbb{", "\\mathcal", "\\operatorname{", "\\operatorname*",
        "\\,", "\\quad", "~", "\\displaystyle", "\\hat", "\\foo", "\\", "$", "%", "é", "α", "\xFF", "\xE2\x82",
        "\\{", "\\}", "\\|", "\\langle", "}", "{", "\\begin{", "\\end", "\\binom", "\\middle", "\\middle|",
        "\\overset", "\\underbrace", "\\boxed", "\\cancel", "\\boldsymbol", "\\bm", "\\begin{cases}", "\\end{cases}",
        "\\mathbin", "+", "\\infty"};
    auto check_one = [&](const std::string& source) {
        try {
            check_source_ranges(source, parse_tex(source));
        } catch (const TexError& e) {
            INFO(source);
            CHECK(e.offset() <= source.size());
            CHECK(std::string(e.what()).size() > 0);
        }
    };
    const auto start = std::chrono::steady_clock::now();
    for (int i = 0; i < 2000; ++i) {
        std::string bytes(random() % 48, '\0');
        for (char& b : bytes) b = static_cast<char>(random() % 256);
        check_one(bytes);
    }
    for (int i = 0; i < 3000; ++i) {
        std::string soup;
        const std::size_t count = random() % 40;
        for (std::size_t k = 0; k < count; ++k) soup += tokens[random() % tokens.size()];
        check_one(soup);
    }
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    CHECK(seconds < 2.0);
}

namespace {

// A random formula of the supported syntax, nested up to `depth` levels.
std::string random_formula(std::mt19937& random, int depth) {
    static const std::vector<std::string> atoms = {"x", "Q", "7", "\\alpha", "\\Sigma", "+", "-", "=", "\\leq", ",",
                                                   "(", ")", "\\infty", "\\cdot", "f'", "\\,", "\\lim", "\\top"};
    std::string out;
    const int count = 1 + static_cast<int>(random() % 4);
    for (int i = 0; i < count; ++i) {
        const int kind = depth > 0 ? static_cast<int>(random() % 19) : 0;
        auto inner = [&] { return random_formula(random, depth - 1); };
        // Braced lists are evaluated left to right, so the random draws keep their order.
        auto add = [&](std::initializer_list<std::string> parts) {
            for (const auto& part : parts) out += part;
        };
        switch (kind) {
            case 1: add({"\\frac{", inner(), "}{", inner(), "}"}); break;
            case 2: add({"\\sqrt{", inner(), "}"}); break;
            case 3: add({"\\sqrt[", inner(), "]{", inner(), "}"}); break;
            case 4: add({"{", inner(), "}^{", inner(), "}_i"}); break;
            case 5: add({"\\left( ", inner(), " \\right]"}); break;
            case 6: add({"\\begin{bmatrix}", inner(), " & ", inner(), " \\\\ ", inner(), "\\end{bmatrix}"}); break;
            case 7: add({"\\text{ so {it} goes }"}); break;
            case 8: add({"\\mathbf{", inner(), "}"}); break;
            case 9: add({"\\sum_{", inner(), "}^{", inner(), "}"}); break;
            case 10: add({"\\operatorname*{arg\\,max}\\limits_{", inner(), "}"}); break;
            case 11: add({"\\dfrac ab"}); break;
            case 12: add({"\\begin{cases}", inner(), " & \\text{if } x \\\\ 0 & \\end{cases}"}); break;
            case 13: add({"\\binom{", inner(), "}{k}"}); break;
            case 14: add({"\\left\\{ x \\middle| ", inner(), " \\right\\}"}); break;
            case 15: add({"\\overset{", inner(), "}{=}"}); break;
            case 16: add({"\\underbrace{", inner(), "}_{n}"}); break;
            case 17: add({"\\boxed{", inner(), "}"}); break;
            case 18: add({"\\boldsymbol{x\\alpha}"}); break;
            default: out += atoms[random() % atoms.size()]; break;
        }
        // A command name ends at the first non-letter: a space keeps \alpha from running into x.
        out += random() % 2 || std::isalpha(static_cast<unsigned char>(out.back())) ? " " : "";
    }
    return out;
}

}  // namespace

TEST_CASE("random formulas of the supported syntax all parse, with consistent source ranges", "[math][tex][fuzz]") {
    std::mt19937 random(7);
    for (int i = 0; i < 1000; ++i) {
        const std::string source = random_formula(random, 1 + i % 4);
        INFO(source);
        MathList list;
        REQUIRE_NOTHROW(list = parse_tex(source));
        check_source_ranges(source, list);
        // The top-level atoms cover the formula in order, with only spaces between them.
        std::size_t previous_end = 0;
        for (const Node& node : list) {
            CHECK(node.source.begin >= previous_end);
            CHECK(source.substr(previous_end, node.source.begin - previous_end).find_first_not_of(' ') ==
                  std::string::npos);
            previous_end = node.source.end;
        }
        CHECK(source.substr(previous_end).find_first_not_of(' ') == std::string::npos);
    }
}

TEST_CASE("Latin Modern Math has a glyph for every code point the tables produce", "[math][tex][fonts]") {
    text::FontLibrary fonts(std::filesystem::path(ATTNREEL_SOURCE_DIR) / "fonts");
    const text::FaceId math = fonts.face("math");
    auto check = [&](std::string_view what, char32_t c) {
        INFO(what << " U+" << std::hex << static_cast<unsigned>(c));
        CHECK(fonts.has_glyph_for(math, c));
    };
    for (const auto& e : symbol_commands()) check(e.name, e.code_point);
    for (const auto& e : symbol_characters()) check(std::string(1, e.character), e.code_point);
    for (const auto& e : large_operators()) check(e.name, e.code_point);
    for (const auto& e : operator_names())
        for (char c : e.word) check(e.name, static_cast<char32_t>(c));
    for (const auto& e : delimiter_symbols())
        if (e.code_point != 0) check(e.name, e.code_point);
    for (const auto& e : matrix_environments()) {
        if (e.left.code_point != 0) check(e.name, e.left.code_point);
        if (e.right.code_point != 0) check(e.name, e.right.code_point);
    }
    for (char32_t prime : {U'′', U'″', U'‴', U'⁗'}) check("prime", prime);
    int letters = 0;
    for (const auto& alphabet : alphabet_commands()) {
        for (char c = '0'; c <= 'z'; ++c) {
            const char32_t code = alphabet_code_point(alphabet.alphabet, c);
            if (code == 0) continue;
            ++letters;
            check(std::string(alphabet.name) + " " + c, code);
        }
    }
    // \mathcal and \mathscr: capitals only; \mathfrak: no digits.
    CHECK(letters == 8 * 62 + 2 * 26 + 52);
    // Bold and bold italic Greek, ∂ and ∇.
    for (const auto& e : symbol_commands())
        for (const Alphabet bold : {Alphabet::Bold, Alphabet::BoldItalic})
            if (const char32_t code = symbol_in_alphabet(bold, e.code_point)) check(e.name, code);
}

TEST_CASE("a text run records where the source spells it verbatim", "[math][tex]") {
    const std::string source = "\\operatorname{softmax}";
    const Node op = only(source);
    const auto& run = as<TextRun>(op);
    REQUIRE(run.verbatim);
    CHECK(covered(source, *run.verbatim) == "softmax");
    CHECK(as<TextRun>(only("\\text{if }")).verbatim);
    // Escapes, collapsed spaces and operator commands are not spelt out byte for byte.
    CHECK_FALSE(as<TextRun>(only("\\text{a\\,b}")).verbatim);
    CHECK_FALSE(as<TextRun>(only("\\text{a  b}")).verbatim);
    CHECK_FALSE(as<TextRun>(only("\\log")).verbatim);
}
