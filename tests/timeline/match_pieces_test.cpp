// Which formula piece becomes which in a transform: the longest common subsequence of the
// keys first, then what is left by key in reading order.
#include "timeline/match_pieces.hpp"

#include <catch2/catch.hpp>

#include <chrono>

using namespace attnreel;

namespace {

using Keys = std::vector<std::string>;
using Partners = std::vector<std::optional<std::size_t>>;

}  // namespace

TEST_CASE("a+b → b+a: each letter goes to its own place, the plus to the plus", "[morph][formula]") {
    CHECK(match_pieces({"a", "+", "b"}, {"b", "+", "a"}) == Partners{2, 1, 0});
}

TEST_CASE("a common run keeps together: x=a+b → y=x=a+b moves x=a+b whole, y= fades in", "[morph][formula]") {
    // Pairing by key in order alone would send the first = of the left to the first = of the right.
    CHECK(match_pieces({"x", "=", "a", "+", "b"}, {"y", "=", "x", "=", "a", "+", "b"}) == Partners{2, 3, 4, 5, 6});
}

TEST_CASE("repeated keys follow the common subsequence, not the first of their key", "[morph][formula]") {
    // a+b+c → c+a+b: "a+b" is common; the + before c pairs with the + left over.
    CHECK(match_pieces({"a", "+", "b", "+", "c"}, {"c", "+", "a", "+", "b"}) == Partners{2, 3, 4, 1, 0});
}

TEST_CASE("pieces without a partner of their key are left out on both sides", "[morph][formula]") {
    const Partners partners = match_pieces({"Q", "K", "\\top"}, {"\\frac", "Q", "K", "\\top", "\\sqrt", "d", "k"});
    CHECK(partners == Partners{1, 2, 3});
    CHECK(match_pieces({"x", "y"}, {"z"}) == Partners{std::nullopt, std::nullopt});
    CHECK(match_pieces({}, {"z"}).empty());
    CHECK(match_pieces({"z", "z", "z"}, {"z"}) == Partners{0, std::nullopt, std::nullopt});
}

TEST_CASE("210 pieces each way pair in well under a second", "[morph][formula]") {
    Keys from, to;
    for (int i = 0; i < 210; ++i) {
        from.push_back(std::to_string(i % 7));
        to.push_back(std::to_string((i * 3) % 7));
    }
    const auto start = std::chrono::steady_clock::now();
    const Partners partners = match_pieces(from, to);
    CHECK(std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count() < 0.5);
    std::vector<int> used(to.size(), 0);
    for (std::size_t i = 0; i < partners.size(); ++i) {
        REQUIRE(partners[i]);  // the same multiset of keys: everything pairs
        CHECK(from[i] == to[*partners[i]]);
        ++used[*partners[i]];
    }
    for (int u : used) CHECK(u == 1);
}
