#pragma once
// Seeded random numbers that are the same on every standard library: the engine is
// std::mt19937_64 (its output sequence is fixed by the C++ standard) and the conversions to
// uniform and normal numbers are written here, because std::uniform_real_distribution and
// std::normal_distribution differ between implementations.
#include <Eigen/Core>
#include <cstdint>
#include <initializer_list>
#include <random>
#include <string_view>

namespace attnreel::attention {

// 64-bit FNV-1a of a byte string: a stable name for a token or a purpose.
std::uint64_t fnv1a(std::string_view text);

// One step of SplitMix64: spreads nearby seeds apart.
std::uint64_t splitmix64(std::uint64_t x);

// An independent stream for one purpose (e.g. {seed, fnv1a("W_Q"), layer, head}), so that
// adding a layer or a token never changes the numbers drawn for another.
std::mt19937_64 seeded_stream(std::initializer_list<std::uint64_t> parts);

// Uniform in [0, 1) with 53 random bits.
double uniform01(std::mt19937_64& rng);

// Standard normal N(0, 1) by the Box–Muller transform (one draw per call: the sine partner
// is not cached, so every matrix depends only on its own stream).
double standard_normal(std::mt19937_64& rng);

// rows × cols matrix of independent N(0, stddev²) entries, filled row by row.
Eigen::MatrixXd normal_matrix(std::mt19937_64& rng, Eigen::Index rows, Eigen::Index cols,
                              double stddev);

}  // namespace attnreel::attention
