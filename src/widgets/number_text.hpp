#pragma once
// Numbers as widgets print them: fixed decimals, a real minus sign, never "−0.00"; a
// percentage of 1 as "45%"; a masked entry as "−∞". Number leaves are set character by
// character from one NumberGlyphs, so that a value counting towards another (a bar
// growing, a matrix cell tweening from a score to a weight) is set exactly as the final
// number is.
#include "scene/object.hpp"
#include "scene/text_object.hpp"

#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

namespace attnreel {

// `value` with `decimals` digits after the point; negative values take U+2212 (−), and a
// value that rounds to zero is printed without a sign.
std::string format_number(double value, int decimals);
// As above, or value × 100 with a "%" for a percentage; −inf is "−∞".
std::string format_number(double value, const NumberFormat& format);

struct NumberGlyphs {
    struct Glyph {
        Path outline;  // baseline at y = 0, pen at x = 0
        double advance = 0;
    };
    std::unordered_map<std::string, Glyph> glyphs;  // by UTF-8 character
    double digit_height = 0;                         // ink height of "0": numbers centre on it
};

// The characters numbers use, in `font` at `font_size` (em pixels at 1080p). Throws
// InputError at `mark` for an unknown font.
std::shared_ptr<const NumberGlyphs> number_glyphs(SceneFonts& fonts, const std::string& font, double font_size,
                                                  const SourceMark& mark);

// The outlines of `value` as `label` sets it (its format, alignment and placement).
std::vector<Path> number_parts(const NumberLabel& label, double value, const NumberFormat& format);
// The width `text` takes in `glyphs`, before any scaling.
double number_width(const NumberGlyphs& glyphs, const std::string& text);

// A text leaf showing `value`, anchored at `anchor` (centred vertically on the digits,
// aligned horizontally by `align`: 0 starts there, 0.5 centres, 1 ends there).
Object make_number_object(const std::string& id, const SourceMark& mark, std::shared_ptr<const NumberGlyphs> glyphs,
                          double value, const NumberFormat& format, const Vec2& anchor, double align = 0.5);

}  // namespace attnreel
