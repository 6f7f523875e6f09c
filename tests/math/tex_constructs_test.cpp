// The constructs ML papers write beyond plain fractions and scripts: cases, bold symbols,
// binomials, \middle, stacked marks, braces with labels, frames and strikes, class changes.
#include "tex_test_support.hpp"

#include <catch2/catch.hpp>

using namespace attnreel;
using namespace attnreel::math;
using namespace attnreel::math::testing;

namespace {

// The list inside the single group `source` parses to (\mathbf{…}, \dbinom…), as a copy.
MathList body_of(const std::string& source) { return as<Group>(only(source)).body; }

// The code points the symbols of that list draw.
std::u32string drawn(const std::string& source) {
    std::u32string out;
    for (const Node& n : body_of(source)) out += code_point(n);
    return out;
}

}  // namespace

TEST_CASE("cases is a brace before left-aligned rows stretched by 1.2, closed by a null delimiter", "[math][tex]") {
    const std::string source =
        "M_{ij} = \\begin{cases} 0 & \\text{if } j \\le i \\\\ -\\infty & \\text{otherwise} \\end{cases}";
    const MathList list = parse_tex(source);
    REQUIRE(list.size() == 3);
    const Node& cases = list[2];
    CHECK(cases.cls == AtomClass::Inner);
    const auto& m = as<Matrix>(cases);
    CHECK(m.align == ColumnAlign::Left);
    CHECK(m.row_stretch == 1.2);
    CHECK(m.left.code_point == U'{');
    CHECK(m.left.key == "\\{");
    CHECK(m.right.code_point == 0);
    REQUIRE(m.rows.size() == 2);
    REQUIRE(m.rows[0].size() == 2);
    CHECK(text_of(m.rows[0][1].at(0)) == "if ");
    CHECK(m.rows[1][0].at(1).key == "\\infty");
    check_source_ranges(source, list);
    // Matrices keep centred columns and unstretched rows.
    const Node pmatrix = only("\\begin{pmatrix} a \\end{pmatrix}");
    const auto& p = as<Matrix>(pmatrix);
    CHECK(p.align == ColumnAlign::Centre);
    CHECK(p.row_stretch == 1);
}

TEST_CASE("boldsymbol and bm: bold italic letters and Greek, bold digits, upright bold capital Greek",
          "[math][tex]") {
    CHECK(drawn("\\boldsymbol{xA2\\alpha\\varepsilon\\Gamma\\varGamma\\partial\\nabla α}") ==
          U"\U0001D499\U0001D468\U0001D7D0\U0001D736\U0001D73A\U0001D6AA\U0001D71E\U0001D74F\U0001D735\U0001D736");
    // The keys are those of the plain symbols, so \boldsymbol{\alpha} morphs into \alpha.
    const MathList body = body_of("\\bm{x\\alpha}");
    CHECK(body[0].key == "x");
    CHECK(body[1].key == "\\alpha");
    CHECK(code_point(body[1]) == 0x1D736);
    // Scripts and fractions inside take the alphabet too.
    const Node fraction = as<Group>(only("\\boldsymbol{\\frac{\\theta}{2}}")).body.at(0);
    CHECK(code_point(as<Fraction>(fraction).numerator.at(0)) == 0x1D73D);
}

TEST_CASE("mathbf makes Greek, ∂ and ∇ upright bold and leaves other symbols as TeX does", "[math][tex]") {
    CHECK(drawn("\\mathbf{x1\\alpha\\Sigma\\partial+\\infty}") ==
          U"\U0001D431\U0001D7CF\U0001D6C2\U0001D6BA\U0001D6DB+∞");
}

TEST_CASE("mathfrak, mathsf, mathtt and mathscr draw their alphabets", "[math][tex]") {
    CHECK(drawn("\\mathfrak{gRa}") == U"\U0001D524ℜ\U0001D51E");
    CHECK(drawn("\\mathsf{Ab1}") == U"\U0001D5A0\U0001D5BB\U0001D7E3");
    CHECK(drawn("\\mathtt{Ab1}") == U"\U0001D670\U0001D68B\U0001D7F7");
    CHECK(drawn("\\mathscr{L}") == U"ℒ");
}

TEST_CASE("binom, dbinom and tbinom: fractions without a rule between parentheses", "[math][tex][keys]") {
    const std::string source = "\\binom{n}{k}";
    const Node binomial = only(source);
    CHECK(binomial.cls == AtomClass::Ord);
    CHECK(binomial.key == "\\binom");
    const auto& f = as<Fraction>(binomial);
    CHECK_FALSE(f.rule);
    CHECK(f.left.code_point == U'(');
    CHECK(f.right.code_point == U')');
    CHECK(f.left.key == "(");
    CHECK(f.right.key == ")");
    CHECK(covered(source, f.left.source) == "\\binom");
    CHECK(f.numerator.at(0).key == "n");
    CHECK(f.denominator.at(0).key == "k");
    CHECK(as<Fraction>(only("\\frac ab")).rule);
    // \dbinom and \tbinom are the binomial in display and text style.
    for (const auto& [command, style] :
         {std::pair{"\\dbinom", MathStyle::Display}, std::pair{"\\tbinom", MathStyle::Text}}) {
        const MathList body = body_of(std::string(command) + "{h}{2}");
        REQUIRE(body.size() == 2);
        CHECK(as<StyleChange>(body[0]).style == style);
        CHECK_FALSE(as<Fraction>(body[1]).rule);
    }
}

