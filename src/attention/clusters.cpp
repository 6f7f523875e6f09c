#include "attention/clusters.hpp"

#include <algorithm>
#include <limits>

namespace attnreel::attention {

Eigen::MatrixXd mutual_attention(const Eigen::MatrixXd& w) {
    Eigen::MatrixXd s = (w + w.transpose()) / 2;
    s.diagonal().setZero();
    return s;
}

std::vector<int> cluster_tokens(const Eigen::MatrixXd& s, int k) {
    const int n = static_cast<int>(s.rows());
    k = std::clamp(k, 1, std::max(1, n));
    std::vector<std::vector<int>> clusters(n);
    for (int i = 0; i < n; ++i) clusters[i] = {i};
    const auto linkage = [&](const std::vector<int>& a, const std::vector<int>& b) {
        double sum = 0;
        for (int i : a)
            for (int j : b) sum += s(i, j);
        return sum / double(a.size() * b.size());
    };
    while (static_cast<int>(clusters.size()) > k) {
        std::size_t best_a = 0, best_b = 1;
        double best = -std::numeric_limits<double>::infinity();
        for (std::size_t a = 0; a < clusters.size(); ++a)
            for (std::size_t b = a + 1; b < clusters.size(); ++b) {
                const double l = linkage(clusters[a], clusters[b]);
                if (l > best + 1e-12) {
                    best = l;
                    best_a = a;
                    best_b = b;
                }
            }
        clusters[best_a].insert(clusters[best_a].end(), clusters[best_b].begin(), clusters[best_b].end());
        clusters.erase(clusters.begin() + static_cast<std::ptrdiff_t>(best_b));
    }
    for (auto& c : clusters) std::sort(c.begin(), c.end());
    std::sort(clusters.begin(), clusters.end());  // by first token
    std::vector<int> of(n, 0);
    for (std::size_t c = 0; c < clusters.size(); ++c)
        for (int i : clusters[c]) of[i] = static_cast<int>(c);
    return of;
}

}  // namespace attnreel::attention
