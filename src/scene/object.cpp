#include "scene/object.hpp"

#include <algorithm>

namespace attnreel {

double capped_tip_length(double tip_length, double line_length) {
    return std::min(tip_length, line_length / 3.0);
}

double tip_length_for_width(double stroke_width) {
    return 0.1 + 0.03 * stroke_width;
}

}  // namespace attnreel
