#pragma once
// Attention weights of a whole model, layers × heads of queries × keys matrices: the common
// input of analysis and rollout, whatever produced it (computed, synthetic or loaded).
#include <Eigen/Core>
#include <string>
#include <vector>

namespace attnreel::attention {

struct ComputedModel;
struct SyntheticModel;

using AttentionStack = std::vector<std::vector<Eigen::MatrixXd>>;  // [layer][head]

AttentionStack attention_stack(const ComputedModel& model);
AttentionStack attention_stack(const SyntheticModel& model);

// Checks that the stack is non-empty, every layer has the same number of heads, every
// matrix is queries × keys, every entry is finite and non-negative, and every row sums to
// 1 within `tolerance`. Throws InputError naming `source` (a file name), the layer, head and
// row at fault, and the shape found versus expected.
void validate_attention_stack(const AttentionStack& stack, std::size_t queries, std::size_t keys,
                              const std::string& source, double tolerance = 1e-3);

// Splits a row-major array of shape [layers, heads, q, k], [heads, q, k] or [q, k] (what
// the .npy and JSON loaders read) into a stack; fewer dimensions mean one layer, one head.
// Throws InputError naming `source` for any other rank.
AttentionStack attention_from_array(const std::vector<std::size_t>& shape, const std::vector<double>& data,
                                    const std::string& source);

// "[2, 4, 6, 6]"
std::string shape_text(const std::vector<std::size_t>& shape);

}  // namespace attnreel::attention
