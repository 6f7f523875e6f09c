#include "preview/frame_cache.hpp"

#include <functional>

namespace attnreel::preview {

std::size_t FrameCache::Hash::operator()(const FrameKey& k) const {
    std::size_t h = std::hash<std::uint64_t>()(k.scene);
    for (const std::int64_t part : {k.microseconds, std::int64_t{k.width}, std::int64_t{k.height}})
        h = h * 1000003u ^ std::hash<std::int64_t>()(part);
    return h;
}

std::shared_ptr<const std::string> FrameCache::find(const FrameKey& key) {
    const std::lock_guard lock(mutex_);
    const auto it = index_.find(key);
    if (it == index_.end()) return nullptr;
    order_.splice(order_.begin(), order_, it->second);
    return it->second->second;
}

void FrameCache::insert(const FrameKey& key, std::shared_ptr<const std::string> bytes) {
    const std::lock_guard lock(mutex_);
    if (const auto it = index_.find(key); it != index_.end()) {
        bytes_ -= it->second->second->size();
        order_.erase(it->second);
        index_.erase(it);
    }
    bytes_ += bytes->size();
    order_.emplace_front(key, std::move(bytes));
    index_[key] = order_.begin();
    while (bytes_ > budget_ && order_.size() > 1) {
        bytes_ -= order_.back().second->size();
        index_.erase(order_.back().first);
        order_.pop_back();
    }
}

void FrameCache::clear() {
    const std::lock_guard lock(mutex_);
    order_.clear();
    index_.clear();
    bytes_ = 0;
}

std::size_t FrameCache::bytes() const {
    const std::lock_guard lock(mutex_);
    return bytes_;
}

}  // namespace attnreel::preview
