#include "scene/object_table.hpp"

#include <unordered_set>

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
    // Depth first without recursion (groups can nest as deep as the scene is long), and each
    // object once: groups may share members, and a leaf met twice would be moved twice (a
    // group sharing its members at every level would double its leaves per level).
    std::vector<std::size_t> out, stack{i};
    std::unordered_set<std::size_t> seen{i};
    while (!stack.empty()) {
        const std::size_t o = stack.back();
        stack.pop_back();
        if (!objects_[o].is_group()) {
            out.push_back(o);
            continue;
        }
        const auto& children = objects_[o].children;
        for (auto child = children.rbegin(); child != children.rend(); ++child)
            if (seen.insert(*child).second) stack.push_back(*child);
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

void transform_leaf(Object& o, const Similarity& s) {
    for (auto& part : o.parts) part = part.transformed(s);
    if (o.style.gradient) o.style.gradient = std::make_shared<const Gradient>(o.style.gradient->transformed(s));
    o.tip_length *= s.scale;
    o.tip_width *= s.scale;
    if (o.number) {
        o.number->at = s.after(o.number->at);
        o.number->create_from_at = s.after(o.number->create_from_at);
    }
    if (o.grow_from) {
        const Vec2 base = s.apply(o.grow_from->base);
        o.grow_from->direction = (s.apply(o.grow_from->base + o.grow_from->direction) - base).normalized();
        o.grow_from->base = base;
    }
}

void ObjectTable::transform(std::size_t i, const Similarity& s) {
    if (followers_.empty()) {
        for (std::size_t leaf : leaves(i)) transform_leaf(objects_[leaf], s);
        return;
    }
    std::vector<std::size_t> pending{i}, moved;
    std::unordered_set<std::size_t> seen;
    while (!pending.empty()) {
        const std::size_t k = pending.back();
        pending.pop_back();
        if (!seen.insert(k).second) continue;
        if (objects_[k].is_group()) pending.insert(pending.end(), objects_[k].children.begin(), objects_[k].children.end());
        else moved.push_back(k);
        if (const auto f = followers_.find(k); f != followers_.end())
            pending.insert(pending.end(), f->second.begin(), f->second.end());
    }
    for (std::size_t leaf : moved) transform_leaf(objects_[leaf], s);
}

}  // namespace attnreel
