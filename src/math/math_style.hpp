#pragma once
// TeX's eight styles: display, text, script, scriptscript, each normal or cramped
// (cramped styles raise superscripts less: under a fraction bar, inside a radical, in
// subscripts). The styles of the parts of a construction follow from the style around it.
#include "math/math_ast.hpp"

namespace attnreel::math {

struct Style {
    MathStyle level = MathStyle::Display;
    bool cramped = false;

    bool is_display() const { return level == MathStyle::Display; }
    // Script and scriptscript: the parenthesised spacings of TeX's table are left out.
    bool is_script() const { return level == MathStyle::Script || level == MathStyle::ScriptScript; }

    // D, T → S; S, SS → SS.
    Style superscript() const { return {smaller_script_level(), cramped}; }
    Style subscript() const { return {smaller_script_level(), true}; }
    // D → T, T → S, S and SS → SS.
    Style numerator() const { return {fraction_level(), cramped}; }
    Style denominator() const { return {fraction_level(), true}; }
    Style cramped_style() const { return {level, true}; }

    bool operator==(const Style&) const = default;

private:
    MathStyle smaller_script_level() const {
        return level == MathStyle::Display || level == MathStyle::Text ? MathStyle::Script : MathStyle::ScriptScript;
    }
    MathStyle fraction_level() const {
        switch (level) {
        case MathStyle::Display: return MathStyle::Text;
        case MathStyle::Text: return MathStyle::Script;
        default: return MathStyle::ScriptScript;
        }
    }
};

}  // namespace attnreel::math
