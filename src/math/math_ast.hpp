#pragma once
// A formula as the parser reads it: TeX's math lists. Every node is an atom with a class
// (which decides the spacing around it), a nucleus, optional scripts, and the byte range
// of the source it came from. Layout (math_layout) turns this into positioned glyphs.
#include <cstddef>
#include <optional>
#include <string>
#include <variant>
#include <vector>

namespace attnreel::math {

// TeX's atom classes; Inner is what \left…\right makes.
enum class AtomClass { Ord, Op, Bin, Rel, Open, Close, Punct, Inner };

// Byte offsets [begin, end) into the formula string.
struct SourceRange {
    std::size_t begin = 0, end = 0;
    bool operator==(const SourceRange&) const = default;
};

struct Node;
using MathList = std::vector<Node>;

// One character of the maths font, already mapped to the code point drawn: a letter of a
// formula is U+1D44E… (mathematical italic), \mathbf{A} is U+1D400…, \alpha is U+1D6FC….
struct Symbol {
    char32_t code_point = 0;
};

// Upright words shaped as text with the maths font: \text{…}, \operatorname{…}, \mathrm
// of several letters may also come here. Spaces are kept.
struct TextRun {
    std::string utf8;
    // Where the source spells utf8 byte for byte (the "softmax" of \operatorname{softmax}),
    // so each glyph can name its own letters as a part; unset for \log or \text{a\,b}.
    std::optional<SourceRange> verbatim;
};

// {…}: a sub-formula laid out as one Ord box (TeX's braces make an Ord atom).
struct Group {
    MathList body;
};

// A delimiter of \left…\right, of a matrix or of a binomial; code point 0 is TeX's null
// delimiter '.'.
struct Delimiter {
    char32_t code_point = 0;
    SourceRange source;
    std::string key;  // matching key, e.g. "(" — the same for "\left(" and a plain "("
};

// \frac, and the generalised fractions of TeX's rule 15: \binom is one without a rule,
// between parentheses of a fixed size (amsmath's \genfrac(){0pt}{}{n}{k}).
struct Fraction {
    MathList numerator, denominator;
    bool rule = true;
    Delimiter left, right;  // code point 0: none, and a null delimiter's space instead
};

struct Radical {
    MathList body;
    std::optional<MathList> degree;  // \sqrt[n]{…}
};

// \middle| b: a delimiter inside \left…\right, sized with them, and the list after it.
struct MiddleDelimiter {
    Delimiter delimiter;
    MathList after;
};

// \left( body \middle| after \right): `body` runs up to the first \middle.
struct LeftRight {
    Delimiter left, right;
    MathList body;
    std::vector<MiddleDelimiter> middles;
};

// \begin{bmatrix}…\end{bmatrix}: rows of cells, fenced by [ ], ( ) or nothing (matrix).
// cases is an array of left-aligned columns, its rows stretched by 1.2 (amsmath's
// \arraystretch), after a brace.
enum class ColumnAlign { Centre, Left };
struct Matrix {
    std::vector<std::vector<MathList>> rows;
    Delimiter left, right;
    ColumnAlign align = ColumnAlign::Centre;
    double row_stretch = 1;
};

// \hat{y}, \widehat{QK}…: an accent glyph (a combining mark: U+0302 for \hat) over a base
// (appendix G rule 12). A wide accent takes the font's wider forms to span its base.
struct Accent {
    char32_t code_point = 0;
    bool wide = false;
    MathList base;
};

// \overline{…} and \underline{…}: a rule over or under a sub-formula (rules 9 and 10).
enum class LineSide { Over, Under };
struct OverUnderLine {
    LineSide side = LineSide::Over;
    MathList body;
};

// \underbrace{…} and \overbrace{…}: a brace that spans its body, under or over it. The
// node is an operator whose limits are the brace's label (\underbrace{x}_{n}), as in TeX.
struct Brace {
    LineSide side = LineSide::Under;
    MathList body;
};

// \boxed{…} draws a frame around its body; \cancel, \bcancel and \xcancel strike it
// through (MathML's menclose notations box, updiagonalstrike, downdiagonalstrike).
enum class Enclosure { Box, UpStrike, DownStrike, CrossStrike };
struct Enclosed {
    Enclosure notation = Enclosure::Box;
    MathList body;
};

// Explicit space, in two units. Math glue (\, = 3, \: = 4, \; = 5, \! = -3) is in mu, 1/18
// of the current style's em, so it shrinks in scripts. Text spaces (\quad = 1, \qquad = 2,
// "\ " and ~ = a word space) are lengths of the text font, in ems of the formula's base
// size, the same in every style (TeX's \hskip 1em is not mu glue).
struct Space {
    double mu = 0;
    double em = 0;
};

// \displaystyle, \textstyle, \scriptstyle, \scriptscriptstyle: changes the style of what
// follows in the same list.
enum class MathStyle { Display, Text, Script, ScriptScript };
struct StyleChange {
    MathStyle style = MathStyle::Display;
};

using Nucleus = std::variant<Symbol, TextRun, Group, Fraction, Radical, LeftRight, Matrix, Accent, OverUnderLine,
                             Brace, Enclosed, Space, StyleChange>;

// Where an Op's scripts go: as limits above and below (\sum in display style) or beside it.
enum class Limits { Default, Above, Beside };  // Default: above in display style, beside otherwise

struct Node {
    AtomClass cls = AtomClass::Ord;
    Nucleus nucleus;
    std::optional<MathList> sup, sub;
    Limits limits = Limits::Default;
    bool large_op = false;  // \sum, \prod…: drawn at display size in display style
    SourceRange source;     // the whole atom, scripts included
    SourceRange nucleus_source;  // the nucleus alone ("\frac{a}{b}", "\alpha", "Q")
    // What morphs match on: the nucleus's own text for symbols and words ("Q", "\top",
    // "softmax"), the command for constructions ("\frac" for the rule, "\sqrt" for the sign,
    // "\hat" for the accent, "\overline" for the line).
    std::string key;
};

}  // namespace attnreel::math