TEST_CASE("middle splits a left…right into parts, each delimiter with its own key", "[math][tex]") {
    const std::string source = "\\left\\{ x \\middle| x > 0 \\middle\\| y \\right\\}";
    const Node fence = only(source);
    const auto& lr = as<LeftRight>(fence);
    REQUIRE(lr.middles.size() == 2);
    CHECK(lr.body.size() == 1);
    CHECK(lr.middles[0].delimiter.key == "|");
    CHECK(covered(source, lr.middles[0].delimiter.source) == "|");
    CHECK(lr.middles[0].after.size() == 3);
    CHECK(lr.middles[1].delimiter.key == "\\|");
    CHECK(lr.middles[1].after.at(0).key == "y");
    check_source_ranges(source, {fence});
}

TEST_CASE("overset, underset, stackrel: a mark as a limit of the base, in the base's class", "[math][tex]") {
    const Node over = only("\\overset{!}{=}");
    CHECK(over.cls == AtomClass::Rel);  // amsmath's \binrel@
    const Node& op = as<Group>(over).body.at(0);
    CHECK(op.cls == AtomClass::Op);
    CHECK(op.limits == Limits::Above);
    REQUIRE(op.sup);
    CHECK(op.sup->at(0).key == "!");
    CHECK(as<Group>(op).body.at(0).key == "=");

    // Over anything else the whole stays the operator amsmath makes it.
    const Node under = only("\\underset{x}{\\operatorname{argmax}}");
    CHECK(under.cls == AtomClass::Op);
    CHECK(under.limits == Limits::Beside);
    CHECK(only("\\overset{*}{x}").cls == AtomClass::Op);
    CHECK(as<Group>(under).body.at(0).sub);
    CHECK(only("\\overset{a}{+}").cls == AtomClass::Bin);
    CHECK(only("\\stackrel{\\text{def}}{x}").cls == AtomClass::Rel);
    // A script after it belongs to the whole.
    const Node scripted = only("\\overset{a}{b}^2");
    CHECK(scripted.sup);
}

TEST_CASE("underbrace and overbrace are operators whose limits are their labels", "[math][tex][keys]") {
    const std::string source = "\\underbrace{QK^\\top}_{n \\times n}";
    const Node brace = only(source);
    CHECK(brace.cls == AtomClass::Op);
    CHECK(brace.limits == Limits::Above);
    CHECK(brace.key == "\\underbrace");
    CHECK(as<Brace>(brace).side == LineSide::Under);
    CHECK(as<Brace>(brace).body.size() == 2);
    REQUIRE(brace.sub);
    CHECK(covered(source, brace.nucleus_source) == "\\underbrace{QK^\\top}");
    CHECK(as<Brace>(only("\\overbrace{a+b}^{2}")).side == LineSide::Over);
}

TEST_CASE("boxed, cancel, bcancel, xcancel enclose their argument", "[math][tex][keys]") {
    const Node boxed = only("\\boxed{E = mc^2}");
    CHECK(boxed.cls == AtomClass::Ord);
    CHECK(boxed.key == "\\boxed");
    CHECK(as<Enclosed>(boxed).notation == Enclosure::Box);
    CHECK(as<Enclosed>(boxed).body.size() == 4);
    CHECK(as<Enclosed>(only("\\cancel{x}")).notation == Enclosure::UpStrike);
    CHECK(as<Enclosed>(only("\\bcancel x")).notation == Enclosure::DownStrike);
    CHECK(as<Enclosed>(only("\\xcancel{x}")).notation == Enclosure::CrossStrike);
}

TEST_CASE("mathbin, mathrel… make their argument one atom of that class", "[math][tex]") {
    const MathList list = parse_tex("a \\mathbin{\\Delta} b \\mathrel{R} c \\mathop{T}_i");
    CHECK(list[1].cls == AtomClass::Bin);
    CHECK(list[3].cls == AtomClass::Rel);
    CHECK(list[5].cls == AtomClass::Op);
    CHECK(as<Group>(list[1]).body.at(0).key == "\\Delta");
    for (const auto& e : class_commands()) CHECK(only(std::string(e.name) + "{x}").cls == e.cls);
}

TEST_CASE("operatorname* takes limits in display style, its key is the word", "[math][tex][keys]") {
    const Node op = only("\\operatorname*{arg\\,max}_{j}");
    CHECK(op.cls == AtomClass::Op);
    CHECK(op.limits == Limits::Default);
    CHECK(op.key == "argmax");
    REQUIRE(op.sub);
}
