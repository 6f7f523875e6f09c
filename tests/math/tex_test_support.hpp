#pragma once
// What the formula parser tests share: the error a source gives, the parts of a node, and
// a walk over every node of a list.
#include "math/math_symbols.hpp"
#include "math/tex_parser.hpp"

#include <catch2/catch.hpp>

#include <functional>
#include <string>
#include <string_view>

namespace attnreel::math::testing {

struct Failure {
    std::size_t offset = 0;
    std::string message;
};

// The error parse_tex reports for `source`; fails the test when it parses.
inline Failure failure(std::string_view source) {
    try {
        parse_tex(source);
    } catch (const TexError& e) {
        return {e.offset(), e.what()};
    }
    FAIL("parsed without an error: " << source);
    return {};
}

inline char32_t code_point(const Node& node) {
    REQUIRE(std::holds_alternative<Symbol>(node.nucleus));
    return std::get<Symbol>(node.nucleus).code_point;
}

inline std::string text_of(const Node& node) {
    REQUIRE(std::holds_alternative<TextRun>(node.nucleus));
    return std::get<TextRun>(node.nucleus).utf8;
}

template <typename T>
const T& as(const Node& node) {
    REQUIRE(std::holds_alternative<T>(node.nucleus));
    return std::get<T>(node.nucleus);
}

inline std::string_view covered(std::string_view source, SourceRange range) {
    return source.substr(range.begin, range.end - range.begin);
}

// A single-node formula.
inline Node only(std::string_view source) {
    MathList list = parse_tex(source);
    REQUIRE(list.size() == 1);
    return list[0];
}

// Calls `visit` on every node of `list`, scripts and inner lists included.
inline void for_each_node(const MathList& list, const std::function<void(const Node&)>& visit) {
    for (const Node& node : list) {
        visit(node);
        if (node.sup) for_each_node(*node.sup, visit);
        if (node.sub) for_each_node(*node.sub, visit);
        std::visit(
            [&](const auto& nucleus) {
                using T = std::decay_t<decltype(nucleus)>;
                if constexpr (std::is_same_v<T, Group>) for_each_node(nucleus.body, visit);
                if constexpr (std::is_same_v<T, Fraction>) {
                    for_each_node(nucleus.numerator, visit);
                    for_each_node(nucleus.denominator, visit);
                }
                if constexpr (std::is_same_v<T, Radical>) {
                    for_each_node(nucleus.body, visit);
                    if (nucleus.degree) for_each_node(*nucleus.degree, visit);
                }
                if constexpr (std::is_same_v<T, LeftRight>) {
                    for_each_node(nucleus.body, visit);
                    for (const auto& middle : nucleus.middles) for_each_node(middle.after, visit);
                }
                if constexpr (std::is_same_v<T, Accent>) for_each_node(nucleus.base, visit);
                if constexpr (std::is_same_v<T, OverUnderLine> || std::is_same_v<T, Brace> ||
                              std::is_same_v<T, Enclosed>)
                    for_each_node(nucleus.body, visit);
                if constexpr (std::is_same_v<T, Matrix>)
                    for (const auto& row : nucleus.rows)
                        for (const auto& cell : row) for_each_node(cell, visit);
            },
            node.nucleus);
    }
}

// Every node's range lies in the source and holds its nucleus's range, which starts it.
inline void check_source_ranges(std::string_view source, const MathList& list) {
    for_each_node(list, [&](const Node& node) {
        INFO(source << " [" << node.source.begin << ", " << node.source.end << ")");
        CHECK(node.source.begin <= node.source.end);
        CHECK(node.source.end <= source.size());
        CHECK(node.nucleus_source.begin == node.source.begin);
        CHECK(node.nucleus_source.end <= node.source.end);
    });
}


}  // namespace attnreel::math::testing
