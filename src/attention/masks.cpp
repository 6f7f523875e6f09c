#include "attention/masks.hpp"

#include "core/error.hpp"

#include <algorithm>
#include <cstdlib>

namespace attnreel::attention {

const std::vector<std::string>& mask_kind_names() {
    static const std::vector<std::string> names = {"none",         "causal",       "local",
                                                   "causal_local", "global_local", "padding"};
    return names;
}

std::string to_string(MaskKind kind) { return mask_kind_names().at(static_cast<std::size_t>(kind)); }

MaskKind parse_mask_kind(std::string_view name) {
    const auto& names = mask_kind_names();
    for (std::size_t i = 0; i < names.size(); ++i)
        if (names[i] == name) return static_cast<MaskKind>(i);
    throw InputError("unknown mask '" + std::string(name) +
                     "' (expected none, causal, local, causal_local, global_local or padding)" +
                     did_you_mean(name, names));
}

namespace {

bool uses_window(MaskKind kind) {
    return kind == MaskKind::local || kind == MaskKind::causal_local || kind == MaskKind::global_local;
}

}  // namespace

void validate_mask_spec(const MaskSpec& spec, Eigen::Index queries, Eigen::Index keys) {
    if (uses_window(spec.kind) && spec.window < 1)
        throw InputError("mask window must be at least 1, got " + std::to_string(spec.window));
    if (!spec.global.empty() && spec.kind != MaskKind::global_local)
        throw InputError("global tokens need mask 'global_local', not '" + to_string(spec.kind) + "'");
    const Eigen::Index positions = std::max(queries, keys);
    for (int g : spec.global)
        if (g < 0 || g >= positions)
            throw InputError("global token position " + std::to_string(g) + " is outside 0.." +
                             std::to_string(positions - 1));
    for (int p : spec.padding)
        if (p < 0 || p >= keys)
            throw InputError("padding position " + std::to_string(p) + " is outside the keys 0.." +
                             std::to_string(keys - 1));
}

Mask make_mask(const MaskSpec& spec, Eigen::Index queries, Eigen::Index keys) {
    validate_mask_spec(spec, queries, keys);
    Mask mask(queries, keys);
    for (Eigen::Index i = 0; i < queries; ++i) {
        for (Eigen::Index j = 0; j < keys; ++j) {
            const Eigen::Index distance = std::abs(i - j);
            switch (spec.kind) {
                case MaskKind::none:
                case MaskKind::padding: mask(i, j) = true; break;
                case MaskKind::causal: mask(i, j) = j <= i; break;
                case MaskKind::local:
                case MaskKind::global_local: mask(i, j) = distance <= spec.window; break;
                case MaskKind::causal_local: mask(i, j) = j <= i && i - j <= spec.window; break;
            }
        }
    }
    for (int g : spec.global) {
        if (g < queries) mask.row(g).setConstant(true);
        if (g < keys) mask.col(g).setConstant(true);
    }
    for (int p : spec.padding) mask.col(p).setConstant(false);
    return mask;
}

Eigen::Index first_fully_masked_row(const Mask& mask) {
    for (Eigen::Index i = 0; i < mask.rows(); ++i)
        if (!mask.row(i).any()) return i;
    return -1;
}

}  // namespace attnreel::attention
