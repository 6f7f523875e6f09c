#pragma once
// Rate functions map an animation's linear progress t ∈ [0, 1] to eased progress, with
// Manim's names and shapes.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace attnreel {

enum class RateFunction { Linear, Smooth, RushInto, RushFrom, ThereAndBack, EaseInOutCubic, EaseInOutSine };

double apply_rate(RateFunction f, double t);
std::optional<RateFunction> parse_rate_function(std::string_view name);
const std::vector<std::string>& rate_function_names();

}  // namespace attnreel
