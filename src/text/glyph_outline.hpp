#pragma once
// FreeType glyph outlines turned into Paths: contours become closed subpaths, TrueType
// quadratic pieces become quad_to, CFF cubic pieces cubic_to. Orientation is kept as the
// font has it (outer and inner contours wind opposite ways), so fill with nonzero winding.
#include "core/path.hpp"

#include <ft2build.h>
#include FT_OUTLINE_H

namespace attnreel::text {

// Coordinates are multiplied by `scale` (e.g. 1 / units_per_em for em units); y stays up.
Path outline_to_path(const FT_Outline& outline, double scale);

}  // namespace attnreel::text
