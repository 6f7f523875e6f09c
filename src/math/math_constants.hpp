#pragma once
// The OpenType MATH table's global constants that layout uses, read once through HarfBuzz
// and kept in em units of the base size (percentages as fractions). A style's value is
// the em value times the style's scale (script and scriptscript sizes are smaller).
#include <hb.h>

namespace attnreel::math {

struct MathConstants {
    double script_scale = 0.7;         // ScriptPercentScaleDown / 100
    double script_script_scale = 0.5;  // ScriptScriptPercentScaleDown / 100
    double display_operator_min_height = 0;
    double axis_height = 0;

    double subscript_shift_down = 0;
    double subscript_top_max = 0;
    double subscript_baseline_drop_min = 0;
    double superscript_shift_up = 0;
    double superscript_shift_up_cramped = 0;
    double superscript_bottom_min = 0;
    double superscript_baseline_drop_max = 0;
    double sub_superscript_gap_min = 0;
    double superscript_bottom_max_with_subscript = 0;
    double space_after_script = 0;

    double upper_limit_gap_min = 0;
    double upper_limit_baseline_rise_min = 0;
    double lower_limit_gap_min = 0;
    double lower_limit_baseline_drop_min = 0;

    double fraction_numerator_shift_up = 0;
    double fraction_numerator_display_style_shift_up = 0;
    double fraction_denominator_shift_down = 0;
    double fraction_denominator_display_style_shift_down = 0;
    double fraction_numerator_gap_min = 0;
    double fraction_num_display_style_gap_min = 0;
    double fraction_rule_thickness = 0;
    double fraction_denominator_gap_min = 0;
    double fraction_denom_display_style_gap_min = 0;

    double stack_top_shift_up = 0;  // fractions without a rule: \binom
    double stack_top_display_style_shift_up = 0;
    double stack_bottom_shift_down = 0;
    double stack_bottom_display_style_shift_down = 0;
    double stack_gap_min = 0;
    double stack_display_style_gap_min = 0;
    double stretch_stack_gap_above_min = 0;  // braces: between the brace and what is above it
    double stretch_stack_gap_below_min = 0;  // and below it

    double radical_vertical_gap = 0;
    double radical_display_style_vertical_gap = 0;
    double radical_rule_thickness = 0;
    double radical_extra_ascender = 0;
    double radical_kern_before_degree = 0;
    double radical_kern_after_degree = 0;
    double radical_degree_bottom_raise = 0;  // RadicalDegreeBottomRaisePercent / 100

    double accent_base_height = 0;  // bases up to this tall leave accents where the font drew them
    double overbar_vertical_gap = 0;
    double overbar_rule_thickness = 0;
    double overbar_extra_ascender = 0;
    double underbar_vertical_gap = 0;
    double underbar_rule_thickness = 0;
    double underbar_extra_descender = 0;
};

// `font` must be at a scale of `units_per_em` units per em (FontLibrary's HarfBuzz fonts
// are: one font unit per unit) and its face must have a MATH table.
MathConstants read_math_constants(hb_font_t* font, double units_per_em);

}  // namespace attnreel::math
