#pragma once
// TeX-like formula source → math list (math_ast.hpp). No TeX installation: a fixed set of
// commands (see docs/formulas.md); anything else is an error naming it.
#include "math/math_ast.hpp"

#include <stdexcept>
#include <string>
#include <string_view>

namespace attnreel::math {

// Braces, arguments, \left…\right and matrices nested deeper than this are a TexError.
// Each level costs a few stack frames; 64 is far beyond any formula a person writes.
inline constexpr std::size_t max_source_nesting = 64;

// A syntax error at byte `offset` of the formula; the loader turns the offset into the
// scene file's line and column.
class TexError : public std::runtime_error {
public:
    TexError(std::size_t offset, const std::string& message)
        : std::runtime_error(message), offset_(offset) {}
    std::size_t offset() const { return offset_; }

private:
    std::size_t offset_;
};

// Throws TexError for unbalanced braces, an unknown command ("unknown command '\foo'"
// with the nearest known one), a missing argument ("\frac needs 2 arguments"), a script
// without a base or a double script, \left without \right, invalid UTF-8.
MathList parse_tex(std::string_view source);

}  // namespace attnreel::math
