#include "timeline/member_styles.hpp"

#include "timeline/compile_objects.hpp"

#include <functional>
#include <limits>

namespace attnreel {

namespace {

using LeafStyles = std::unordered_map<std::size_t, StyleSpec>;
using Apply = std::function<void(StyleSpec&, const MemberValues&)>;

struct Member {
    std::string id;
    std::optional<std::size_t> object;  // none: only its own members exist (hm[i] of hm[i][j])
};

std::string indexed(const std::string& id, std::size_t k) { return id + "[" + std::to_string(k) + "]"; }

bool exists_under(const ObjectTable& t, const std::string& id) {
    return t.find(id) || t.find(indexed(id, 0)) || t.find(indexed(id, 1));
}

// The members a list addresses, in order. Widgets name theirs by index (a gap where one
// is missing, as the arrow to the source token); other groups by their children.
std::vector<Member> members_of(const ObjectTable& t, const std::string& id, std::optional<std::size_t> object,
                               const SourceMark& mark) {
    std::vector<Member> members;
    std::size_t misses = 0;
    for (std::size_t k = 0; misses < 2 && k < 100000; ++k) {
        const std::string child = indexed(id, k);
        if (!exists_under(t, child)) {
            ++misses;
            members.push_back({child, std::nullopt});
            continue;
        }
        misses = 0;
        members.push_back({child, t.find(child)});
    }
    while (!members.empty() && !members.back().object && !exists_under(t, members.back().id)) members.pop_back();
    if (!members.empty()) return members;
    if (object && t[*object].is_group()) {
        for (std::size_t c : t[*object].children) members.push_back({t[c].id, c});
        return members;
    }
    throw InputError(mark, "'" + id + "' has no members to give a list of values to; give it one value");
}

std::size_t count_of(const MemberValues& v) {
    const auto* items = std::get_if<std::vector<MemberValues>>(&v.value);
    return items ? items->size() : 1;
}

void spread(const ObjectTable& t, const Member& target, const MemberValues& v, const Apply& apply, LeafStyles& out) {
    if (std::holds_alternative<std::monostate>(v.value)) return;
    const auto* items = std::get_if<std::vector<MemberValues>>(&v.value);
    if (!items && target.object) {
        for (std::size_t leaf : t.leaves(*target.object)) apply(out[leaf], v);
        return;
    }
    const std::vector<Member> members = members_of(t, target.id, target.object, v.mark);
    if (!items) {  // one value for a member that exists only through its own members
        for (const Member& m : members)
            if (m.object) spread(t, m, v, apply, out);
        return;
    }
    if (items->size() < members.size())
        throw InputError(v.mark, "expected " + std::to_string(members.size()) + " values, one per member of '" +
                                     target.id + "', found " + std::to_string(items->size()));
    for (std::size_t k = 0; k < items->size(); ++k) {
        const MemberValues& item = (*items)[k];
        const bool missing = k >= members.size() || (!members[k].object && !exists_under(t, members[k].id));
        if (missing) {
            if (std::holds_alternative<std::monostate>(item.value)) continue;
            if (k >= members.size())
                throw InputError(v.mark, "expected " + std::to_string(members.size()) + " values, one per member of '" +
                                             target.id + "', found " + std::to_string(items->size()));
            throw InputError(item.mark, "'" + indexed(target.id, k) + "' does not exist: give it ~");
        }
        spread(t, members[k], item, apply, out);
    }
}

Apply setter(const std::string& key) {
    return [key](StyleSpec& s, const MemberValues& v) {
        if (const auto* c = std::get_if<Color>(&v.value)) {
            if (key == "color") s.color = *c;
            else if (key == "fill") s.fill = *c;
            else s.stroke = *c;
            return;
        }
        const double x = std::get<double>(v.value);
        if (key == "fill_opacity") s.fill_opacity = x;
        else if (key == "stroke_width") s.stroke_width = x;
        else if (key == "stroke_opacity") s.stroke_opacity = x;
        else s.opacity = x;
    };
}

// The matrix as values per member: a vector as one list, a matrix as rows of lists.
// Masked entries are no values at all: their members stay as they are (a heatmap's masked
// cells stay empty outlines).
MemberValues values_of(const Eigen::MatrixXd& m, const attention::Mask& masked, const ColorScale& scale,
                       const SourceMark& mark) {
    auto cell = [&](Eigen::Index i, Eigen::Index j) {
        if (masked.size() && masked(i, j)) return MemberValues{std::monostate{}, mark};
        return MemberValues{scale.at(m(i, j)), mark};
    };
    std::vector<MemberValues> out;
    if (m.rows() == 1 || m.cols() == 1) {
        for (Eigen::Index i = 0; i < m.rows(); ++i)
            for (Eigen::Index j = 0; j < m.cols(); ++j) out.push_back(cell(i, j));
        return {std::move(out), mark};
    }
    for (Eigen::Index i = 0; i < m.rows(); ++i) {
        std::vector<MemberValues> row;
        for (Eigen::Index j = 0; j < m.cols(); ++j) row.push_back(cell(i, j));
        out.push_back({std::move(row), mark});
    }
    return {std::move(out), mark};
}

// The scale fill_from uses: what it says, then the target heatmap's own scale.
ColorScale fill_scale(const FillFrom& f, const Eigen::MatrixXd& m, bool probabilities, const std::string& target,
                      const HeatmapScales& scales) {
    ColorScaleSpec spec = f.scale;
    if (const auto it = scales.find(target.substr(0, target.find_first_of("[."))); it != scales.end()) {
        const ColorScale& own = it->second;
        if (!spec.low) spec.low = own.low;
        if (!spec.high) spec.high = own.high;
        if (!spec.mid_color && !spec.mid && own.mid_color) {
            spec.mid_color = own.mid_color;
            spec.mid = own.mid;
        }
        if (!spec.range) spec.range = own.range;
        if (!spec.blend) spec.blend = own.blend;
    }
    const std::vector<double> values(m.data(), m.data() + m.size());
    const auto weights = probabilities ? std::optional(std::pair(0.0, 1.0)) : std::nullopt;
    return resolve_scale(spec, values, weights);
}

}  // namespace

std::unordered_map<std::size_t, StyleSpec> member_styles(const ObjectTable& objects, const std::vector<Ref>& targets,
                                                         const SetSpec& set, const attention::SceneData& data,
                                                         const HeatmapScales& scales) {
    LeafStyles out;
    // One target: lists mirror its members. Several: the list's items are the targets.
    const auto over_targets = [&](const MemberValues& v, const Apply& apply) {
        if (targets.size() == 1) {
            spread(objects, {targets[0].id, resolve_reference(objects, targets[0])}, v, apply, out);
            return;
        }
        if (count_of(v) != targets.size())
            throw InputError(v.mark, "expected " + std::to_string(targets.size()) + " values, one per target, found " +
                                         std::to_string(count_of(v)));
        const auto& items = std::get<std::vector<MemberValues>>(v.value);
        for (std::size_t k = 0; k < targets.size(); ++k)
            spread(objects, {targets[k].id, resolve_reference(objects, targets[k])}, items[k], apply, out);
    };
    for (const auto& [key, values] : set.members) over_targets(values, setter(key));
    if (set.fill_from) {
        const attention::ModelValue v = data.matrix(set.fill_from->path);
        const Eigen::MatrixXd& m = v.values;
        Eigen::MatrixXd shown = m;  // the scale spans the values that show
        if (v.hidden.size()) shown = v.hidden.select(std::numeric_limits<double>::quiet_NaN(), m);
        const ColorScale scale = fill_scale(*set.fill_from, shown, v.probabilities, targets[0].id, scales);
        over_targets(values_of(m, v.hidden, scale, set.fill_from->mark), setter("fill"));
    }
    return out;
}

}  // namespace attnreel
