#include "widgets/softmax_bars.hpp"

#include "attention/softmax.hpp"
#include "text/shape.hpp"
#include "widgets/bar_chart.hpp"
#include "widgets/number_text.hpp"

#include <algorithm>
#include <cmath>

namespace attnreel {

namespace {

constexpr double kLabelGap = 0.25;  // between the token labels and the first stage
constexpr double kValueGap = 0.12;  // between a bar's end and its number
constexpr double kArrowRoom = 1.1;  // between two stages
constexpr double kBarShare = 0.62;  // of a row, for a bar's thickness

bool is_masked(double v) { return v == -INFINITY; }

// One stage's layout: where its bars start, how long 1.0 is, and its widest number.
struct Stage {
    std::string name;
    double x = 0;            // left edge
    double zero = 0;         // where value 0 is, from x
    double unit = 1;         // length of 1.0
    double number_width = 0;
};

}  // namespace

SoftmaxStages softmax_stages(const std::vector<double>& scores) {
    const Eigen::Index n = static_cast<Eigen::Index>(scores.size());
    Eigen::MatrixXd row(1, n);
    attention::Mask allowed(1, n);
    for (Eigen::Index j = 0; j < n; ++j) {
        allowed(0, j) = !is_masked(scores[j]);
        row(0, j) = allowed(0, j) ? scores[j] : 0;
    }
    const Eigen::MatrixXd weights = attention::softmax_rows(row, allowed);
    SoftmaxStages s;
    for (Eigen::Index j = 0; j < n; ++j) {
        s.exps.push_back(allowed(0, j) ? std::exp(scores[j]) : 0);
        s.exp_sum += s.exps.back();
        s.weights.push_back(weights(0, j));
    }
    return s;
}

std::size_t build_softmax_bars(ObjectTable& table, SceneFonts& fonts, const std::string& id,
                               const SoftmaxBarsSpec& spec, const SourceMark& mark) {
    using namespace widget_colors;
    check_series(spec.scores, AxisScale::Linear, {});
    const std::vector<double>& scores = spec.scores.values;
    if (std::all_of(scores.begin(), scores.end(), is_masked))
        throw InputError(spec.scores.mark, "every score is masked (−∞): softmax needs at least one key to attend to");
    const std::vector<std::string> labels = category_labels(spec.labels, spec.scores);
    const SoftmaxStages stages = softmax_stages(scores);
    const std::size_t n = scores.size();

    WidgetBuilder b(table, fonts, id, mark, "softmax_bars");
    const double em = text::font_size_to_em(spec.font_size);
    const double thickness = kBarShare * spec.row_height;
    auto row_y = [&](std::size_t i) { return -double(i) * spec.row_height; };
    const auto glyphs = number_glyphs(fonts, "mono", spec.font_size * 0.85, mark);
    const NumberFormat number{spec.decimals, false}, percent{0, true};
    auto widest = [&](const std::vector<double>& values, const NumberFormat& f) {
        double w = 0;
        for (double v : values) w = std::max(w, number_width(*glyphs, format_number(v, f)));
        return w;
    };

    // Token labels, right-aligned at x = 0.
    std::vector<std::size_t> label_leaves;
    std::vector<std::vector<std::size_t>> rows(n);
    for (std::size_t i = 0; i < n; ++i) {
        const std::size_t l =
            b.add(b.text(labels[i], spec.font_size, "sans", kLabel, {Vec2(0, row_y(i)), 1}), ".label" + indices({i}));
        label_leaves.push_back(l);
        rows[i].push_back(l);
    }

    // Stage geometry: the scores' zero line sits where their negative part ends.
    double low = 0, high = 0, top_exp = 0;
    for (std::size_t j = 0; j < n; ++j)
        if (!is_masked(scores[j])) {
            low = std::min(low, scores[j]);
            high = std::max(high, scores[j]);
            top_exp = std::max(top_exp, stages.exps[j]);
        }
    Stage s1{"scores"}, s2{"exp"}, s3{"weights"};
    s1.x = kLabelGap;
    s1.unit = spec.bar_length / std::max(high - low, 1e-9);
    s1.zero = -low * s1.unit;
    s1.number_width = widest(scores, number);
    s2.x = s1.x + std::max(s1.zero, 0.0) + std::max(high, 0.0) * s1.unit + kValueGap + s1.number_width + kArrowRoom;
    s2.unit = spec.bar_length / top_exp;
    s2.number_width = widest(stages.exps, number);
    s3.x = s2.x + spec.bar_length + kValueGap + s2.number_width + kArrowRoom;
    s3.unit = spec.bar_length;  // weights on a 0–1 track
    s3.number_width = widest(stages.weights, percent);

    const double header_y = spec.row_height / 2 + 0.2 + 0.5 * em;
    const double footer_y = row_y(n - 1) - spec.row_height / 2 - 0.15 - 0.5 * em;
    std::vector<std::size_t> members{b.group(".labels", label_leaves)};

    // Bars and numbers of one stage; masked keys get no bar and a grey number.
    auto add_stage = [&](const Stage& s, const std::string& header_tex, const std::vector<double>& values,
                         const NumberFormat& format, const Color& colour, const std::vector<std::string>& sources) {
        std::vector<std::size_t> parts;
        const std::string name = "." + s.name;
        parts.push_back(b.formula(name + ".header", header_tex, spec.font_size * 1.3, kLabel,
                                  Vec2(s.x + spec.bar_length / 2, header_y)));
        if (s.name == "scores" && low < 0) {
            const double x0 = s.x + s.zero;
            const double top = spec.row_height / 2, bottom = row_y(n - 1) - spec.row_height / 2;
            parts.push_back(b.add(b.outline(polyline_path({Vec2(x0, top), Vec2(x0, bottom)}, false), kAxis, 2),
                                  name + ".axis"));
        }
        for (std::size_t j = 0; j < n; ++j) {
            const std::string place = indices({j});
            const double v = values[j];
            const bool masked = is_masked(scores[j]);
            const Vec2 foot(s.x + s.zero, row_y(j));
            if (s.name == "weights") {
                Object track = b.shape(bar_path(foot, Vec2(1, 0), spec.bar_length, thickness, 0.05), kGrid, 0.6);
                const std::size_t t = b.add(std::move(track), name + ".track" + place);
                parts.push_back(t);
                rows[j].push_back(t);
            }
            const double length = masked ? 0 : v * s.unit;
            const Vec2 direction = length >= 0 ? Vec2(1, 0) : Vec2(-1, 0);
            Object bar = b.shape(bar_path(foot, direction, std::abs(length), thickness, 0.05), colour);
            bar.grow_from = GrowFrom{foot, direction};
            const std::size_t bi = b.add(std::move(bar), name + ".bar" + place);
            // Numbers after the bar's end, or after the zero line for a negative score.
            const double reach = s.name == "weights" ? spec.bar_length : std::max(length, 0.0);
            const Vec2 anchor = foot + Vec2(reach + kValueGap, 0);
            const double shown = s.name == "scores" ? scores[j] : v;
            Object value = make_number_object("", mark, glyphs, shown, format, anchor, 0);
            value.style.fill = masked ? kMasked : kLabel;
            if (!masked) {
                // Counting up as the bar grows: riding its end, or in place at the end of a track.
                value.number->create_from_value = 0;
                if (s.name != "weights")
                    value.number->create_from_at = Similarity::translation(foot + Vec2(kValueGap, 0));
                else value.number->create_from_at = value.number->at;
            }
            if (j < sources.size() && !sources[j].empty())
                value.shown.push_back({format_number(shown, format), sources[j]});
            const std::size_t vi = b.add(std::move(value), name + ".value" + place);
            parts.push_back(bi);
            parts.push_back(vi);
            rows[j].push_back(bi);
            rows[j].push_back(vi);
        }
        return parts;
    };
    auto add_sum = [&](const Stage& s, double total, const NumberFormat& format, std::vector<std::size_t>& parts) {
        const std::string text = "\u03a3 = " + format_number(total, format);
        parts.push_back(b.add(b.text(text, spec.font_size * 0.9, "sans", kLabel,
                                     {Vec2(s.x + s.zero, footer_y), 0}),
                              "." + s.name + ".sum"));
    };
    // An arrow from one stage to the next, at the rows' middle, its caption above it.
    auto add_arrow = [&](const std::string& suffix, double x_from, double x_to, const std::string& caption) {
        const double y = (row_y(0) + row_y(n - 1)) / 2;
        Object arrow;
        arrow.shape = ObjectShape::Arrow;
        arrow.parts.push_back(polyline_path({Vec2(x_from + 0.15, y), Vec2(x_to - 0.15, y)}, false));
        arrow.style.stroke = kMuted;
        arrow.style.stroke_width = 3;
        arrow.tip_length = 0.14;
        const std::size_t a = b.add(std::move(arrow), suffix + ".arrow");
        const std::size_t c = b.add(b.text(caption, spec.font_size * 0.85, "sans", kMuted,
                                           {Vec2((x_from + x_to) / 2, y + 0.28), 0.5}),
                                    suffix + ".caption");
        return b.group(suffix, {a, c});
    };

    const double s1_end = s2.x - kArrowRoom, s2_end = s3.x - kArrowRoom;
    std::vector<std::size_t> scores_parts =
        add_stage(s1, "\\text{score } s_j", scores, number, spec.score_color, spec.scores.sources);
    members.push_back(b.group(".scores", scores_parts));
    members.push_back(add_arrow(".to_exp", s1_end, s2.x, "exp"));
    std::vector<std::size_t> exp_parts = add_stage(s2, "e^{s_j}", stages.exps, number, spec.exp_color, {});
    add_sum(s2, stages.exp_sum, number, exp_parts);
    members.push_back(b.group(".exp", exp_parts));
    members.push_back(add_arrow(".to_weights", s2_end, s3.x, "\u00f7 \u03a3"));
    std::vector<std::size_t> weight_parts =
        add_stage(s3, "\\text{weight } p_j", stages.weights, percent, spec.weight_color, spec.weight_sources);
    double total = 0;
    for (double w : stages.weights) total += w;
    add_sum(s3, total, percent, weight_parts);
    members.push_back(b.group(".weights", weight_parts));
    for (std::size_t i = 0; i < n; ++i) b.group(indices({i}), rows[i]);

    const std::size_t whole = b.group("", members);
    table.transform(whole, Similarity::translation(-table.bounds(whole).center()));
    return whole;
}

}  // namespace attnreel
