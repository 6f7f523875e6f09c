#pragma once
// A small arithmetic expression of one variable, w (an attention weight), as scene files
// write a line's width or opacity: "8*w", "0.3 + 0.6*w", "2 + 10*w^2", "max(1, 8*sqrt(w))".
// Parsed once when the scene loads; evaluating it is a walk over a few nodes.
//
//   expr   := term (("+" | "-") term)*
//   term   := power (("*" | "/") power)*
//   power  := unary ("^" unary)?
//   unary  := "-" unary | atom
//   atom   := number | "w" | "(" expr ")" | name "(" expr ("," expr)* ")"
//   name   := sqrt | abs | min | max | exp | log
#include <cstddef>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace attnreel {

// A mistake at byte `offset` of the expression's text.
class ExpressionError : public std::runtime_error {
public:
    ExpressionError(std::size_t offset, const std::string& message) : std::runtime_error(message), offset_(offset) {}
    std::size_t offset() const { return offset_; }

private:
    std::size_t offset_;
};

class WeightExpression {
public:
    WeightExpression() = default;  // the constant 0
    // Throws ExpressionError at the first mistake.
    static WeightExpression parse(std::string_view text);
    // A constant, or `a + b·w`, without text to parse.
    static WeightExpression linear(double a, double b);

    double operator()(double w) const;
    const std::string& text() const { return text_; }

    struct Node {
        enum class Op { number, w, add, sub, mul, div, pow, neg, sqrt, abs, min, max, exp, log };
        Op op = Op::number;
        double value = 0;
        int a = -1, b = -1;  // operand nodes
    };

private:
    std::string text_;
    std::vector<Node> nodes_;  // the root is the last node
};

}  // namespace attnreel
