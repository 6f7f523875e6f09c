// Frames and strikes: the parts of Typesetter that enclose a sub-formula (amsmath's
// \boxed, the cancel package's \cancel, \bcancel and \xcancel; MathML's menclose).
#include "math/typesetter.hpp"

#include <algorithm>

namespace attnreel::math {

namespace {

// A bar `thickness` wide from `from` to `to`, as a closed counter-clockwise outline.
Path bar(const Vec2& from, const Vec2& to, double thickness) {
    const Vec2 along = (to - from) / (to - from).norm();
    const Vec2 across = Vec2(-along.y(), along.x()) * (thickness / 2);
    return polyline_path({from - across, to - across, to + across, from + across}, true);
}

// The rectangle from `min` to `max`, counter-clockwise, or clockwise to cut a hole.
Path rectangle(const Vec2& min, const Vec2& max, bool clockwise) {
    std::vector<Vec2> corners{min, {max.x(), min.y()}, max, {min.x(), max.y()}};
    if (clockwise) std::reverse(corners.begin(), corners.end());
    return polyline_path(corners, true);
}

}  // namespace

// \boxed: the body in display style (amsmath's \fbox{$\displaystyle…$}) inside a frame
// \fboxrule thick, \fboxsep from the body's box on every side; the frame is one piece.
// \cancel strikes the body's box from its lower left to its upper right corner, \bcancel
// from its upper left to its lower right, \xcancel both ways, with bars as thick as a
// fraction rule; a strike leaves the box as it was. Frames and strikes are drawn after
// the body, as a hand would.
Box Typesetter::enclosed(const Node& node, const Enclosed& enclosed, Style style) {
    if (enclosed.notation == Enclosure::Box) {
        const Box body = list(enclosed.body, Style{MathStyle::Display, false});
        const double pad = box_separation + box_rule;
        Box box;
        box.width = body.width + 2 * pad;
        box.height = body.height + pad;
        box.depth = body.depth + pad;
        box.draw(body, Vec2(pad, 0));
        Path frame = rectangle(Vec2(0, -box.depth), Vec2(box.width, box.height), false);
        frame.append(rectangle(Vec2(box_rule, box_rule - box.depth), Vec2(box.width - box_rule, box.height - box_rule),
                               true));
        box.pieces.push_back({std::move(frame), Similarity{}, shown_range(node), node.key});
        return box;
    }

    Box box = list(enclosed.body, style);
    const double thickness = k_.fraction_rule_thickness * scale(style);
    const Vec2 lower_left(0, -box.depth), upper_right(box.width, box.height);
    const Vec2 upper_left(0, box.height), lower_right(box.width, -box.depth);
    if (box.width <= 0 || box.height + box.depth <= 0) return box;  // nothing to strike
    Path strike;
    if (enclosed.notation != Enclosure::DownStrike) strike.append(bar(lower_left, upper_right, thickness));
    if (enclosed.notation != Enclosure::UpStrike) strike.append(bar(upper_left, lower_right, thickness));
    box.pieces.push_back({std::move(strike), Similarity{}, shown_range(node), node.key});
    return box;
}

}  // namespace attnreel::math
