// The preview's frame cache keeps what was asked for recently, within its byte budget.
#include "preview/frame_cache.hpp"

#include <catch2/catch.hpp>

using namespace attnreel::preview;

namespace {

std::shared_ptr<const std::string> bytes(std::size_t n, char c) { return std::make_shared<const std::string>(n, c); }

}  // namespace

TEST_CASE("a frame put in the cache is found by its scene, time and size, and by nothing else", "[preview]") {
    FrameCache cache(1000);
    cache.insert({1, 1500000, 640, 360}, bytes(10, 'a'));
    REQUIRE(cache.find({1, 1500000, 640, 360}));
    CHECK(*cache.find({1, 1500000, 640, 360}) == std::string(10, 'a'));
    CHECK_FALSE(cache.find({2, 1500000, 640, 360}));  // another scene
    CHECK_FALSE(cache.find({1, 1600000, 640, 360}));  // another time
    CHECK_FALSE(cache.find({1, 1500000, 1280, 720}));  // another size
}

TEST_CASE("past its budget the cache drops the frames used least recently", "[preview]") {
    FrameCache cache(300);
    cache.insert({1, 0, 1, 1}, bytes(100, 'a'));
    cache.insert({1, 1, 1, 1}, bytes(100, 'b'));
    cache.insert({1, 2, 1, 1}, bytes(100, 'c'));
    CHECK(cache.find({1, 0, 1, 1}));  // frame 0 is now the most recently used
    cache.insert({1, 3, 1, 1}, bytes(100, 'd'));
    CHECK(cache.bytes() == 300);
    CHECK(cache.find({1, 0, 1, 1}));
    CHECK_FALSE(cache.find({1, 1, 1, 1}));
    CHECK(cache.find({1, 2, 1, 1}));
    CHECK(cache.find({1, 3, 1, 1}));
    cache.clear();
    CHECK(cache.bytes() == 0);
    CHECK_FALSE(cache.find({1, 3, 1, 1}));
}
