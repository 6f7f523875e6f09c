#include "widgets/bar_chart.hpp"

#include "text/shape.hpp"
#include "widgets/chart_axis.hpp"
#include "widgets/number_text.hpp"

#include <algorithm>
#include <cmath>

namespace attnreel {

namespace {

constexpr double kBarShare = 0.62;     // of a slot, for the bar's thickness
constexpr double kMaxThickness = 1.1;  // units
constexpr double kLabelGap = 0.14;     // between the plot and the category labels, a bar and its value
constexpr std::size_t kMaxBars = 256;

bool is_masked(double v) { return v == -INFINITY; }

// The axis a chart's values need: the spec's range, [0, 1] for probabilities, else the
// values with the baseline (0) included on a linear scale.
ValueAxis value_axis(const BarChartSpec& spec) {
    const bool percent = spec.format.percent;
    if (spec.range) return nice_axis(spec.range->first, spec.range->second, spec.scale, percent, true);
    if (spec.values.probabilities && spec.scale == AxisScale::Linear) return nice_axis(0, 1, spec.scale, percent, true);
    double lo = INFINITY, hi = -INFINITY;
    for (double v : spec.values.values)
        if (!is_masked(v)) {
            lo = std::min(lo, v);
            hi = std::max(hi, v);
        }
    if (lo > hi) lo = hi = 0;  // every value masked
    if (spec.scale == AxisScale::Linear) {
        lo = std::min(lo, 0.0);
        hi = std::max(hi, 0.0);
    }
    return nice_axis(lo, hi, spec.scale, percent);
}

// The number every value label is set in, shrunk so that the widest fits its slot.
double value_font_size(SceneFonts& fonts, const BarChartSpec& spec, double slot, const SourceMark& mark) {
    const double size = spec.font_size * 0.9;
    if (spec.horizontal) return size;
    const auto glyphs = number_glyphs(fonts, "mono", size, mark);
    double widest = 0;
    for (double v : spec.values.values) widest = std::max(widest, number_width(*glyphs, format_number(v, spec.format)));
    return widest > 0.96 * slot ? std::max(size * 0.96 * slot / widest, size * 0.5) : size;
}

double label_font_size(WidgetBuilder& b, const BarChartSpec& spec, const std::vector<std::string>& labels,
                       double slot) {
    if (spec.horizontal) return spec.font_size;
    double widest = 0;
    for (const auto& l : labels)
        widest = std::max(widest, leaf_bounds(b.text(l, spec.font_size, "sans", {}, {})).width());
    return widest > 0.94 * slot ? std::max(spec.font_size * 0.94 * slot / widest, spec.font_size * 0.5) : spec.font_size;
}

}  // namespace

Path bar_path(const Vec2& base, const Vec2& direction, double length, double thickness, double radius) {
    const Vec2 d = direction, n(-direction.y(), direction.x());
    const double r = std::clamp(radius, 0.0, std::min(thickness / 2, std::max(length, 0.0) / 2));
    const double k = 0.5522847498 * r;
    const Vec2 foot_left = base - n * (thickness / 2), foot_right = base + n * (thickness / 2);
    const Vec2 top_left = foot_left + d * length, top_right = foot_right + d * length;
    Path p;
    p.move_to(foot_left);
    p.line_to(top_left - d * r);
    p.cubic_to(top_left - d * (r - k), top_left + n * (r - k), top_left + n * r);
    p.line_to(top_right - n * r);
    p.cubic_to(top_right - n * (r - k), top_right - d * (r - k), top_right - d * r);
    p.line_to(foot_right);
    p.close();
    return p;
}

void check_series(const NumberSeries& values, AxisScale scale, const SourceMark& scale_mark) {
    if (values.values.empty()) throw InputError(values.mark, "the series is empty: a chart needs at least one value");
    if (values.values.size() > kMaxBars)
        throw InputError(values.mark, "a chart shows at most " + std::to_string(kMaxBars) + " values; this series has " +
                                          std::to_string(values.values.size()));
    if (scale != AxisScale::Log) return;
    for (std::size_t i = 0; i < values.values.size(); ++i)
        if (!(values.values[i] > 0) && !is_masked(values.values[i]))
            throw InputError(values.mark, "a log axis needs values above 0, and value " + std::to_string(i) +
                                              (values.source_of(i).empty() ? "" : " (" + values.source_of(i) + ")") +
                                              " is " + format_number(values.values[i], 4) +
                                              "; use a linear scale (scale: linear, at " + scale_mark.to_string() + ")");
}

std::vector<std::string> category_labels(const Labels& labels, const NumberSeries& values) {
    const std::size_t n = values.values.size();
    if (labels.given) {
        if (labels.names.size() != n)
            throw InputError(labels.mark, "expected " + count_of(n, "label") + ", one per value, found " +
                                              std::to_string(labels.names.size()));
        return labels.names;
    }
    if (values.keys.size() == n) return values.keys;
    std::vector<std::string> out;
    for (std::size_t i = 0; i < n; ++i) out.push_back(std::to_string(i));
    return out;
}

std::size_t build_bar_chart(ObjectTable& table, SceneFonts& fonts, const std::string& id, const BarChartSpec& spec,
                            const SourceMark& mark) {
    using namespace widget_colors;
    check_series(spec.values, spec.scale, spec.scale_mark);
    const std::vector<std::string> labels = category_labels(spec.labels, spec.values);
    if (spec.range && spec.scale == AxisScale::Log && spec.range->first <= 0)
        throw InputError(spec.range_mark, "a log axis needs a range above 0");
    WidgetBuilder b(table, fonts, id, mark, "bar_chart");
    const ValueAxis axis = value_axis(spec);
    const std::size_t n = spec.values.values.size();

    // Along: where values grow; across: where the categories follow one another.
    const Vec2 along = spec.horizontal ? Vec2(1, 0) : Vec2(0, 1);
    const Vec2 across = spec.horizontal ? Vec2(0, -1) : Vec2(1, 0);
    const double value_length = spec.horizontal ? spec.width : spec.height;
    const double category_length = spec.horizontal ? spec.height : spec.width;
    const Vec2 corner(-spec.width / 2, spec.horizontal ? spec.height / 2 : -spec.height / 2);  // axis.min, first slot
    const Vec2 axis_origin = spec.horizontal ? Vec2(-spec.width / 2, -spec.height / 2) : corner;
    const double slot = category_length / double(n);
    const double thickness = std::min(kMaxThickness, kBarShare * slot);
    const double baseline_value = spec.scale == AxisScale::Log ? axis.min : std::clamp(0.0, axis.min, axis.max);
    auto along_at = [&](double v) { return value_length * std::clamp(axis.fraction(v), 0.0, 1.0); };
    const double base = along_at(baseline_value);

    std::vector<std::size_t> members;
    AxisPlacement placement;
    placement.origin = axis_origin;
    placement.along = along;
    placement.length = value_length;
    placement.across = spec.horizontal ? Vec2(0, 1) : Vec2(1, 0);
    placement.grid_length = spec.grid ? category_length : 0;
    const double tick_size = spec.font_size * 0.8;
    members.push_back(build_value_axis(b, ".axis", axis, placement, tick_size));

    // The category axis: a line at the baseline across the plot.
    const Vec2 base_start = corner + along * base;
    Object baseline = b.outline(polyline_path({base_start, base_start + across * category_length}, false), kAxis, 2);
    members.push_back(b.add(std::move(baseline), ".baseline"));

    const double label_size = label_font_size(b, spec, labels, slot);
    const auto glyphs = number_glyphs(fonts, "mono", value_font_size(fonts, spec, slot, mark), mark);
    const double value_half_height = glyphs->digit_height / 2;
    std::vector<std::size_t> bars, values, label_leaves, singles;
    for (std::size_t i = 0; i < n; ++i) {
        const double v = spec.values.values[i];
        const Vec2 slot_base = corner + across * (slot * (double(i) + 0.5));
        const Vec2 foot = slot_base + along * base;
        const double length = is_masked(v) ? 0 : along_at(v) - base;
        const Vec2 direction = length >= 0 ? along : Vec2(-along);
        const Color colour = spec.colors.empty() ? spec.color : spec.colors[i % spec.colors.size()];
        Object bar = b.shape(bar_path(foot, direction, std::abs(length), thickness, std::min(0.06, thickness / 4)),
                             colour);
        bar.grow_from = GrowFrom{foot, direction};
        const std::string place = indices({i});
        const std::size_t bar_index = b.add(std::move(bar), ".bar" + place);
        bars.push_back(bar_index);

        // The value beyond the bar's end, centred on the bar (vertical) or after it (horizontal).
        const Vec2 tip = foot + direction * std::abs(length);
        const double reach = spec.horizontal ? kLabelGap : kLabelGap + value_half_height;
        const double align = spec.horizontal ? (direction.x() > 0 ? 0 : 1) : 0.5;
        // A masked entry reads −∞, or 0 among probabilities (the weight the mask leaves it).
        const double shown = is_masked(v) && spec.values.probabilities ? 0.0 : v;
        Object value = make_number_object("", mark, glyphs, shown, spec.format, tip + direction * reach, align);
        value.style.fill = is_masked(v) ? kMasked : kLabel;
        value.number->create_from_value = is_masked(shown) ? shown : baseline_value;
        value.number->create_from_at = Similarity::translation(foot + direction * reach);
        if (!spec.values.source_of(i).empty())
            value.shown.push_back({format_number(shown, spec.format), spec.values.source_of(i)});
        const std::size_t value_index = b.add(std::move(value), ".value" + place);
        if (spec.value_labels) values.push_back(value_index);

        // The category label beyond the plot's edge (below it, or left of it).
        Anchor anchor;
        if (spec.horizontal) {
            anchor.at = Vec2(-spec.width / 2 - kLabelGap, slot_base.y());
            anchor.align = 1;
        } else {
            anchor.at = Vec2(slot_base.x(), -spec.height / 2 - kLabelGap - 0.6 * text::font_size_to_em(label_size));
        }
        Object label_text = b.text(labels[i], label_size, "sans", kLabel, anchor);
        label_text.match_key = "bar_chart .label" + place + "=" + labels[i];  // another word cross-fades
        const std::size_t label = b.add(std::move(label_text), ".label" + place);
        label_leaves.push_back(label);
        std::vector<std::size_t> single = {bar_index, label};
        if (spec.value_labels) single.insert(single.begin() + 1, value_index);
        singles.push_back(b.group(place, single));
    }
    members.push_back(b.group(".labels", label_leaves));
    members.push_back(b.group(".bars", bars));
    if (spec.value_labels) members.push_back(b.group(".values", values));
    if (!spec.title.empty()) {
        // Above the value axis's far end (vertical), or under the axis's labels (horizontal).
        Anchor anchor;
        const double em = text::font_size_to_em(spec.font_size);
        if (spec.horizontal) anchor.at = Vec2(0, -spec.height / 2 - 0.08 - 2.4 * text::font_size_to_em(tick_size) - 0.6 * em);
        else {
            anchor.at = Vec2(-spec.width / 2, spec.height / 2 + 0.42 + 0.6 * em);
            anchor.align = 0;
        }
        Object title = b.text(spec.title, spec.font_size, "sans", kMuted, anchor);
        title.match_key = "bar_chart .title=" + spec.title;
        members.push_back(b.add(std::move(title), ".title"));
    }
    return b.group("", members);
}

}  // namespace attnreel
