#pragma once
// Softmax, seen: one query's scores s_j as bars from a zero line, their exponentials e^{s_j}
// as bars, and the weights p_j = e^{s_j} / Σ_k e^{s_k} as bars on a 0–100 % track, with each
// stage's numbers beside its bars and the sums under the last two (Σ = 100 %), so that
// the normalisation is never skipped. Keys the mask hides show −∞, 0 and 0 % in grey.
//
// The first row's centre is at y = 0 before the widget is centred on the origin. Ids, for `sm`:
//   sm             group: sm.labels, sm.scores, sm.to_exp, sm.exp, sm.to_weights, sm.weights,
//                  so `create: sm` with lag_ratio 1 reveals one stage after another
//   sm.label[i]    key i's label                               sm.labels: all of them
//   sm.scores      stage 1: sm.scores.header, sm.scores.axis, sm.scores.bar[i], sm.scores.value[i]
//   sm.exp         stage 2: sm.exp.header, sm.exp.bar[i], sm.exp.value[i], sm.exp.sum
//   sm.weights     stage 3: sm.weights.header, sm.weights.track[i], sm.weights.bar[i],
//                  sm.weights.value[i], sm.weights.sum
//   sm.to_exp, sm.to_weights   the arrows between stages, with their captions
//   sm[i]          row i across the stages (a separate object)
#include "scene/chart_spec.hpp"
#include "widgets/widget_parts.hpp"

#include <vector>

namespace attnreel {

std::size_t build_softmax_bars(ObjectTable& table, SceneFonts& fonts, const std::string& id,
                               const SoftmaxBarsSpec& spec, const SourceMark& mark);

// The three stages' numbers for `scores` (−inf where masked): e^{s} (0 where masked) and the
// softmax, computed as the model computes it (attention/softmax.hpp).
struct SoftmaxStages {
    std::vector<double> exps, weights;
    double exp_sum = 0;
};
SoftmaxStages softmax_stages(const std::vector<double>& scores);

}  // namespace attnreel
