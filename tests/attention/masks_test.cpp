#include "attention/masks.hpp"

#include "core/error.hpp"

#include <catch2/catch.hpp>

#include <cstdlib>

using namespace attnreel::attention;
using attnreel::InputError;

TEST_CASE("no mask lets every query see every key", "[masks]") {
    CHECK(make_mask({MaskKind::none, 1, {}, {}}, 4, 5).all());
}

TEST_CASE("the causal mask hides exactly the future", "[masks]") {
    const Mask mask = make_mask({MaskKind::causal, 1, {}, {}}, 6, 6);
    for (Eigen::Index i = 0; i < 6; ++i)
        for (Eigen::Index j = 0; j < 6; ++j) CHECK(mask(i, j) == (j <= i));
}

TEST_CASE("the local mask keeps keys within the window on both sides", "[masks]") {
    for (int window : {1, 2, 5}) {
        const Mask mask = make_mask({MaskKind::local, window, {}, {}}, 8, 8);
        for (Eigen::Index i = 0; i < 8; ++i)
            for (Eigen::Index j = 0; j < 8; ++j) CHECK(mask(i, j) == (std::abs(i - j) <= window));
    }
}

TEST_CASE("the causal local mask is a sliding window over the past", "[masks]") {
    const Mask mask = make_mask({MaskKind::causal_local, 2, {}, {}}, 7, 7);
    for (Eigen::Index i = 0; i < 7; ++i)
        for (Eigen::Index j = 0; j < 7; ++j) CHECK(mask(i, j) == (j <= i && i - j <= 2));
}

TEST_CASE("global tokens see and are seen by every position", "[masks]") {
    const Mask mask = make_mask({MaskKind::global_local, 1, {0, 5}, {}}, 8, 8);
    for (Eigen::Index i = 0; i < 8; ++i) {
        for (Eigen::Index j = 0; j < 8; ++j) {
            const bool global = i == 0 || i == 5 || j == 0 || j == 5;
            CHECK(mask(i, j) == (global || std::abs(i - j) <= 1));
        }
    }
}

TEST_CASE("padding hides key columns on top of any kind", "[masks]") {
    const Mask padded = make_mask({MaskKind::padding, 1, {}, {3, 4}}, 5, 5);
    const Mask causal_padded = make_mask({MaskKind::causal, 1, {}, {4}}, 5, 5);
    for (Eigen::Index i = 0; i < 5; ++i) {
        for (Eigen::Index j = 0; j < 5; ++j) {
            CHECK(padded(i, j) == (j < 3));
            CHECK(causal_padded(i, j) == (j <= i && j != 4));
        }
    }
}

TEST_CASE("cross-attention masks are queries × keys", "[masks]") {
    const Mask mask = make_mask({MaskKind::padding, 1, {}, {6}}, 3, 7);
    REQUIRE(mask.rows() == 3);
    REQUIRE(mask.cols() == 7);
    CHECK(mask.leftCols(6).all());
    CHECK(!mask.col(6).any());
}

TEST_CASE("a fully masked row is found", "[masks]") {
    CHECK(first_fully_masked_row(make_mask({MaskKind::causal, 1, {}, {}}, 4, 4)) == -1);
    CHECK(first_fully_masked_row(make_mask({MaskKind::causal, 1, {}, {0}}, 4, 4)) == 0);
    CHECK(first_fully_masked_row(make_mask({MaskKind::causal_local, 1, {}, {1, 2}}, 4, 4)) == 2);
}

TEST_CASE("mask specs outside the sizes are input errors", "[masks]") {
    CHECK_THROWS_AS(make_mask({MaskKind::local, 0, {}, {}}, 4, 4), InputError);
    CHECK_THROWS_AS(make_mask({MaskKind::global_local, 1, {4}, {}}, 4, 4), InputError);
    CHECK_THROWS_AS(make_mask({MaskKind::causal, 1, {1}, {}}, 4, 4), InputError);
    CHECK_THROWS_AS(make_mask({MaskKind::none, 1, {}, {-1}}, 4, 4), InputError);
    CHECK_THROWS_WITH(make_mask({MaskKind::none, 1, {}, {9}}, 4, 4), Catch::Contains("padding position 9"));
}

TEST_CASE("mask kinds parse by name and misspellings get a suggestion", "[masks]") {
    for (const std::string& name : mask_kind_names()) CHECK(to_string(parse_mask_kind(name)) == name);
    CHECK(parse_mask_kind("global_local") == MaskKind::global_local);
    CHECK_THROWS_WITH(parse_mask_kind("casual"), Catch::Contains("did you mean 'causal'"));
}
