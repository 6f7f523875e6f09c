#pragma once
// A DrawList is one frame as flat paint operations in z order: what frame_at(t) produces
// and every renderer (raster, SVG, PDF) consumes. No Cairo here.
#include "core/color.hpp"
#include "core/path.hpp"
#include "scene/object.hpp"

#include <optional>
#include <vector>

namespace attnreel {

struct DrawItem {
    Path path;                    // scene units
    std::optional<Color> fill;    // alpha already includes every opacity
    std::optional<Color> stroke;
    double stroke_width = 0;      // scene units
    std::optional<Gradient> gradient;  // fills instead of `fill` when set (scene units, alphas final)
    AltText alt_text;             // set on the outlines of a text object (its words)
    bool operator==(const DrawItem&) const = default;
};

struct DrawList {
    Color background;
    std::vector<DrawItem> items;  // painted first to last
    bool operator==(const DrawList&) const = default;
};

}  // namespace attnreel
