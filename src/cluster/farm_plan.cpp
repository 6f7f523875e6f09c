#include "cluster/farm_plan.hpp"

#include <algorithm>

namespace attnreel::cluster {

std::vector<std::pair<std::int64_t, std::int64_t>> split_frames(std::int64_t total, int chunks) {
    std::vector<std::pair<std::int64_t, std::int64_t>> ranges;
    const std::int64_t n = std::max<std::int64_t>(1, std::min<std::int64_t>(chunks, total));
    for (std::int64_t k = 0; k < n; ++k) ranges.emplace_back(k * total / n, (k + 1) * total / n);
    return ranges;
}

std::filesystem::path farm_folder(const FarmOptions& options) { return options.folder / "farm"; }

std::filesystem::path task_log(const FarmOptions& options, const std::string& job, int task) {
    return farm_folder(options) / "logs" / ("render-" + job + "_" + std::to_string(task) + ".out");
}

std::filesystem::path join_log(const FarmOptions& options, const std::string& job) {
    return farm_folder(options) / "logs" / ("join-" + job + ".out");
}

}  // namespace attnreel::cluster
