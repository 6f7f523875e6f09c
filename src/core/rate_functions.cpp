#include "core/rate_functions.hpp"

#include <algorithm>
#include <cmath>
#include <numbers>
#include <utility>

namespace attnreel {

namespace {

// Manim's smooth: a sigmoid rescaled so that smooth(0) = 0 and smooth(1) = 1.
double smooth(double t, double inflection = 10.0) {
    const double error = 1.0 / (1.0 + std::exp(inflection / 2));
    const double s = 1.0 / (1.0 + std::exp(-inflection * (t - 0.5)));
    return std::clamp((s - error) / (1 - 2 * error), 0.0, 1.0);
}

const std::vector<std::pair<std::string, RateFunction>>& table() {
    static const std::vector<std::pair<std::string, RateFunction>> t = {
        {"linear", RateFunction::Linear},
        {"smooth", RateFunction::Smooth},
        {"rush_into", RateFunction::RushInto},
        {"rush_from", RateFunction::RushFrom},
        {"there_and_back", RateFunction::ThereAndBack},
        {"ease_in_out_cubic", RateFunction::EaseInOutCubic},
        {"ease_in_out_sine", RateFunction::EaseInOutSine},
    };
    return t;
}

}  // namespace

double apply_rate(RateFunction f, double t) {
    t = std::clamp(t, 0.0, 1.0);
    switch (f) {
    case RateFunction::Linear: return t;
    case RateFunction::Smooth: return smooth(t);
    case RateFunction::RushInto: return 2 * smooth(t / 2.0);
    case RateFunction::RushFrom: return 2 * smooth(t / 2.0 + 0.5) - 1;
    case RateFunction::ThereAndBack: return smooth(t < 0.5 ? 2 * t : 2 * (1 - t));
    case RateFunction::EaseInOutCubic:
        return t < 0.5 ? 4 * t * t * t : 1 - std::pow(-2 * t + 2, 3) / 2;
    case RateFunction::EaseInOutSine: return -(std::cos(std::numbers::pi * t) - 1) / 2;
    }
    return t;
}

std::optional<RateFunction> parse_rate_function(std::string_view name) {
    for (const auto& [n, f] : table())
        if (n == name) return f;
    return std::nullopt;
}

const std::vector<std::string>& rate_function_names() {
    static const std::vector<std::string> names = [] {
        std::vector<std::string> v;
        for (const auto& [n, f] : table()) v.push_back(n);
        return v;
    }();
    return names;
}

}  // namespace attnreel
