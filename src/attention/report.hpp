#pragma once
// The analysis as text for people (scene_json.hpp has it as JSON for tools).
#include "attention/analysis.hpp"

#include <string>
#include <vector>

namespace attnreel::attention {

// An aligned table, one line per head (layer, head, pattern and its fit, entropy in bits,
// mean distance, self, previous, sink, punctuation, induction; for cross-attention entropy,
// sink, punctuation, alignment and coverage; "-" where a figure does not apply) and a line
// of each layer's means; then the most specialised heads, the rollout matrix with token
// labels and the distance profile when there are.
std::string analysis_table(const ModelAnalysis& analysis, const std::vector<std::string>& tokens);

// "local (w=2)", "positional_offset (k=3)", or the bare pattern name.
std::string describe(const PatternFit& fit);

}  // namespace attnreel::attention
