#pragma once
// The preview's rendered frames, encoded, kept by (scene, time, size) so that scrubbing
// back over a stretch already seen costs nothing. The least recently used go first once
// the cache holds more than its budget of bytes.
#include <cstdint>
#include <list>
#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>

namespace attnreel::preview {

struct FrameKey {
    std::uint64_t scene = 0;   // which compiled scene (a new one makes every old entry stale)
    std::int64_t microseconds = 0;
    int width = 0, height = 0;
    bool operator==(const FrameKey&) const = default;
};

class FrameCache {
public:
    explicit FrameCache(std::size_t budget_bytes) : budget_(budget_bytes) {}

    std::shared_ptr<const std::string> find(const FrameKey& key);
    void insert(const FrameKey& key, std::shared_ptr<const std::string> bytes);
    void clear();
    std::size_t bytes() const;

private:
    struct Hash {
        std::size_t operator()(const FrameKey& k) const;
    };
    using Entry = std::pair<FrameKey, std::shared_ptr<const std::string>>;

    mutable std::mutex mutex_;
    std::size_t budget_;
    std::size_t bytes_ = 0;
    std::list<Entry> order_;  // most recently used first
    std::unordered_map<FrameKey, std::list<Entry>::iterator, Hash> index_;
};

}  // namespace attnreel::preview
