#include "math/math_box.hpp"

#include <algorithm>

namespace attnreel::math {

void Box::draw(const Box& other, const Vec2& origin) {
    for (const Piece& piece : other.pieces) {
        Piece moved = piece;
        moved.place = Similarity::translation(origin).after(piece.place);
        pieces.push_back(std::move(moved));
    }
}

void Box::raise(double dy) {
    for (Piece& piece : pieces) piece.place = Similarity::translation(Vec2(0, dy)).after(piece.place);
    height += dy;
    depth -= dy;
}

Box space_box(double width) {
    Box box;
    box.width = width;
    return box;
}

Box rule_box(double width, double bottom, double top, const SourceRange& source, const std::string& key) {
    Box box;
    box.width = width;
    box.height = top;
    box.depth = -bottom;
    // Counter-clockwise like the outer contours of glyphs: where a rule overlaps a glyph
    // (a radical's overbar on its sign) nonzero filling keeps the overlap filled.
    const std::vector<Vec2> corners{{0, bottom}, {width, bottom}, {width, top}, {0, top}};
    box.pieces.push_back({polyline_path(corners, true), Similarity{}, source, key});
    return box;
}

void HList::append(const Box& box, double raise) {
    box_.draw(box, Vec2(pen_, raise));
    box_.height = std::max(box_.height, box.height + raise);
    box_.depth = std::max(box_.depth, box.depth - raise);
    pen_ += box.width;
}

Box HList::finish() && {
    box_.width = pen_;
    return std::move(box_);
}

Box merged(const Box& box, const SourceRange& source, const std::string& key) {
    Path outline;
    for (const Piece& piece : box.pieces) outline.append(piece.outline.transformed(piece.place));
    Box result = box;
    result.pieces.clear();
    if (!outline.empty()) result.pieces.push_back({std::move(outline), Similarity{}, source, key});
    return result;
}

}  // namespace attnreel::math
