#pragma once
// Seeded token embeddings: a lookup table keyed by the token's text, so the same word gets
// the same vector wherever it occurs (what repeated-token and semantic lessons rely on).
#include <Eigen/Core>
#include <cstdint>
#include <string>
#include <vector>

namespace attnreel::attention {

// tokens.size() × d matrix; row i has independent N(0, 1) entries drawn from a stream
// named by (seed, token text). Unit variance per entry matches the sinusoidal encodings'
// scale, so neither content nor position drowns the other when they are added.
Eigen::MatrixXd token_embeddings(const std::vector<std::string>& tokens, Eigen::Index d,
                                 std::uint64_t seed);

}  // namespace attnreel::attention
