#include "widgets/line_chart.hpp"

#include "text/shape.hpp"
#include "widgets/bar_chart.hpp"
#include "widgets/chart_axis.hpp"
#include "widgets/number_text.hpp"

#include <algorithm>
#include <cmath>

namespace attnreel {

namespace {

constexpr double kMarkerRadius = 0.065;
constexpr double kLineWidth = 4;
constexpr double kLabelGap = 0.16;
constexpr double kMaxXLabels = 12;  // more points than this: every k-th is labelled

bool is_masked(double v) { return v == -INFINITY; }

ValueAxis y_axis(const LineChartSpec& spec) {
    if (spec.range) return nice_axis(spec.range->first, spec.range->second, spec.scale, false, true);
    double lo = INFINITY, hi = -INFINITY;
    bool probabilities = true;
    for (const auto& s : spec.series) {
        probabilities = probabilities && s.values.probabilities;
        for (double v : s.values.values)
            if (!is_masked(v)) {
                lo = std::min(lo, v);
                hi = std::max(hi, v);
            }
    }
    if (lo > hi) lo = hi = 0;
    if (probabilities && spec.scale == AxisScale::Linear) return nice_axis(0, 1, spec.scale, false, true);
    // Non-negative figures (entropy, distance, weights) read best from a zero baseline.
    if (spec.scale == AxisScale::Linear && lo >= 0) lo = 0;
    return nice_axis(lo, hi, spec.scale, false);
}

// Whether the line rises from point i to each neighbour it has (masked ones break the line).
bool valley(const std::vector<double>& values, std::size_t i) {
    bool any = false;
    for (const std::size_t j : {i - 1, i + 1}) {
        if (j >= values.size() || is_masked(values[j])) continue;  // i - 1 wraps past 0 to a huge index
        if (values[j] <= values[i]) return false;
        any = true;
    }
    return any;
}

// Arc-length fractions of `points` along the polyline through them.
std::vector<double> fractions_along(const std::vector<Vec2>& points) {
    std::vector<double> acc(points.size(), 0.0);
    for (std::size_t i = 1; i < points.size(); ++i) acc[i] = acc[i - 1] + (points[i] - points[i - 1]).norm();
    const double total = acc.empty() ? 0 : acc.back();
    for (double& a : acc) a = total > 0 ? a / total : 0;
    return acc;
}

}  // namespace

std::size_t build_line_chart(ObjectTable& table, SceneFonts& fonts, const std::string& id, const LineChartSpec& spec,
                             const SourceMark& mark) {
    using namespace widget_colors;
    std::size_t points = 0;
    for (const auto& s : spec.series) {
        check_series(s.values, spec.scale, spec.scale_mark);
        points = std::max(points, s.values.values.size());
    }
    if (spec.range && spec.scale == AxisScale::Log && spec.range->first <= 0)
        throw InputError(spec.range_mark, "a log axis needs a range above 0");
    // x labels: given (one per point), else the first series' tokens, else indices from x_start.
    NumberSeries longest;
    for (const auto& s : spec.series)
        if (s.values.values.size() == points) {
            longest = s.values;
            break;
        }
    std::vector<std::string> x_labels;
    if (spec.x_labels.given) {
        x_labels = category_labels(spec.x_labels, longest);
    } else if (longest.keys.size() == points) {
        x_labels = longest.keys;
    } else {
        for (std::size_t i = 0; i < points; ++i) x_labels.push_back(format_number(spec.x_start + double(i), 0));
    }

    WidgetBuilder b(table, fonts, id, mark, "line_chart");
    const ValueAxis axis = y_axis(spec);
    const double left = -spec.width / 2, bottom = -spec.height / 2;
    // Points sit in the middle of equal slots, clear of the axes at both ends.
    auto x_at = [&](std::size_t i) { return left + spec.width * (double(i) + 0.5) / double(points); };
    auto y_at = [&](double v) { return bottom + spec.height * std::clamp(axis.fraction(v), -0.05, 1.05); };
    const double tick_size = spec.font_size * 0.8;
    const double em = text::font_size_to_em(spec.font_size);

    std::vector<std::size_t> members;
    AxisPlacement placement;
    placement.origin = Vec2(left, bottom);
    placement.along = Vec2(0, 1);
    placement.length = spec.height;
    placement.across = Vec2(1, 0);
    placement.grid_length = spec.grid ? spec.width : 0;
    members.push_back(build_value_axis(b, ".axis", axis, placement, tick_size));

    // The x axis: a line along the bottom, a tick and label at every k-th point.
    std::vector<std::size_t> x_parts;
    x_parts.push_back(b.add(b.outline(polyline_path({Vec2(left, bottom), Vec2(-left, bottom)}, false), kAxis, 2),
                            ".x_axis.line"));
    const std::size_t every = static_cast<std::size_t>(std::ceil(double(points) / kMaxXLabels));
    const double x_label_y = bottom - 0.08 - 0.12 - 0.6 * text::font_size_to_em(tick_size);
    for (std::size_t i = 0; i < points; i += every) {
        const double x = x_at(i);
        const std::string name = ".x_axis.tick" + indices({i});
        const std::size_t m =
            b.add(b.outline(polyline_path({Vec2(x, bottom), Vec2(x, bottom - 0.08)}, false), kAxis, 2), name + ".mark");
        const std::size_t l = b.add(b.text(x_labels[i], tick_size, "sans", kMuted, {Vec2(x, x_label_y), 0.5}),
                                    name + ".label");
        x_parts.push_back(b.group(name, {m, l}));
    }
    members.push_back(b.group(".x_axis", x_parts));
    if (!spec.x_title.empty())
        members.push_back(b.add(b.text(spec.x_title, spec.font_size, "sans", kMuted,
                                       {Vec2(0, x_label_y - 0.6 * text::font_size_to_em(tick_size) - 0.2 - 0.6 * em), 0.5}),
                                ".x_title"));
    if (!spec.y_title.empty())
        members.push_back(b.add(b.text(spec.y_title, spec.font_size, "sans", kMuted,
                                       {Vec2(left, spec.height / 2 + 0.3 + 0.6 * em), 0}),
                                ".y_title"));

    // Series names at their lines' ends, nudged apart so that none overlaps another.
    struct EndLabel {
        std::size_t series;
        Vec2 at;
    };
    std::vector<EndLabel> ends;
    const auto glyphs = number_glyphs(fonts, "mono", spec.font_size * 0.75, mark);
    for (std::size_t k = 0; k < spec.series.size(); ++k) {
        const LineSeriesSpec& s = spec.series[k];
        const Color colour = s.color.value_or(head_colors()[k % head_colors().size()]);
        const std::string name = ".series" + indices({k});
        std::vector<Vec2> line_points;
        std::vector<std::size_t> point_of(s.values.values.size(), 0);  // value i's place in line_points
        Path line;
        bool pen_down = false;
        for (std::size_t i = 0; i < s.values.values.size(); ++i) {
            const double v = s.values.values[i];
            if (is_masked(v)) {  // a gap in the line
                pen_down = false;
                continue;
            }
            const Vec2 p(x_at(i), y_at(v));
            if (pen_down) line.line_to(p);
            else line.move_to(p);
            pen_down = true;
            point_of[i] = line_points.size();
            line_points.push_back(p);
        }
        std::vector<std::size_t> parts;
        Object stroke = b.outline(line, colour, kLineWidth);
        parts.push_back(b.add(std::move(stroke), name + ".line"));
        const std::vector<double> along = fractions_along(line_points);
        if (spec.markers && !line_points.empty()) {
            Object dots = b.shape(Path{}, colour);
            dots.parts.clear();
            for (const Vec2& p : line_points) dots.parts.push_back(circle_path(p, kMarkerRadius));
            dots.reveal_at = along;
            parts.push_back(b.add(std::move(dots), name + ".markers"));
        }
        if (spec.value_labels) {
            for (std::size_t i = 0; i < s.values.values.size(); ++i) {
                const double v = s.values.values[i];
                if (is_masked(v)) continue;
                const NumberFormat format{spec.decimals, false};
                // Above the point, unless the line rises away from it on every side it has
                // (a valley, or an end below its neighbour): there the line would cross it.
                const double offset = kMarkerRadius + 0.1 + glyphs->digit_height / 2;
                const bool below = valley(s.values.values, i);
                Object value = make_number_object("", mark, glyphs, v, format,
                                                  Vec2(x_at(i), y_at(v) + (below ? -offset : offset)));
                value.style.fill = kLabel;
                // Shown when the line reaches its point, as the markers are.
                value.reveal_at.assign(value.parts.size(), along[point_of[i]]);
                if (!s.values.source_of(i).empty())
                    value.shown.push_back({format_number(v, format), s.values.source_of(i)});
                parts.push_back(b.add(std::move(value), name + ".value" + indices({i})));
            }
        }
        if (!s.label.empty() && !line_points.empty()) {
            ends.push_back({k, line_points.back() + Vec2(kLabelGap, 0)});
            parts.push_back(0);  // the label's place, filled below
        }
        members.push_back(b.group(name, parts));
    }
    // Labels one line apart at least, in the order of their lines' ends.
    std::sort(ends.begin(), ends.end(), [](const EndLabel& a, const EndLabel& c) { return a.at.y() < c.at.y(); });
    const double spacing = 1.25 * text::font_size_to_em(spec.font_size * 0.9);
    for (std::size_t e = 1; e < ends.size(); ++e)
        ends[e].at.y() = std::max(ends[e].at.y(), ends[e - 1].at.y() + spacing);
    for (const EndLabel& e : ends) {
        const LineSeriesSpec& s = spec.series[e.series];
        const Color colour = s.color.value_or(head_colors()[e.series % head_colors().size()]);
        const std::string name = ".series" + indices({e.series});
        const std::size_t label =
            b.add(b.text(s.label, spec.font_size * 0.9, "sans", colour, {e.at, 0}), name + ".label");
        Object& group = table[*table.find(id + name)];
        group.children.back() = label;
    }
    return b.group("", members);
}

}  // namespace attnreel
