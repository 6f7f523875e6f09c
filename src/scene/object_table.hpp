#pragma once
// All objects of a scene, groups and leaves, indexed by id. Moving or measuring a group
// acts on the leaves below it.
#include "scene/object.hpp"

#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

namespace attnreel {

class ObjectTable {
public:
    // Adds an object; the id must be new (checked by the caller, which knows the mark).
    std::size_t add(Object object);
    std::optional<std::size_t> find(const std::string& id) const;
    bool contains(const std::string& id) const { return index_.count(id) > 0; }

    Object& operator[](std::size_t i) { return objects_[i]; }
    const Object& operator[](std::size_t i) const { return objects_[i]; }
    std::size_t size() const { return objects_.size(); }
    const std::vector<Object>& all() const { return objects_; }
    std::vector<std::string> ids() const;  // in creation order, for suggestions

    // Indices of the leaves under `i` (itself when it is a leaf), in drawing order, each once.
    std::vector<std::size_t> leaves(std::size_t i) const;
    BBox bounds(std::size_t i) const;
    // Moves the leaves under i, and the followers of i and of everything under it, each once.
    void transform(std::size_t i, const Similarity& s);
    // `follower` moves whenever `leader` does, without being a member of it: the parts of a
    // widget that show later (a head grid's other views, a matrix's highlights), which layout
    // must take along but `create` of the widget must not show.
    void follow(std::size_t leader, std::size_t follower) { followers_[leader].push_back(follower); }

private:
    std::vector<Object> objects_;
    std::unordered_map<std::string, std::size_t> index_;
    std::unordered_map<std::size_t, std::vector<std::size_t>> followers_;
};

// Bounds of one leaf's geometry (arrows include their tip's end point).
BBox leaf_bounds(const Object& leaf);
// Moves one leaf's geometry, and what is placed with it (a number's anchor, a bar's base).
void transform_leaf(Object& leaf, const Similarity& s);

}  // namespace attnreel
