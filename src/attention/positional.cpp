#include "attention/positional.hpp"

#include <cmath>

namespace attnreel::attention {

Eigen::MatrixXd sinusoidal_positions(Eigen::Index positions, Eigen::Index d) {
    Eigen::MatrixXd pe(positions, d);
    for (Eigen::Index pos = 0; pos < positions; ++pos) {
        for (Eigen::Index column = 0; column < d; ++column) {
            const Eigen::Index pair = column / 2;  // columns 2i and 2i+1 share a frequency
            const double angle = static_cast<double>(pos) /
                                 std::pow(10000.0, 2.0 * static_cast<double>(pair) / static_cast<double>(d));
            pe(pos, column) = column % 2 == 0 ? std::sin(angle) : std::cos(angle);
        }
    }
    return pe;
}

}  // namespace attnreel::attention
