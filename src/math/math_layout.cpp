#include "math/math_layout.hpp"

#include "core/error.hpp"
#include "math/typesetter.hpp"

#include <cmath>
#include <cstdio>
#include <string>

namespace attnreel::math {

namespace {

std::string format_number(double value) {
    char text[32];
    std::snprintf(text, sizeof text, "%g", value);
    return text;
}

}  // namespace

MathLayout layout_math(text::FontLibrary& fonts, text::FaceId face, const MathList& list, MathStyle style,
                       double em_size) {
    if (!(em_size > 0) || !std::isfinite(em_size))
        throw InputError("formula size must be a positive number, got " + format_number(em_size));
    MathFont font(fonts, face);
    Typesetter typesetter(font);
    const Box box = typesetter.list(list, Style{style, false});

    MathLayout layout;
    layout.width = box.width * em_size;
    BBox ink;
    const Similarity to_scene{em_size, Vec2(0, 0)};
    for (const Piece& piece : box.pieces) {
        Path outline = piece.outline.transformed(to_scene.after(piece.place));
        if (outline.empty()) continue;
        ink.add(outline.bounds());
        layout.items.push_back({std::move(outline), piece.source, piece.key});
    }
    if (!ink.empty()) {
        layout.height = std::max(0.0, ink.max.y());
        layout.depth = std::max(0.0, -ink.min.y());
    }
    return layout;
}

}  // namespace attnreel::math
