#include "timeline/match_pieces.hpp"

#include <algorithm>
#include <deque>
#include <unordered_map>

namespace attnreel {

std::vector<std::optional<std::size_t>> match_pieces(const std::vector<std::string>& from,
                                                     const std::vector<std::string>& to) {
    const std::size_t n = from.size(), m = to.size();
    // common[i][j]: the length of the longest common subsequence of from[i..] and to[j..].
    std::vector<std::vector<std::size_t>> common(n + 1, std::vector<std::size_t>(m + 1, 0));
    for (std::size_t i = n; i-- > 0;)
        for (std::size_t j = m; j-- > 0;)
            common[i][j] = from[i] == to[j] ? common[i + 1][j + 1] + 1 : std::max(common[i + 1][j], common[i][j + 1]);

    std::vector<std::optional<std::size_t>> partner(n);
    std::vector<bool> taken(m, false);
    for (std::size_t i = 0, j = 0; i < n && j < m;) {
        if (from[i] == to[j] && common[i][j] == common[i + 1][j + 1] + 1) {
            partner[i] = j;
            taken[j] = true;
            ++i, ++j;
        } else if (common[i + 1][j] >= common[i][j + 1]) {
            ++i;
        } else {
            ++j;
        }
    }

    // What the subsequence left: the first waiting piece with the same key, in reading order.
    std::unordered_map<std::string, std::deque<std::size_t>> waiting;
    for (std::size_t j = 0; j < m; ++j)
        if (!taken[j]) waiting[to[j]].push_back(j);
    for (std::size_t i = 0; i < n; ++i) {
        if (partner[i]) continue;
        const auto it = waiting.find(from[i]);
        if (it == waiting.end() || it->second.empty()) continue;
        partner[i] = it->second.front();
        it->second.pop_front();
    }
    return partner;
}

}  // namespace attnreel
