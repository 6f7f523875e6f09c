#pragma once
// The appendix-G driver behind layout_math: turns math lists into boxes, one construction
// at a time. Lists, atoms and scripts are in typesetter.cpp, fractions, radicals, fences
// and matrices in constructions.cpp, accents, over/under lines and braces in accents.cpp,
// frames and strikes in enclosures.cpp. Lengths in ems of the formula's base size.
#include "math/math_box.hpp"
#include "math/math_font.hpp"
#include "math/math_style.hpp"

namespace attnreel::math {

// Lengths TeX gives in points, which do not shrink in script styles; at TeX's 10pt base
// size one point is a tenth of an em.
inline constexpr double null_delimiter_space = 0.12;  // \nulldelimiterspace 1.2pt
inline constexpr double delimiter_shortfall = 0.5;    // \delimitershortfall 5pt
inline constexpr double matrix_column_gap = 1.0;      // 2 \arraycolsep, 5pt each
// LaTeX's \@array sets \baselineskip and \lineskip to 0, so rows abut; each row holds
// \@arstrutbox, 0.7 and 0.3 \baselineskip (12pt at 10pt type) high and deep.
inline constexpr double matrix_strut_height = 0.84;
inline constexpr double matrix_strut_depth = 0.36;
// TeX's sub1 (σ16 of cmsy10 and lmsy10, 1.5pt at 10pt): how far a subscript without a
// superscript drops. The MATH table has one SubscriptShiftDown, which Latin Modern Math
// sets to TeX's sub2 (2.47pt), the drop of a subscript under a superscript.
inline constexpr double subscript_alone_shift_down = 0.15;
// The delimiters of \binom: TeX's delim1 and delim2 (σ20, σ21 of cmsy10), which LuaTeX
// calls FractionDelimiterDisplayStyleSize and FractionDelimiterSize; the MATH table has none.
inline constexpr double fraction_delimiter_display_size = 2.39;
inline constexpr double fraction_delimiter_size = 1.01;
// amsmath's \boxed is an \fbox: \fboxsep 3pt of room inside a \fboxrule 0.4pt frame.
inline constexpr double box_separation = 0.3;
inline constexpr double box_rule = 0.04;

// Lists nested deeper than this are an error, not a stack overflow. Parsed formulas stop
// long before, at the parser's max_source_nesting; this guards trees built by hand.
inline constexpr int max_list_nesting = 200;

class Typesetter {
public:
    explicit Typesetter(MathFont& font) : font_(font), k_(font.constants()) {}

    // A list as an hbox. `fenced`: the list sits between \left and \right, whose Open and
    // Close classes take part in the spacing.
    Box list(const MathList& items, Style style, bool fenced = false);

private:
    // A nucleus before its scripts: the italic correction is kept apart because where it
    // goes depends on the scripts; `is_character` marks a lone glyph (no baseline drops).
    // A large operator's advance already includes its slant (`slant_in_advance`): the
    // italic correction only moves its subscript and lower limit left.
    struct Nucleus {
        Box box;
        double italic = 0;
        bool is_character = false;
        bool slant_in_advance = false;
    };

    Box atom(const Node& node, Style style);
    Nucleus nucleus(const Node& node, Style style);
    Nucleus symbol(const Node& node, const Symbol& symbol, Style style);
    Box text_run(const Node& node, const TextRun& run, Style style);
    Box with_scripts(Nucleus nucleus, const Node& node, Style style);
    Box with_limits(Nucleus nucleus, const Node& node, Style style);

    Box fraction(const Node& node, const Fraction& fraction, Style style);
    Box radical(const Node& node, const Radical& radical, Style style);
    Box left_right(const LeftRight& fence, Style style);
    // `parts`: the body, then each \middle delimiter with the list after it.
    struct FencedPart {
        const Delimiter* middle = nullptr;  // before the part; none for the first
        Box body;
    };
    Box fenced(const Delimiter& left, std::vector<FencedPart> parts, const Delimiter& right, Style style);
    Box matrix(const Matrix& matrix, Style style);
    Nucleus accent(const Node& node, const Accent& accent, Style style);
    Box over_under_line(const Node& node, const OverUnderLine& line, Style style);
    Box brace(const Node& node, const Brace& brace, Style style);
    Box enclosed(const Node& node, const Enclosed& enclosed, Style style);

    double scale(Style style) const { return font_.scale(style.level); }
    double axis(Style style) const { return k_.axis_height * scale(style); }

    MathFont& font_;
    const MathConstants& k_;
    int nesting_ = 0;
};

// The part of the source a node's own outlines come from: the nucleus alone when the
// parser recorded it, else the whole atom.
const SourceRange& shown_range(const Node& node);

}  // namespace attnreel::math
