#include "scene/object_table.hpp"

namespace attnreel {

std::size_t ObjectTable::add(Object object) {
    const std::size_t i = objects_.size();
    index_.emplace(object.id, i);
    objects_.push_back(std::move(object));
    return i;
}

std::optional<std::size_t> ObjectTable::find(const std::string& id) const {
    const auto it = index_.find(id);
    if (it == index_.end()) return std::nullopt;
    return it->second;
}

std::vector<std::string> ObjectTable::ids() const {
    std::vector<std::string> out;
    out.reserve(objects_.size());
    for (const auto& o : objects_) out.push_back(o.id);
    return out;
}

std::vector<std::size_t> ObjectTable::leaves(std::size_t i) const {
    if (!objects_[i].is_group()) return {i};
    std::vector<std::size_t> out;
    for (std::size_t child : objects_[i].children) {
        const auto sub = leaves(child);
        out.insert(out.end(), sub.begin(), sub.end());
    }
    return out;
}

BBox leaf_bounds(const Object& leaf) {
    BBox box;
    for (const auto& part : leaf.parts) box.add(part.bounds());
    return box;
}

BBox ObjectTable::bounds(std::size_t i) const {
    BBox box;
    for (std::size_t leaf : leaves(i)) box.add(leaf_bounds(objects_[leaf]));
    return box;
}

void ObjectTable::transform(std::size_t i, const Similarity& s) {
    for (std::size_t leaf : leaves(i)) {
        Object& o = objects_[leaf];
        for (auto& part : o.parts) part = part.transformed(s);
        if (o.style.gradient) o.style.gradient = std::make_shared<const Gradient>(o.style.gradient->transformed(s));
        o.tip_length *= s.scale;
        o.tip_width *= s.scale;
    }
}

}  // namespace attnreel
