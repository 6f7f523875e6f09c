#pragma once
// Small pieces every widget builds with: indexed ids ("g.lines[2]") and empty groups.
#include "scene/object.hpp"

#include <string>

namespace attnreel {

inline std::string index_id(const std::string& base, std::size_t i) { return base + "[" + std::to_string(i) + "]"; }

// An empty group `id`, to which the widget adds children.
inline Object group_object(const std::string& id, const SourceMark& mark) {
    Object g;
    g.id = id;
    g.mark = mark;
    g.shape = ObjectShape::Group;
    return g;
}

}  // namespace attnreel
