#pragma once
// TeX's spacing between adjacent atoms (The TeXbook, chapter 18 and appendix G rules 5,
// 6 and 20): thin, medium or thick space depending on the two classes, some of them only
// outside script styles, after binary operators that cannot be binary became ordinary.
#include "math/math_ast.hpp"

#include <vector>

namespace attnreel::math {

// TeX's \thinmuskip, \medmuskip and \thickmuskip; 18 mu make an em of the current size.
inline constexpr double thin_mu = 3, medium_mu = 4, thick_mu = 5;

// The space in mu between an atom of class `left` and one of class `right`; in script
// styles only the unconditional thin spaces (around Op) remain.
double inter_atom_space_mu(AtomClass left, AtomClass right, bool script_style);

// TeX rules 5 and 6 over the classes of the atoms of one list, in order: a Bin at the
// start or after Bin, Op, Rel, Open or Punct becomes Ord, and so does a Bin followed by
// Rel, Close or Punct or ending the list.
std::vector<AtomClass> resolve_binary_classes(std::vector<AtomClass> classes);

}  // namespace attnreel::math
