#pragma once
// Groups of tokens that attend to one another: average-linkage agglomerative clustering on
// mutual attention, s(i, j) = (w(i, j) + w(j, i)) / 2. Deterministic: ties go to the pair
// with the smaller indices, and clusters are numbered by their first token.
#include <Eigen/Core>

#include <vector>

namespace attnreel::attention {

// The symmetric mutual attention of a square weight matrix (masked entries given as 0),
// with a zero diagonal.
Eigen::MatrixXd mutual_attention(const Eigen::MatrixXd& weights);

// Cluster index (0..k-1) of every token, for k clusters (1 ≤ k ≤ n).
std::vector<int> cluster_tokens(const Eigen::MatrixXd& mutual, int k);

}  // namespace attnreel::attention
