#pragma once
// Attention masks: which keys each query may see. A mask is a queries × keys boolean array,
// true where attention is allowed. Padding hides key positions on top of any kind.
#include <Eigen/Core>
#include <string>
#include <string_view>
#include <vector>

namespace attnreel::attention {

using Mask = Eigen::Array<bool, Eigen::Dynamic, Eigen::Dynamic>;

enum class MaskKind {
    none,          // every query sees every key
    causal,        // query i sees keys j <= i
    local,         // query i sees keys with |i - j| <= window
    causal_local,  // sliding window: i - window <= j <= i
    global_local,  // local, plus global tokens that see and are seen by every position
    padding,       // only the padded keys are hidden (padding also combines with the others)
};

struct MaskSpec {
    MaskKind kind = MaskKind::none;
    int window = 1;             // for local, causal_local, global_local; at least 1
    std::vector<int> global;    // positions of global tokens, for global_local
    std::vector<int> padding;   // key positions hidden from every query
};

// The names used in scene files, in declaration order: "none", "causal", ...
const std::vector<std::string>& mask_kind_names();
std::string to_string(MaskKind kind);
// Throws InputError naming the valid kinds (with a suggestion) for an unknown name.
MaskKind parse_mask_kind(std::string_view name);

// Checks window and positions against the sizes; throws InputError with a clear message.
void validate_mask_spec(const MaskSpec& spec, Eigen::Index queries, Eigen::Index keys);

// The mask for `queries` query positions over `keys` key positions (equal for
// self-attention, different for cross-attention). Validates the spec first.
Mask make_mask(const MaskSpec& spec, Eigen::Index queries, Eigen::Index keys);

// Index of the first query row with no visible key, or -1 when every row sees something.
Eigen::Index first_fully_masked_row(const Mask& mask);

}  // namespace attnreel::attention
