#pragma once
// The analysis as text for people (scene_json.hpp has it as JSON for tools).
#include "attention/analysis.hpp"

#include <string>
#include <vector>

namespace attnreel::attention {

// An aligned table, one line per head (layer, head, pattern and its fit, entropy, mean
// distance, self, previous, sink, induction; "-" where a score does not exist), then the
// rollout matrix with token labels when there is one.
std::string analysis_table(const ModelAnalysis& analysis, const std::vector<std::string>& tokens);

// "local (w=2)", "positional_offset (k=3)", or the bare pattern name.
std::string describe(const PatternFit& fit);

}  // namespace attnreel::attention
