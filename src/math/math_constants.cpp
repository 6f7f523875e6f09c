#include "math/math_constants.hpp"

#include <hb-ot.h>

namespace attnreel::math {

MathConstants read_math_constants(hb_font_t* font, double units_per_em) {
    const auto em = [&](hb_ot_math_constant_t c) { return hb_ot_math_get_constant(font, c) / units_per_em; };
    const auto percent = [&](hb_ot_math_constant_t c) { return hb_ot_math_get_constant(font, c) / 100.0; };

    MathConstants k;
    // A font that leaves the scale-downs at 0 would make scripts vanish: keep TeX's usual sizes.
    if (const double s = percent(HB_OT_MATH_CONSTANT_SCRIPT_PERCENT_SCALE_DOWN); s > 0) k.script_scale = s;
    if (const double s = percent(HB_OT_MATH_CONSTANT_SCRIPT_SCRIPT_PERCENT_SCALE_DOWN); s > 0)
        k.script_script_scale = s;
    k.display_operator_min_height = em(HB_OT_MATH_CONSTANT_DISPLAY_OPERATOR_MIN_HEIGHT);
    k.axis_height = em(HB_OT_MATH_CONSTANT_AXIS_HEIGHT);

    k.subscript_shift_down = em(HB_OT_MATH_CONSTANT_SUBSCRIPT_SHIFT_DOWN);
    k.subscript_top_max = em(HB_OT_MATH_CONSTANT_SUBSCRIPT_TOP_MAX);
    k.subscript_baseline_drop_min = em(HB_OT_MATH_CONSTANT_SUBSCRIPT_BASELINE_DROP_MIN);
    k.superscript_shift_up = em(HB_OT_MATH_CONSTANT_SUPERSCRIPT_SHIFT_UP);
    k.superscript_shift_up_cramped = em(HB_OT_MATH_CONSTANT_SUPERSCRIPT_SHIFT_UP_CRAMPED);
    k.superscript_bottom_min = em(HB_OT_MATH_CONSTANT_SUPERSCRIPT_BOTTOM_MIN);
    k.superscript_baseline_drop_max = em(HB_OT_MATH_CONSTANT_SUPERSCRIPT_BASELINE_DROP_MAX);
    k.sub_superscript_gap_min = em(HB_OT_MATH_CONSTANT_SUB_SUPERSCRIPT_GAP_MIN);
    k.superscript_bottom_max_with_subscript = em(HB_OT_MATH_CONSTANT_SUPERSCRIPT_BOTTOM_MAX_WITH_SUBSCRIPT);
    k.space_after_script = em(HB_OT_MATH_CONSTANT_SPACE_AFTER_SCRIPT);

    k.upper_limit_gap_min = em(HB_OT_MATH_CONSTANT_UPPER_LIMIT_GAP_MIN);
    k.upper_limit_baseline_rise_min = em(HB_OT_MATH_CONSTANT_UPPER_LIMIT_BASELINE_RISE_MIN);
    k.lower_limit_gap_min = em(HB_OT_MATH_CONSTANT_LOWER_LIMIT_GAP_MIN);
    k.lower_limit_baseline_drop_min = em(HB_OT_MATH_CONSTANT_LOWER_LIMIT_BASELINE_DROP_MIN);

    k.fraction_numerator_shift_up = em(HB_OT_MATH_CONSTANT_FRACTION_NUMERATOR_SHIFT_UP);
    k.fraction_numerator_display_style_shift_up = em(HB_OT_MATH_CONSTANT_FRACTION_NUMERATOR_DISPLAY_STYLE_SHIFT_UP);
    k.fraction_denominator_shift_down = em(HB_OT_MATH_CONSTANT_FRACTION_DENOMINATOR_SHIFT_DOWN);
    k.fraction_denominator_display_style_shift_down =
        em(HB_OT_MATH_CONSTANT_FRACTION_DENOMINATOR_DISPLAY_STYLE_SHIFT_DOWN);
    k.fraction_numerator_gap_min = em(HB_OT_MATH_CONSTANT_FRACTION_NUMERATOR_GAP_MIN);
    k.fraction_num_display_style_gap_min = em(HB_OT_MATH_CONSTANT_FRACTION_NUM_DISPLAY_STYLE_GAP_MIN);
    k.fraction_rule_thickness = em(HB_OT_MATH_CONSTANT_FRACTION_RULE_THICKNESS);
    k.fraction_denominator_gap_min = em(HB_OT_MATH_CONSTANT_FRACTION_DENOMINATOR_GAP_MIN);
    k.fraction_denom_display_style_gap_min = em(HB_OT_MATH_CONSTANT_FRACTION_DENOM_DISPLAY_STYLE_GAP_MIN);

    k.stack_top_shift_up = em(HB_OT_MATH_CONSTANT_STACK_TOP_SHIFT_UP);
    k.stack_top_display_style_shift_up = em(HB_OT_MATH_CONSTANT_STACK_TOP_DISPLAY_STYLE_SHIFT_UP);
    k.stack_bottom_shift_down = em(HB_OT_MATH_CONSTANT_STACK_BOTTOM_SHIFT_DOWN);
    k.stack_bottom_display_style_shift_down = em(HB_OT_MATH_CONSTANT_STACK_BOTTOM_DISPLAY_STYLE_SHIFT_DOWN);
    k.stack_gap_min = em(HB_OT_MATH_CONSTANT_STACK_GAP_MIN);
    k.stack_display_style_gap_min = em(HB_OT_MATH_CONSTANT_STACK_DISPLAY_STYLE_GAP_MIN);
    k.stretch_stack_gap_above_min = em(HB_OT_MATH_CONSTANT_STRETCH_STACK_GAP_ABOVE_MIN);
    k.stretch_stack_gap_below_min = em(HB_OT_MATH_CONSTANT_STRETCH_STACK_GAP_BELOW_MIN);

    k.radical_vertical_gap = em(HB_OT_MATH_CONSTANT_RADICAL_VERTICAL_GAP);
    k.radical_display_style_vertical_gap = em(HB_OT_MATH_CONSTANT_RADICAL_DISPLAY_STYLE_VERTICAL_GAP);
    k.radical_rule_thickness = em(HB_OT_MATH_CONSTANT_RADICAL_RULE_THICKNESS);
    k.radical_extra_ascender = em(HB_OT_MATH_CONSTANT_RADICAL_EXTRA_ASCENDER);
    k.radical_kern_before_degree = em(HB_OT_MATH_CONSTANT_RADICAL_KERN_BEFORE_DEGREE);
    k.radical_kern_after_degree = em(HB_OT_MATH_CONSTANT_RADICAL_KERN_AFTER_DEGREE);
    k.radical_degree_bottom_raise = percent(HB_OT_MATH_CONSTANT_RADICAL_DEGREE_BOTTOM_RAISE_PERCENT);

    k.accent_base_height = em(HB_OT_MATH_CONSTANT_ACCENT_BASE_HEIGHT);
    k.overbar_vertical_gap = em(HB_OT_MATH_CONSTANT_OVERBAR_VERTICAL_GAP);
    k.overbar_rule_thickness = em(HB_OT_MATH_CONSTANT_OVERBAR_RULE_THICKNESS);
    k.overbar_extra_ascender = em(HB_OT_MATH_CONSTANT_OVERBAR_EXTRA_ASCENDER);
    k.underbar_vertical_gap = em(HB_OT_MATH_CONSTANT_UNDERBAR_VERTICAL_GAP);
    k.underbar_rule_thickness = em(HB_OT_MATH_CONSTANT_UNDERBAR_RULE_THICKNESS);
    k.underbar_extra_descender = em(HB_OT_MATH_CONSTANT_UNDERBAR_EXTRA_DESCENDER);
    return k;
}

}  // namespace attnreel::math
