// Attention weights typed into the scene whose rows do not sum to 1: softmax rows always
// do, so a row that does not is a typo the video would teach.
#include "lint/checks.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace attnreel::lint {

namespace {

// Weights are usually typed to two decimals, so a row of n may be off by n × 0.005 through
// rounding alone; more than 0.05 is a mistake however many there are.
double tolerance(std::size_t n) { return std::clamp(0.005 * static_cast<double>(n), 0.01, 0.05); }

double row_sum(const std::vector<double>& row) {
    double sum = 0;
    for (double v : row)
        if (std::isfinite(v)) sum += v;  // a masked cell (−inf) has weight 0
    return sum;
}

bool sums_to_one(const std::vector<double>& row) { return std::abs(row_sum(row) - 1) <= tolerance(row.size()); }

std::string number(double v) {
    char s[32];
    std::snprintf(s, sizeof s, "%.3g", v);
    return s;
}

// A heatmap's typed values are weights when every one lies in [0, 1] and most rows sum to
// 1; a matrix of scores or of other numbers is left alone.
bool looks_like_weights(const std::vector<std::vector<double>>& values) {
    std::size_t summing = 0;
    for (const auto& row : values) {
        for (double v : row)
            if (std::isfinite(v) && (v < 0 || v > 1)) return false;
        summing += sums_to_one(row) ? 1 : 0;
    }
    return 2 * summing > values.size();
}

}  // namespace

void check_weight_rows(const SceneSpec& spec, std::vector<Warning>& out) {
    for (const ObjectSpec& entry : spec.objects) {
        if (const auto* arrows = std::get_if<AttentionArrowsSpec>(&entry.kind)) {
            if (arrows->weights_path || arrows->weights.empty() || sums_to_one(arrows->weights)) continue;
            out.push_back({arrows->weights_mark, "the weights of '" + entry.id + "' sum to " +
                                                     number(row_sum(arrows->weights)) +
                                                     ", not 1: attention weights are a softmax row"});
        } else if (const auto* heatmap = std::get_if<HeatmapSpec>(&entry.kind)) {
            if (heatmap->matrix_path || !looks_like_weights(heatmap->values)) continue;
            for (std::size_t r = 0; r < heatmap->values.size(); ++r) {
                if (sums_to_one(heatmap->values[r])) continue;
                const SourceMark mark = r < heatmap->row_marks.size() ? heatmap->row_marks[r] : heatmap->values_mark;
                out.push_back({mark, "row " + std::to_string(r) + " of '" + entry.id + "' sums to " +
                                         number(row_sum(heatmap->values[r])) +
                                         ", not 1, while the other rows of these weights do"});
            }
        }
    }
}

}  // namespace attnreel::lint
