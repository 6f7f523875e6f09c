#include "attention/random.hpp"

#include <cmath>
#include <numbers>

namespace attnreel::attention {

std::uint64_t fnv1a(std::string_view text) {
    std::uint64_t hash = 14695981039346656037ull;
    for (unsigned char c : text) {
        hash ^= c;
        hash *= 1099511628211ull;
    }
    return hash;
}

std::uint64_t splitmix64(std::uint64_t x) {
    x += 0x9e3779b97f4a7c15ull;
    x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ull;
    x = (x ^ (x >> 27)) * 0x94d049bb133111ebull;
    return x ^ (x >> 31);
}

std::mt19937_64 seeded_stream(std::initializer_list<std::uint64_t> parts) {
    std::uint64_t state = 0;
    for (std::uint64_t part : parts) state = splitmix64(state ^ part);
    return std::mt19937_64(state);
}

double uniform01(std::mt19937_64& rng) {
    return static_cast<double>(rng() >> 11) * 0x1.0p-53;
}

double standard_normal(std::mt19937_64& rng) {
    const double u1 = 1.0 - uniform01(rng);  // (0, 1]: log(u1) is finite
    const double u2 = uniform01(rng);
    return std::sqrt(-2.0 * std::log(u1)) * std::cos(2.0 * std::numbers::pi * u2);
}

Eigen::MatrixXd normal_matrix(std::mt19937_64& rng, Eigen::Index rows, Eigen::Index cols,
                              double stddev) {
    Eigen::MatrixXd m(rows, cols);
    for (Eigen::Index i = 0; i < rows; ++i)
        for (Eigen::Index j = 0; j < cols; ++j) m(i, j) = stddev * standard_normal(rng);
    return m;
}

}  // namespace attnreel::attention
