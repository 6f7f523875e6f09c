#include "text/glyph_outline.hpp"

namespace attnreel::text {

namespace {

struct Decomposer {
    Path path;
    double scale;

    Vec2 point(const FT_Vector* v) const {
        return {static_cast<double>(v->x) * scale, static_cast<double>(v->y) * scale};
    }
};

Decomposer& decomposer(void* user) { return *static_cast<Decomposer*>(user); }

int move_to(const FT_Vector* to, void* user) {
    auto& d = decomposer(user);
    d.path.close();  // FreeType starts each contour with a move and never closes them itself
    d.path.move_to(d.point(to));
    return 0;
}

int line_to(const FT_Vector* to, void* user) {
    auto& d = decomposer(user);
    d.path.line_to(d.point(to));
    return 0;
}

int conic_to(const FT_Vector* control, const FT_Vector* to, void* user) {
    auto& d = decomposer(user);
    d.path.quad_to(d.point(control), d.point(to));
    return 0;
}

int cubic_to(const FT_Vector* control1, const FT_Vector* control2, const FT_Vector* to, void* user) {
    auto& d = decomposer(user);
    d.path.cubic_to(d.point(control1), d.point(control2), d.point(to));
    return 0;
}

}  // namespace

Path outline_to_path(const FT_Outline& outline, double scale) {
    static const FT_Outline_Funcs funcs = {move_to, line_to, conic_to, cubic_to, 0, 0};
    Decomposer d{Path{}, scale};
    FT_Outline_Decompose(const_cast<FT_Outline*>(&outline), &funcs, &d);
    d.path.close();
    return d.path;
}

}  // namespace attnreel::text
