#pragma once
// Reads the connection widgets, attention_graph and attention_network: their weights (a
// model path or rows of numbers in [0, 1], "-inf" for a masked pair), tokens, and the
// expressions of w that size their lines.
#include "io/yaml_reader.hpp"

namespace attnreel {

// `tokens` resolves "$tokens" against the data block.
AttentionGraphSpec load_attention_graph(const YamlReader& in, const YAML::Node& node, const DataSpec& data);
AttentionNetworkSpec load_attention_network(const YamlReader& in, const YAML::Node& node, const DataSpec& data);

// A list of tokens, or "$tokens" for the data block's; `what` is the key, for messages.
std::vector<std::string> load_token_list(const YamlReader& in, const YAML::Node& node, const DataSpec& data,
                                         const std::string& what);

// An expression of w ("8*w", "0.3 + 0.6*w") or a plain number; a mistake is an error at its
// own column.
WeightExpression load_weight_expression(const YamlReader& in, const YAML::Node& node, const std::string& what);

}  // namespace attnreel
