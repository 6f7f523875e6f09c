#pragma once
// Sinusoidal positional encodings from "Attention Is All You Need" (Vaswani et al. 2017):
//   PE(pos, 2i)   = sin(pos / 10000^(2i / d))
//   PE(pos, 2i+1) = cos(pos / 10000^(2i / d))
#include <Eigen/Core>

namespace attnreel::attention {

// positions × d matrix; row p is the encoding of position p (0-based). An odd d ends with
// a sine column.
Eigen::MatrixXd sinusoidal_positions(Eigen::Index positions, Eigen::Index d);

}  // namespace attnreel::attention
