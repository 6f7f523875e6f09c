#pragma once
// Tokens as a network: one node per token, placed by a force-directed layout when the scene
// compiles (widgets/force_layout.hpp), so that tokens that attend to each other sit close;
// an edge between two tokens whose mutual attention (w(i,j) + w(j,i)) / 2 reaches
// min_weight, its width and opacity following it; node size by the attention each token
// receives (its column's sum). With `clusters: k` the nodes are grouped by mutual attention
// (attention/clusters.hpp), each group in its own colour and, with `hulls`, a tinted hull.
// Ids, for a widget `net`:
//   net             group: net.hulls, net.nodes[0]…, then net.edges[0]… (edges from node i
//                   to later nodes); created with a stagger: nodes one by one, then edges
//   net.nodes[i]    group of net.nodes[i].circle and net.nodes[i].label
//   net.edges[i][j] the edge between tokens i < j (a Link for `select` and `flow`)
//   net.nodes, net.edges, net.hulls   groups of the same objects (net.hulls[c] per cluster)
#include "scene/object_table.hpp"
#include "scene/scene_spec.hpp"
#include "scene/text_object.hpp"

namespace attnreel {

std::size_t build_attention_network(ObjectTable& table, SceneFonts& fonts, const std::string& id,
                                    const AttentionNetworkSpec& spec, const SourceMark& mark);

}  // namespace attnreel
