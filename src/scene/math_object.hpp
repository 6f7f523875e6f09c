#pragma once
// Formula objects: a laid-out formula becomes a group with one leaf per visible piece
// (glyph, rule, radical sign, delimiter), so parts can be coloured, written and matched
// by morphs one by one. Named parts are further groups over the same leaves.
#include "scene/object_table.hpp"
#include "scene/scene_spec.hpp"
#include "scene/text_object.hpp"

namespace attnreel {

// Adds the formula `<id>` centred on the origin, its pieces `<id>[k]`, and a group
// `<id>.<name>` per part (and per TeX substring named in `colors`), coloured as `colors`
// says; those colours are returned as the pieces' own. Throws InputError at the part's mark when its TeX text does not occur in the
// formula as whole pieces, and at `mark` when the font has no MATH table.
BuiltObject build_math_object(ObjectTable& table, SceneFonts& fonts, const std::string& id, const MathSpec& spec,
                              const SourceMark& mark);

}  // namespace attnreel
