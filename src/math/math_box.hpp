#pragma once
// TeX's boxes for formula layout: a width, a height above and a depth below the baseline,
// and the outlines drawn in it. Lengths are in ems of the formula's base size, y up, the
// origin on the baseline at the left edge; layout_math scales to scene units at the end.
#include "core/path.hpp"
#include "math/math_ast.hpp"

#include <string>
#include <vector>

namespace attnreel::math {

// One outline drawn in a box: `outline` in its own units (a glyph's em), `place` maps it
// into the box. Kept apart so that moving a box only composes similarities.
struct Piece {
    Path outline;
    Similarity place;
    SourceRange source;
    std::string key;
};

struct Box {
    double width = 0;
    double height = 0;  // above the baseline; may be negative for a glyph drawn below it
    double depth = 0;   // below the baseline, positive downwards
    std::vector<Piece> pieces;

    // Draws `other`'s pieces with its origin at `origin`; this box's extents are the caller's.
    void draw(const Box& other, const Vec2& origin);
    // The same box with every piece moved up by `dy` and height/depth following.
    void raise(double dy);
};

// An empty box `width` wide: kerns, explicit spaces, the null delimiter.
Box space_box(double width);
// A filled rectangle from x = 0 to `width` and y = `bottom` to `top`, counter-clockwise.
Box rule_box(double width, double bottom, double top, const SourceRange& source, const std::string& key);

// A horizontal list packed left to right, as TeX's \hbox: the pen gives the width, and
// height and depth are the largest of the parts (never below zero).
class HList {
public:
    void append(const Box& box, double raise = 0);
    void kern(double width) { pen_ += width; }
    double pen() const { return pen_; }
    Box finish() &&;

private:
    Box box_;
    double pen_ = 0;
};

// All pieces of `box` merged into one, for what the formula shows as one item (a
// delimiter built from several glyphs, a radical sign with its overbar).
Box merged(const Box& box, const SourceRange& source, const std::string& key);

}  // namespace attnreel::math
