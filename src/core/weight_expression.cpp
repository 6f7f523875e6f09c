#include "core/weight_expression.hpp"

#include <cctype>
#include <cmath>
#include <cstdlib>
#include <utility>

namespace attnreel {

namespace {

using Node = WeightExpression::Node;
using Op = Node::Op;

constexpr std::size_t kMaxLength = 256;
constexpr int kMaxDepth = 32;

class Parser {
public:
    Parser(std::string_view text, std::vector<Node>& nodes) : s_(text), nodes_(nodes) {}

    void run() {
        expr(0);
        skip();
        if (i_ < s_.size()) fail("unexpected '" + std::string(1, s_[i_]) + "'");
    }

private:
    [[noreturn]] void fail(const std::string& what) const {
        throw ExpressionError(i_, what + " in the expression '" + std::string(s_) +
                                      "' (write it with numbers, w, + − * / ^, parentheses and sqrt, abs, min, max, "
                                      "exp, log; for example 0.3 + 0.6*w)");
    }
    void skip() {
        while (i_ < s_.size() && std::isspace(static_cast<unsigned char>(s_[i_]))) ++i_;
    }
    bool eat(char c) {
        skip();
        if (i_ < s_.size() && s_[i_] == c) {
            ++i_;
            return true;
        }
        return false;
    }
    int push(Node n) {
        nodes_.push_back(n);
        return static_cast<int>(nodes_.size()) - 1;
    }
    int binary(Op op, int a, int b) { return push({op, 0, a, b}); }

    int expr(int depth) {
        if (depth > kMaxDepth) fail("too deeply nested");
        int left = term(depth);
        for (;;) {
            if (eat('+')) left = binary(Op::add, left, term(depth));
            else if (eat('-')) left = binary(Op::sub, left, term(depth));
            else return left;
        }
    }
    int term(int depth) {
        int left = power(depth);
        for (;;) {
            if (eat('*')) left = binary(Op::mul, left, power(depth));
            else if (eat('/')) left = binary(Op::div, left, power(depth));
            else return left;
        }
    }
    int power(int depth) {
        const int base = unary(depth);
        if (eat('^')) return binary(Op::pow, base, unary(depth));
        return base;
    }
    int unary(int depth) {
        if (depth > kMaxDepth) fail("too deeply nested");
        if (eat('-')) return push({Op::neg, 0, unary(depth + 1), -1});
        return atom(depth);
    }
    int atom(int depth) {
        skip();
        if (i_ >= s_.size()) fail("expected a number, w or '(' at the end");
        const char c = s_[i_];
        if (c == '(') {
            ++i_;
            const int inner = expr(depth + 1);
            if (!eat(')')) fail("expected ')'");
            return inner;
        }
        if (std::isdigit(static_cast<unsigned char>(c)) || c == '.') {
            const std::string rest(s_.substr(i_));
            char* end = nullptr;
            const double v = std::strtod(rest.c_str(), &end);
            if (end == rest.c_str()) fail("expected a number");
            i_ += static_cast<std::size_t>(end - rest.c_str());
            return push({Op::number, v, -1, -1});
        }
        if (std::isalpha(static_cast<unsigned char>(c))) {
            const std::size_t start = i_;
            while (i_ < s_.size() && std::isalnum(static_cast<unsigned char>(s_[i_]))) ++i_;
            const std::string name(s_.substr(start, i_ - start));
            if (name == "w") return push({Op::w, 0, -1, -1});
            static const std::pair<const char*, Op> functions[] = {{"sqrt", Op::sqrt}, {"abs", Op::abs},
                                                                   {"min", Op::min},   {"max", Op::max},
                                                                   {"exp", Op::exp},   {"log", Op::log}};
            for (const auto& [fname, op] : functions) {
                if (name != fname) continue;
                if (!eat('(')) fail("expected '(' after " + name);
                const int a = expr(depth + 1);
                int b = -1;
                const bool two = op == Op::min || op == Op::max;
                if (two) {
                    if (!eat(',')) fail(name + " takes two arguments");
                    b = expr(depth + 1);
                }
                if (!eat(')')) fail("expected ')' to close " + name);
                return push({op, 0, a, b});
            }
            i_ = start;
            fail("unknown name '" + name + "'; the only variable is w");
        }
        fail("unexpected '" + std::string(1, c) + "'");
    }

    std::string_view s_;
    std::vector<Node>& nodes_;
    std::size_t i_ = 0;
};

double eval(const std::vector<Node>& nodes, int i, double w) {
    const Node& n = nodes[static_cast<std::size_t>(i)];
    const auto a = [&] { return eval(nodes, n.a, w); };
    const auto b = [&] { return eval(nodes, n.b, w); };
    switch (n.op) {
    case Op::number: return n.value;
    case Op::w: return w;
    case Op::add: return a() + b();
    case Op::sub: return a() - b();
    case Op::mul: return a() * b();
    case Op::div: return a() / b();
    case Op::pow: return std::pow(a(), b());
    case Op::neg: return -a();
    case Op::sqrt: return std::sqrt(a());
    case Op::abs: return std::abs(a());
    case Op::min: return std::min(a(), b());
    case Op::max: return std::max(a(), b());
    case Op::exp: return std::exp(a());
    case Op::log: return std::log(a());
    }
    return 0;
}

}  // namespace

WeightExpression WeightExpression::parse(std::string_view text) {
    if (text.size() > kMaxLength) throw ExpressionError(0, "the expression is longer than 256 characters");
    WeightExpression e;
    e.text_ = std::string(text);
    Parser(text, e.nodes_).run();
    return e;
}

WeightExpression WeightExpression::linear(double a, double b) {
    WeightExpression e;
    e.nodes_ = {{Op::number, a, -1, -1}, {Op::number, b, -1, -1}, {Op::w, 0, -1, -1}, {Op::mul, 0, 1, 2},
                {Op::add, 0, 0, 3}};
    e.text_ = std::to_string(a) + " + " + std::to_string(b) + "*w";
    return e;
}

double WeightExpression::operator()(double w) const {
    if (nodes_.empty()) return 0;
    return eval(nodes_, static_cast<int>(nodes_.size()) - 1, w);
}

}  // namespace attnreel
