#include "math/math_symbols.hpp"

#include <algorithm>

namespace attnreel::math {

namespace {

using enum AtomClass;

// Unicode's mathematical italic Greek (U+1D6E2…) follows the order of the plain Greek block,
// with the variant forms TeX calls \epsilon, \vartheta, \varkappa, \phi, \varrho, \varpi after it.
constexpr char32_t italic_greek(char32_t upright) {
    switch (upright) {
        case U'\u03F5': return 0x1D716;  // ϵ
        case U'\u03D1': return 0x1D717;  // ϑ
        case U'\u03F0': return 0x1D718;  // ϰ
        case U'\u03D5': return 0x1D719;  // ϕ
        case U'\u03F1': return 0x1D71A;  // ϱ
        case U'\u03D6': return 0x1D71B;  // ϖ
        default: break;
    }
    if (upright >= U'\u03B1' && upright <= U'\u03C9') return 0x1D6FC + (upright - U'\u03B1');
    if (upright >= U'\u0391' && upright <= U'\u03A9') return 0x1D6E2 + (upright - U'\u0391');
    return 0;
}

// Finds `name` in a table of structs with a `name` member.
template <typename Table>
const typename Table::value_type* find_named(const Table& table, std::string_view name) {
    const auto it = std::find_if(table.begin(), table.end(), [&](const auto& e) { return e.name == name; });
    return it == table.end() ? nullptr : &*it;
}

}  // namespace

const std::vector<SymbolCommand>& symbol_commands() {
    // Where two names share a code point and class the first is the key of both (symbol_key),
    // and the one a typed Unicode symbol gets.
    static const std::vector<SymbolCommand> table = {
        // Lower-case Greek: mathematical italic, as TeX sets it. TeX's \epsilon and \phi are
        // the lunate ϵ and the straight ϕ; \varepsilon and \varphi are ε and φ.
        {"\\alpha", italic_greek(U'α'), Ord},
        {"\\beta", italic_greek(U'β'), Ord},
        {"\\gamma", italic_greek(U'γ'), Ord},
        {"\\delta", italic_greek(U'δ'), Ord},
        {"\\epsilon", italic_greek(U'ϵ'), Ord},
        {"\\varepsilon", italic_greek(U'ε'), Ord},
        {"\\zeta", italic_greek(U'ζ'), Ord},
        {"\\eta", italic_greek(U'η'), Ord},
        {"\\theta", italic_greek(U'θ'), Ord},
        {"\\vartheta", italic_greek(U'ϑ'), Ord},
        {"\\iota", italic_greek(U'ι'), Ord},
        {"\\kappa", italic_greek(U'κ'), Ord},
        {"\\varkappa", italic_greek(U'ϰ'), Ord},
        {"\\lambda", italic_greek(U'λ'), Ord},
        {"\\mu", italic_greek(U'μ'), Ord},
        {"\\nu", italic_greek(U'ν'), Ord},
        {"\\xi", italic_greek(U'ξ'), Ord},
        {"\\omicron", italic_greek(U'ο'), Ord},
        {"\\pi", italic_greek(U'π'), Ord},
        {"\\varpi", italic_greek(U'ϖ'), Ord},
        {"\\rho", italic_greek(U'ρ'), Ord},
        {"\\varrho", italic_greek(U'ϱ'), Ord},
        {"\\sigma", italic_greek(U'σ'), Ord},
        {"\\varsigma", italic_greek(U'ς'), Ord},
        {"\\tau", italic_greek(U'τ'), Ord},
        {"\\upsilon", italic_greek(U'υ'), Ord},
        {"\\phi", italic_greek(U'ϕ'), Ord},
        {"\\varphi", italic_greek(U'φ'), Ord},
        {"\\chi", italic_greek(U'χ'), Ord},
        {"\\psi", italic_greek(U'ψ'), Ord},
        {"\\omega", italic_greek(U'ω'), Ord},
        // Upper-case Greek: upright, as TeX sets it; the \var… forms are italic (amsmath).
        {"\\Gamma", U'Γ', Ord},
        {"\\Delta", U'Δ', Ord},
        {"\\Theta", U'Θ', Ord},
        {"\\Lambda", U'Λ', Ord},
        {"\\Xi", U'Ξ', Ord},
        {"\\Pi", U'Π', Ord},
        {"\\Sigma", U'Σ', Ord},
        {"\\Upsilon", U'Υ', Ord},
        {"\\Phi", U'Φ', Ord},
        {"\\Psi", U'Ψ', Ord},
        {"\\Omega", U'Ω', Ord},
        {"\\varGamma", italic_greek(U'Γ'), Ord},
        {"\\varDelta", italic_greek(U'Δ'), Ord},
        {"\\varTheta", italic_greek(U'Θ'), Ord},
        {"\\varLambda", italic_greek(U'Λ'), Ord},
        {"\\varXi", italic_greek(U'Ξ'), Ord},
        {"\\varPi", italic_greek(U'Π'), Ord},
        {"\\varSigma", italic_greek(U'Σ'), Ord},
        {"\\varUpsilon", italic_greek(U'Υ'), Ord},
        {"\\varPhi", italic_greek(U'Φ'), Ord},
        {"\\varPsi", italic_greek(U'Ψ'), Ord},
        {"\\varOmega", italic_greek(U'Ω'), Ord},

        // Binary operators.
        {"\\pm", U'±', Bin},
        {"\\mp", U'∓', Bin},
        {"\\cdot", U'⋅', Bin},
        {"\\times", U'×', Bin},
        {"\\div", U'÷', Bin},
        {"\\circ", U'∘', Bin},
        {"\\ast", U'∗', Bin},
        {"\\star", U'⋆', Bin},
        {"\\bullet", U'∙', Bin},
        {"\\odot", U'⊙', Bin},
        {"\\oplus", U'⊕', Bin},
        {"\\ominus", U'⊖', Bin},
        {"\\otimes", U'⊗', Bin},
        {"\\oslash", U'⊘', Bin},
        {"\\cup", U'∪', Bin},
        {"\\cap", U'∩', Bin},
        {"\\wedge", U'∧', Bin},
        {"\\land", U'∧', Bin},
        {"\\vee", U'∨', Bin},
        {"\\lor", U'∨', Bin},
        {"\\setminus", U'∖', Bin},

        // Relations.
        {"\\leq", U'≤', Rel},
        {"\\le", U'≤', Rel},
        {"\\geq", U'≥', Rel},
        {"\\ge", U'≥', Rel},
        {"\\neq", U'≠', Rel},
        {"\\ne", U'≠', Rel},
        {"\\approx", U'≈', Rel},
        {"\\sim", U'∼', Rel},
        {"\\simeq", U'≃', Rel},
        {"\\cong", U'≅', Rel},
        {"\\equiv", U'≡', Rel},
        {"\\propto", U'∝', Rel},
        {"\\in", U'∈', Rel},
        {"\\notin", U'∉', Rel},
        {"\\ni", U'∋', Rel},
        {"\\subset", U'⊂', Rel},
        {"\\subseteq", U'⊆', Rel},
        {"\\supset", U'⊃', Rel},
        {"\\supseteq", U'⊇', Rel},
        {"\\to", U'→', Rel},
        {"\\rightarrow", U'→', Rel},
        {"\\leftarrow", U'←', Rel},
        {"\\gets", U'←', Rel},
        {"\\leftrightarrow", U'↔', Rel},
        {"\\mapsto", U'↦', Rel},
        {"\\longrightarrow", U'⟶', Rel},
        {"\\longleftarrow", U'⟵', Rel},
        {"\\longmapsto", U'⟼', Rel},
        {"\\Rightarrow", U'⇒', Rel},
        {"\\Leftarrow", U'⇐', Rel},
        {"\\Leftrightarrow", U'⇔', Rel},
        {"\\implies", U'⟹', Rel},
        {"\\iff", U'⟺', Rel},
        {"\\ll", U'≪', Rel},
        {"\\gg", U'≫', Rel},
        {"\\perp", U'⊥', Rel},
        {"\\mid", U'∣', Rel},
        {"\\parallel", U'∥', Rel},

        // Ordinary symbols. \ldots and \cdots are Inner as in plain TeX (\mathinner), which
        // puts a thin space between them and a comma or an operator.
        {"\\top", U'⊤', Ord},
        {"\\bot", U'⊥', Ord},
        {"\\infty", U'∞', Ord},
        {"\\partial", U'∂', Ord},
        {"\\nabla", U'∇', Ord},
        {"\\forall", U'∀', Ord},
        {"\\exists", U'∃', Ord},
        {"\\neg", U'¬', Ord},
        {"\\lnot", U'¬', Ord},
        {"\\emptyset", U'∅', Ord},
        {"\\ldots", U'…', Inner},
        {"\\dots", U'…', Inner},
        {"\\cdots", U'⋯', Inner},
        {"\\vdots", U'⋮', Ord},
        {"\\ddots", U'⋱', Ord},
        {"\\prime", U'′', Ord},
        {"\\ell", U'ℓ', Ord},
        {"\\hbar", U'ℏ', Ord},
        {"\\aleph", U'ℵ', Ord},
        {"\\angle", U'∠', Ord},
        {"\\vert", U'|', Ord},
        {"\\|", U'‖', Ord},
        {"\\Vert", U'‖', Ord},
        {"\\#", U'#', Ord},
        {"\\%", U'%', Ord},
        {"\\&", U'&', Ord},
        {"\\_", U'_', Ord},
        {"\\$", U'$', Ord},

        // Fences that are not ASCII characters.
        {"\\{", U'{', Open},
        {"\\lbrace", U'{', Open},
        {"\\}", U'}', Close},
        {"\\rbrace", U'}', Close},
        {"\\langle", U'⟨', Open},
        {"\\rangle", U'⟩', Close},
        {"\\lfloor", U'⌊', Open},
        {"\\rfloor", U'⌋', Close},
        {"\\lceil", U'⌈', Open},
        {"\\rceil", U'⌉', Close},
        {"\\lvert", U'|', Open},
        {"\\rvert", U'|', Close},
        {"\\lVert", U'‖', Open},
        {"\\rVert", U'‖', Close},
    };
    return table;
}

const SymbolCommand* find_symbol_command(std::string_view name) { return find_named(symbol_commands(), name); }

const std::vector<SymbolCharacter>& symbol_characters() {
    // The classes of plain TeX's \mathcode table.
    static const std::vector<SymbolCharacter> table = {
        {'+', U'+', Bin},  {'-', U'−', Bin},  {'*', U'∗', Bin},  {'=', U'=', Rel}, {'<', U'<', Rel},
        {'>', U'>', Rel},  {':', U':', Rel},  {',', U',', Punct}, {';', U';', Punct}, {'.', U'.', Ord},
        {'/', U'/', Ord},  {'|', U'|', Ord},  {'@', U'@', Ord},  {'(', U'(', Open}, {'[', U'[', Open},
        {')', U')', Close}, {']', U']', Close}, {'!', U'!', Close}, {'?', U'?', Close},
    };
    return table;
}

const SymbolCharacter* find_symbol_character(char c) {
    const auto& table = symbol_characters();
    const auto it = std::find_if(table.begin(), table.end(), [&](const auto& e) { return e.character == c; });
    return it == table.end() ? nullptr : &*it;
}

std::string symbol_key(char32_t code_point, AtomClass cls) {
    for (const auto& c : symbol_characters())
        if (c.code_point == code_point && c.cls == cls) return std::string(1, c.character);
    for (const auto& c : symbol_commands())
        if (c.code_point == code_point && c.cls == cls) return std::string(c.name);
    return "";
}

std::optional<UnicodeSymbol> find_unicode_symbol(char32_t code_point) {
    if (code_point < 0x80) return std::nullopt;  // ASCII is the parser's own business
    // Typed lower-case Greek means the italic letter, like \alpha; upper-case stays upright.
    if (code_point > U'\u03A9') {
        if (const char32_t italic = italic_greek(code_point)) code_point = italic;
    }
    // The first entry with the code point decides the class (⊥ is \perp, a relation).
    for (const auto& c : symbol_characters())
        if (c.code_point == code_point) return UnicodeSymbol{symbol_key(c.code_point, c.cls), c.code_point, c.cls};
    for (const auto& c : symbol_commands())
        if (c.code_point == code_point) return UnicodeSymbol{symbol_key(c.code_point, c.cls), c.code_point, c.cls};
    return std::nullopt;
}

const std::vector<LargeOperator>& large_operators() {
    // TeX's integrals are \nolimits; the rest take limits above and below in display style.
    static const std::vector<LargeOperator> table = {
        {"\\sum", U'∑', Limits::Default},       {"\\prod", U'∏', Limits::Default},
        {"\\coprod", U'∐', Limits::Default},    {"\\bigcup", U'⋃', Limits::Default},
        {"\\bigcap", U'⋂', Limits::Default},    {"\\bigvee", U'⋁', Limits::Default},
        {"\\bigwedge", U'⋀', Limits::Default},  {"\\bigoplus", U'⨁', Limits::Default},
        {"\\bigotimes", U'⨂', Limits::Default}, {"\\bigodot", U'⨀', Limits::Default},
        {"\\int", U'∫', Limits::Beside},        {"\\iint", U'∬', Limits::Beside},
        {"\\iiint", U'∭', Limits::Beside},      {"\\oint", U'∮', Limits::Beside},
    };
    return table;
}

const LargeOperator* find_large_operator(std::string_view name) { return find_named(large_operators(), name); }

const std::vector<OperatorName>& operator_names() {
    static const std::vector<OperatorName> table = {
        {"\\lim", "lim", Limits::Default},         {"\\liminf", "lim inf", Limits::Default},
        {"\\limsup", "lim sup", Limits::Default},  {"\\max", "max", Limits::Default},
        {"\\min", "min", Limits::Default},         {"\\sup", "sup", Limits::Default},
        {"\\inf", "inf", Limits::Default},         {"\\det", "det", Limits::Default},
        {"\\Pr", "Pr", Limits::Default},           {"\\gcd", "gcd", Limits::Default},
        {"\\argmax", "arg max", Limits::Default},  {"\\argmin", "arg min", Limits::Default},
        {"\\log", "log", Limits::Beside},          {"\\lg", "lg", Limits::Beside},
        {"\\ln", "ln", Limits::Beside},            {"\\exp", "exp", Limits::Beside},
        {"\\sin", "sin", Limits::Beside},          {"\\cos", "cos", Limits::Beside},
        {"\\tan", "tan", Limits::Beside},          {"\\sinh", "sinh", Limits::Beside},
        {"\\cosh", "cosh", Limits::Beside},        {"\\tanh", "tanh", Limits::Beside},
        {"\\arcsin", "arcsin", Limits::Beside},    {"\\arccos", "arccos", Limits::Beside},
        {"\\arctan", "arctan", Limits::Beside},    {"\\arg", "arg", Limits::Beside},
        {"\\dim", "dim", Limits::Beside},          {"\\ker", "ker", Limits::Beside},
        {"\\deg", "deg", Limits::Beside},          {"\\hom", "hom", Limits::Beside},
    };
    return table;
}

const OperatorName* find_operator_name(std::string_view name) { return find_named(operator_names(), name); }

std::string operator_key(std::string_view word) {
    std::string key;
    for (const char c : word)
        if (c != ' ') key += c;
    return key;
}

const std::vector<DelimiterSymbol>& delimiter_symbols() {
    static const std::vector<DelimiterSymbol> table = {
        {"(", U'(', "("},
        {")", U')', ")"},
        {"[", U'[', "["},
        {"]", U']', "]"},
        {"\\{", U'{', "\\{"},
        {"\\}", U'}', "\\}"},
        {"\\lbrace", U'{', "\\{"},
        {"\\rbrace", U'}', "\\}"},
        {"|", U'|', "|"},
        {"\\vert", U'|', "|"},
        {"\\lvert", U'|', "\\lvert"},
        {"\\rvert", U'|', "\\rvert"},
        {"\\|", U'‖', "\\|"},
        {"\\Vert", U'‖', "\\|"},
        {"\\lVert", U'‖', "\\lVert"},
        {"\\rVert", U'‖', "\\rVert"},
        {"\\langle", U'⟨', "\\langle"},
        {"\\rangle", U'⟩', "\\rangle"},
        {"<", U'⟨', "\\langle"},
        {">", U'⟩', "\\rangle"},
        {"\\lfloor", U'⌊', "\\lfloor"},
        {"\\rfloor", U'⌋', "\\rfloor"},
        {"\\lceil", U'⌈', "\\lceil"},
        {"\\rceil", U'⌉', "\\rceil"},
        {"/", U'/', "/"},
        {".", 0, "."},
    };
    return table;
}

const DelimiterSymbol* find_delimiter_symbol(std::string_view name) { return find_named(delimiter_symbols(), name); }

const std::vector<SpaceCommand>& space_commands() {
    static const std::vector<SpaceCommand> table = {
        {"\\,", 3, 0},
        {"\\thinspace", 3, 0},
        {"\\:", 4, 0},
        {"\\>", 4, 0},
        {"\\medspace", 4, 0},
        {"\\;", thick_space_mu, 0},
        {"\\thickspace", thick_space_mu, 0},
        {"\\!", -3, 0},
        {"\\negthinspace", -3, 0},
        {"\\ ", 0, word_space_em},
        {"\\quad", 0, 1},
        {"\\qquad", 0, 2},
    };
    return table;
}

const SpaceCommand* find_space_command(std::string_view name) { return find_named(space_commands(), name); }

bool padded_with_thick_spaces(std::string_view name) { return name == "\\iff" || name == "\\implies"; }

const std::vector<StyleCommand>& style_commands() {
    static const std::vector<StyleCommand> table = {
        {"\\displaystyle", MathStyle::Display},
        {"\\textstyle", MathStyle::Text},
        {"\\scriptstyle", MathStyle::Script},
        {"\\scriptscriptstyle", MathStyle::ScriptScript},
    };
    return table;
}

const StyleCommand* find_style_command(std::string_view name) { return find_named(style_commands(), name); }

const std::vector<AlphabetCommand>& alphabet_commands() {
    static const std::vector<AlphabetCommand> table = {
        {"\\mathit", Alphabet::Italic},         {"\\mathrm", Alphabet::Roman},
        {"\\mathbf", Alphabet::Bold},           {"\\boldsymbol", Alphabet::BoldItalic},
        {"\\bm", Alphabet::BoldItalic},         {"\\mathbb", Alphabet::BlackboardBold},
        {"\\mathcal", Alphabet::Calligraphic},  {"\\mathscr", Alphabet::Calligraphic},
        {"\\mathfrak", Alphabet::Fraktur},      {"\\mathsf", Alphabet::SansSerif},
        {"\\mathtt", Alphabet::Monospace},
    };
    return table;
}

const AlphabetCommand* find_alphabet_command(std::string_view name) { return find_named(alphabet_commands(), name); }

char32_t alphabet_code_point(Alphabet alphabet, char c) {
    const bool upper = c >= 'A' && c <= 'Z', lower = c >= 'a' && c <= 'z', digit = c >= '0' && c <= '9';
    if (!upper && !lower && !digit) return 0;
    // A run of the Mathematical Alphanumeric Symbols: capitals, then small letters, and the digits.
    const auto letters = [&](char32_t capital_a, char32_t small_a) {
        return upper ? capital_a + (c - 'A') : small_a + (c - 'a');
    };
    // Letters that Unicode had before the mathematical alphanumerics keep their old places.
    switch (alphabet) {
        case Alphabet::Roman:
            return static_cast<char32_t>(c);
        case Alphabet::Italic:
            if (digit) return static_cast<char32_t>(c);
            if (c == 'h') return U'ℎ';
            return letters(0x1D434, 0x1D44E);
        case Alphabet::Bold:
            if (digit) return 0x1D7CE + (c - '0');
            return letters(0x1D400, 0x1D41A);
        case Alphabet::BoldItalic:
            // Unicode has no bold italic digits; TeX's \boldsymbol{2} is a bold upright 2.
            if (digit) return 0x1D7CE + (c - '0');
            return letters(0x1D468, 0x1D482);
        case Alphabet::BlackboardBold:
            switch (c) {
                case 'C': return U'ℂ';
                case 'H': return U'ℍ';
                case 'N': return U'ℕ';
                case 'P': return U'ℙ';
                case 'Q': return U'ℚ';
                case 'R': return U'ℝ';
                case 'Z': return U'ℤ';
                default: break;
            }
            if (digit) return 0x1D7D8 + (c - '0');
            return letters(0x1D538, 0x1D552);
        case Alphabet::Calligraphic:
            // TeX's calligraphic alphabet has capitals only, and so has Latin Modern Math's script.
            switch (c) {
                case 'B': return U'ℬ';
                case 'E': return U'ℰ';
                case 'F': return U'ℱ';
                case 'H': return U'ℋ';
                case 'I': return U'ℐ';
                case 'L': return U'ℒ';
                case 'M': return U'ℳ';
                case 'R': return U'ℛ';
                default: break;
            }
            return upper ? 0x1D49C + (c - 'A') : 0;
        case Alphabet::Fraktur:
            switch (c) {
                case 'C': return U'ℭ';
                case 'H': return U'ℌ';
                case 'I': return U'ℑ';
                case 'R': return U'ℜ';
                case 'Z': return U'ℨ';
                default: break;
            }
            return digit ? 0 : letters(0x1D504, 0x1D51E);
        case Alphabet::SansSerif:
            if (digit) return 0x1D7E2 + (c - '0');
            return letters(0x1D5A0, 0x1D5BA);
        case Alphabet::Monospace:
            if (digit) return 0x1D7F6 + (c - '0');
            return letters(0x1D670, 0x1D68A);
    }
    return 0;
}

std::string_view alphabet_coverage(Alphabet alphabet) {
    switch (alphabet) {
        case Alphabet::Calligraphic: return "capital letters only";
        case Alphabet::Fraktur: return "letters only";
        default: return "letters and digits";
    }
}

bool is_bold(Alphabet alphabet) { return alphabet == Alphabet::Bold || alphabet == Alphabet::BoldItalic; }

char32_t symbol_in_alphabet(Alphabet alphabet, char32_t code_point) {
    if (!is_bold(alphabet)) return code_point;
    const bool italic = alphabet == Alphabet::BoldItalic;
    // The bold (U+1D6A8…) and bold italic (U+1D71C…) Greek blocks follow the order of the
    // italic one (U+1D6E2…): 25 capitals and ∇, 25 small letters, ∂ and six variant forms.
    constexpr char32_t italic_capitals = 0x1D6E2, italic_end = 0x1D71B;
    constexpr char32_t bold_capitals = 0x1D6A8, bold_italic_capitals = 0x1D71C;
    if (code_point >= italic_capitals && code_point <= italic_end)
        return code_point - italic_capitals + (italic ? bold_italic_capitals : bold_capitals);
    // Upright capitals (\Gamma) stay upright in both, as in TeX: U+0391… → U+1D6A8….
    if (code_point >= U'\u0391' && code_point <= U'\u03A9' && code_point != U'\u03A2')
        return bold_capitals + (code_point - U'\u0391');
    if (code_point == U'∂') return italic ? 0x1D74F : 0x1D6DB;
    if (code_point == U'∇') return italic ? 0x1D735 : 0x1D6C1;
    return 0;
}

const std::vector<MatrixEnvironment>& matrix_environments() {
    static const std::vector<MatrixEnvironment> table = {
        {"matrix", {".", 0, "."}, {".", 0, "."}},
        {"pmatrix", {"(", U'(', "("}, {")", U')', ")"}},
        {"bmatrix", {"[", U'[', "["}, {"]", U']', "]"}},
        {"Bmatrix", {"\\{", U'{', "\\{"}, {"\\}", U'}', "\\}"}},
        {"vmatrix", {"|", U'|', "|"}, {"|", U'|', "|"}},
        {"Vmatrix", {"\\|", U'‖', "\\|"}, {"\\|", U'‖', "\\|"}},
        // amsmath: \left\lbrace \def\arraystretch{1.2} \array{@{}l@{\quad}l@{}} … \right.
        {"cases", {"\\{", U'{', "\\{"}, {".", 0, "."}, ColumnAlign::Left, 1.2},
    };
    return table;
}

const MatrixEnvironment* find_matrix_environment(std::string_view name) {
    return find_named(matrix_environments(), name);
}

const std::vector<UnsupportedCommand>& unsupported_commands() {
    // Each hint names the supported way to write the same thing, where there is one.
    constexpr std::string_view left_right = "; write \\left( … \\right), which grows with its content";
    static const std::vector<UnsupportedCommand> table = {
        {"\\over", "; write \\frac{a}{b}"},
        {"\\atop", "; write \\begin{matrix} a \\\\ b \\end{matrix}"},
        {"\\choose", "; write \\binom{n}{k}"},
        {"\\cfrac", "; write \\frac{a}{b}"},
        {"\\genfrac", "; write \\frac{a}{b} or \\binom{n}{k}"},
        {"\\overrightarrow", "; write \\vec{x} or \\overset{\\to}{x}"},
        {"\\overleftarrow", "; write \\overset{\\leftarrow}{x}"},
        {"\\xrightarrow", "; write \\overset{a}{\\longrightarrow}"},
        {"\\xleftarrow", "; write \\overset{a}{\\longleftarrow}"},
        {"\\big", left_right},
        {"\\Big", left_right},
        {"\\bigg", left_right},
        {"\\Bigg", left_right},
        {"\\bigl", left_right},
        {"\\bigr", left_right},
        {"\\Bigl", left_right},
        {"\\Bigr", left_right},
        {"\\biggl", left_right},
        {"\\biggr", left_right},
        {"\\Biggl", left_right},
        {"\\Biggr", left_right},
        {"\\not", "; write \\neq or \\notin"},
        {"\\color", "; colour parts with the formula's colors: key"},
        {"\\textcolor", "; colour parts with the formula's colors: key"},
        {"\\phantom", "; write \\quad or \\, for space"},
        {"\\hphantom", "; write \\quad or \\, for space"},
        {"\\vphantom", "; write \\left and \\right to size delimiters"},
        {"\\hspace", "; use \\quad, \\; or \\,"},
        {"\\kern", "; use \\quad, \\; or \\,"},
        {"\\mkern", "; use \\quad, \\; or \\,"},
        {"\\mskip", "; use \\quad, \\; or \\,"},
        {"\\textbf", "; use \\text or \\mathbf"},
        {"\\textit", "; use \\text or \\mathit"},
        {"\\mbox", "; use \\text"},
        {"\\hbox", "; use \\text"},
        {"\\def", "; write the formula out in full"},
        {"\\newcommand", "; write the formula out in full"},
        {"\\renewcommand", "; write the formula out in full"},
        {"\\label", "; a formula has no number to refer to"},
        {"\\tag", "; write the number in the formula, as \\quad (1)"},
        {"\\nonumber", "; a formula has no number to leave out"},
        {"\\hline", "; matrices have no rules"},
        {"\\substack", "; write the conditions on one line, as \\sum_{i<j,\\, k}"},
        {"\\smash", "; write \\left and \\right, which size to what they enclose"},
    };
    return table;
}

const std::vector<ClassCommand>& class_commands() {
    static const std::vector<ClassCommand> table = {
        {"\\mathord", Ord},     {"\\mathop", Op},       {"\\mathbin", Bin},     {"\\mathrel", Rel},
        {"\\mathopen", Open},   {"\\mathclose", Close}, {"\\mathpunct", Punct}, {"\\mathinner", Inner},
    };
    return table;
}

const ClassCommand* find_class_command(std::string_view name) { return find_named(class_commands(), name); }

const std::vector<EnclosureCommand>& enclosure_commands() {
    static const std::vector<EnclosureCommand> table = {
        {"\\boxed", Enclosure::Box},
        {"\\cancel", Enclosure::UpStrike},
        {"\\bcancel", Enclosure::DownStrike},
        {"\\xcancel", Enclosure::CrossStrike},
    };
    return table;
}

const EnclosureCommand* find_enclosure_command(std::string_view name) { return find_named(enclosure_commands(), name); }

const std::vector<AccentCommand>& accent_commands() {
    static const std::vector<AccentCommand> table = {
        {"\\hat", U'\u0302', false},   {"\\widehat", U'\u0302', true}, {"\\check", U'\u030C', false},
        {"\\tilde", U'\u0303', false}, {"\\widetilde", U'\u0303', true}, {"\\bar", U'\u0304', false},
        {"\\vec", U'\u20D7', false},   {"\\dot", U'\u0307', false},     {"\\ddot", U'\u0308', false},
        {"\\acute", U'\u0301', false}, {"\\grave", U'\u0300', false},   {"\\breve", U'\u0306', false},
    };
    return table;
}

const AccentCommand* find_accent_command(std::string_view name) { return find_named(accent_commands(), name); }

const UnsupportedCommand* find_unsupported_command(std::string_view name) {
    return find_named(unsupported_commands(), name);
}

const std::vector<UnsupportedCommand>& unsupported_environments() {
    constexpr std::string_view one_line = "; a formula is one line: write one formula per line, or rows in "
                                          "\\begin{matrix}";
    static const std::vector<UnsupportedCommand> table = {
        {"align", one_line},
        {"align*", one_line},
        {"aligned", one_line},
        {"alignat", one_line},
        {"alignat*", one_line},
        {"equation", "; write the formula alone"},
        {"equation*", "; write the formula alone"},
        {"gather", one_line},
        {"gather*", one_line},
        {"gathered", one_line},
        {"multline", one_line},
        {"split", one_line},
        {"eqnarray", one_line},
        {"array", "; write \\begin{matrix}, or \\begin{cases} for left-aligned columns"},
        {"subarray", "; write the conditions on one line"},
        {"smallmatrix", "; write \\begin{matrix} in a \\scriptstyle group"},
        {"tabular", "; write \\begin{matrix} with \\text{…} cells"},
        {"dcases", "; write \\begin{cases} with \\displaystyle in its cells"},
        {"rcases", "; write \\left. \\begin{matrix} … \\end{matrix} \\right\\}"},
    };
    return table;
}

const UnsupportedCommand* find_unsupported_environment(std::string_view name) {
    return find_named(unsupported_environments(), name);
}

const std::vector<std::string_view>& construction_commands() {
    static const std::vector<std::string_view> table = {
        "\\frac",      "\\dfrac",    "\\tfrac",       "\\binom",     "\\dbinom",     "\\tbinom",
        "\\sqrt",      "\\left",     "\\middle",      "\\right",     "\\text",       "\\textrm",
        "\\begin",     "\\end",      "\\\\",          "\\limits",    "\\nolimits",   "\\operatorname",
        "\\overline",  "\\underline", "\\overbrace",  "\\underbrace", "\\overset",   "\\underset",
        "\\stackrel",
    };
    return table;
}

const std::vector<std::string>& known_commands() {
    static const std::vector<std::string> names = [] {
        std::vector<std::string> all;
        for (const auto& e : symbol_commands()) all.emplace_back(e.name);
        for (const auto& e : large_operators()) all.emplace_back(e.name);
        for (const auto& e : operator_names()) all.emplace_back(e.name);
        for (const auto& e : space_commands()) all.emplace_back(e.name);
        for (const auto& e : style_commands()) all.emplace_back(e.name);
        for (const auto& e : alphabet_commands()) all.emplace_back(e.name);
        for (const auto& e : accent_commands()) all.emplace_back(e.name);
        for (const auto& e : class_commands()) all.emplace_back(e.name);
        for (const auto& e : enclosure_commands()) all.emplace_back(e.name);
        for (const auto& name : construction_commands()) all.emplace_back(name);
        return all;
    }();
    return names;
}

}  // namespace attnreel::math
