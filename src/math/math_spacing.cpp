#include "math/math_spacing.hpp"

#include <string_view>

namespace attnreel::math {

namespace {

// Rows: the left atom's class, columns: the right one's, both in the order of AtomClass
// (Ord Op Bin Rel Open Close Punct Inner). 0 none, 1 thin outside scripts, 2 thin always,
// 3 medium outside scripts, 4 thick outside scripts; '*' cannot happen once rules 5 and 6
// have run. This is TeX's own table.
constexpr std::string_view spacing_table[8] = {
    "02340001",  // Ord
    "22*40001",  // Op
    "33**3**3",  // Bin
    "44*04004",  // Rel
    "00*00000",  // Open
    "02340001",  // Close
    "11*11111",  // Punct
    "12341011",  // Inner
};

}  // namespace

double inter_atom_space_mu(AtomClass left, AtomClass right, bool script_style) {
    const char entry = spacing_table[static_cast<int>(left)][static_cast<int>(right)];
    switch (entry) {
    case '1': return script_style ? 0 : thin_mu;
    case '2': return thin_mu;
    case '3': return script_style ? 0 : medium_mu;
    case '4': return script_style ? 0 : thick_mu;
    default: return 0;
    }
}

std::vector<AtomClass> resolve_binary_classes(std::vector<AtomClass> classes) {
    for (std::size_t i = 0; i < classes.size(); ++i) {
        AtomClass& c = classes[i];
        if (c == AtomClass::Bin) {
            const bool starts = i == 0;
            const AtomClass before = starts ? AtomClass::Ord : classes[i - 1];
            if (starts || before == AtomClass::Bin || before == AtomClass::Op || before == AtomClass::Rel ||
                before == AtomClass::Open || before == AtomClass::Punct)
                c = AtomClass::Ord;
        }
        if ((c == AtomClass::Rel || c == AtomClass::Close || c == AtomClass::Punct) && i > 0 &&
            classes[i - 1] == AtomClass::Bin)
            classes[i - 1] = AtomClass::Ord;
    }
    // And one that ends the list (TeX does this after its first pass).
    if (!classes.empty() && classes.back() == AtomClass::Bin) classes.back() = AtomClass::Ord;
    return classes;
}

}  // namespace attnreel::math
