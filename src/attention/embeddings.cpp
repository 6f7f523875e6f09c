#include "attention/embeddings.hpp"

#include "attention/random.hpp"

namespace attnreel::attention {

Eigen::MatrixXd token_embeddings(const std::vector<std::string>& tokens, Eigen::Index d,
                                 std::uint64_t seed) {
    Eigen::MatrixXd embeddings(static_cast<Eigen::Index>(tokens.size()), d);
    for (std::size_t i = 0; i < tokens.size(); ++i) {
        auto rng = seeded_stream({seed, fnv1a("embedding"), fnv1a(tokens[i])});
        embeddings.row(static_cast<Eigen::Index>(i)) = normal_matrix(rng, 1, d, 1.0);
    }
    return embeddings;
}

}  // namespace attnreel::attention
