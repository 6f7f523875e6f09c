#pragma once
// Numbers as widgets print them: fixed decimals, a real minus sign, never "−0.00".
#include <string>

namespace attnreel {

// `value` with `decimals` digits after the point; negative values take U+2212 (−), and a
// value that rounds to zero is printed without a sign.
std::string format_number(double value, int decimals);

}  // namespace attnreel
