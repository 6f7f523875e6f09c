#include "widgets/vector_boxes.hpp"

#include "text/shape.hpp"
#include "widgets/number_text.hpp"

#include <algorithm>
#include <cmath>

namespace attnreel {

namespace {

constexpr double kGapRatio = 0.1;      // between boxes, of the pitch
constexpr double kLabelGap = 0.22;     // between the label and the boxes
constexpr std::size_t kMaxEntries = 512;
constexpr int kLegendSteps = 24;
const Color kBlue{0x3b / 255.0, 0x82 / 255.0, 0xf6 / 255.0, 1};
const Color kNeutral{0x1e / 255.0, 0x29 / 255.0, 0x3b / 255.0, 1};
const Color kBoxEdge{0x47 / 255.0, 0x55 / 255.0, 0x69 / 255.0, 1};

bool is_masked(double v) { return v == -INFINITY; }

// What an entry prints: its value, or −∞ where masked (0 among probabilities: the weight
// the mask leaves a hidden key, as charts and matrices print it).
double shown_value(const VectorSpec& spec, double v) { return is_masked(v) && spec.values.probabilities ? 0.0 : v; }

Color positive_of(const VectorSpec& spec) { return spec.positive.value_or(kBlue); }

}  // namespace

double vector_max_abs(const VectorSpec& spec) {
    if (spec.max_abs) return *spec.max_abs;
    double m = 0;
    for (double v : spec.values.values)
        if (!is_masked(v)) m = std::max(m, std::abs(v));
    return m > 0 ? m : 1;
}

Color vector_color(const VectorSpec& spec, double max_abs, double value, std::size_t i) {
    if (is_masked(value)) return kNeutral;
    const Color positive = i < spec.colors.size() ? spec.colors[i] : positive_of(spec);
    return signed_color(value, max_abs, spec.negative, kNeutral, positive);
}

double fitted_number_size(SceneFonts& fonts, const std::vector<std::string>& texts, double width, double height,
                          const SourceMark& mark) {
    constexpr double kProbe = 100;
    const auto glyphs = number_glyphs(fonts, "mono", kProbe, mark);
    double widest = 0;
    for (const auto& t : texts) widest = std::max(widest, number_width(*glyphs, t));
    if (widest <= 0) return kProbe * height / std::max(glyphs->digit_height, 1e-9);
    return kProbe * std::min(width / widest, height / glyphs->digit_height);
}

std::size_t build_vector(ObjectTable& table, SceneFonts& fonts, const std::string& id, const VectorSpec& spec,
                         const SourceMark& mark) {
    using namespace widget_colors;
    const std::vector<double>& values = spec.values.values;
    const std::size_t n = values.size();
    if (n == 0) throw InputError(spec.values.mark, "the vector is empty: expected at least one number");
    if (n > kMaxEntries)
        throw InputError(spec.values.mark, "a vector shows at most " + std::to_string(kMaxEntries) + " entries; this one has " +
                                               std::to_string(n));
    WidgetBuilder b(table, fonts, id, mark, spec.embedding ? "embedding" : "vector");
    const double pitch = spec.cell_size, side = pitch * (1 - kGapRatio);
    const double max_abs = vector_max_abs(spec);
    const Vec2 step = spec.column ? Vec2(0, -pitch) : Vec2(pitch, 0);
    const Vec2 first = -step * (double(n - 1) / 2);
    const NumberFormat format{spec.decimals, false};

    std::shared_ptr<const NumberGlyphs> glyphs;
    if (spec.numbers) {
        std::vector<std::string> texts;
        // Room for a minus sign on every number, so that vectors of like magnitudes side by
        // side (q, k and v) print at one size whatever their signs.
        for (double v : values) {
            const double shown = shown_value(spec, v);
            texts.push_back(is_masked(shown) ? format_number(shown, format)
                                             : "\u2212" + format_number(std::abs(shown), format));
        }
        glyphs = number_glyphs(fonts, "mono", fitted_number_size(fonts, texts, 0.8 * side, 0.3 * side, mark), mark);
    }
    std::vector<std::size_t> entries;
    for (std::size_t i = 0; i < n; ++i) {
        const std::string place = indices({i});
        const Vec2 centre = first + step * double(i);
        const Color fill = vector_color(spec, max_abs, values[i], i);
        Object box = b.shape(rectangle_path(centre, side, side, spec.embedding ? 0.05 : 0.08 * pitch), fill, 1, kBoxEdge,
                             spec.embedding ? 0 : 1.2);
        std::vector<std::size_t> cell{b.add(std::move(box), place + ".box")};
        if (spec.numbers) {
            Object value = make_number_object("", mark, glyphs, shown_value(spec, values[i]), format, centre);
            value.on_box = cell[0];  // indicate or set on the entry keeps the number readable
            value.style.fill = is_masked(values[i]) ? kMasked : text_color_on(fill);
            if (!spec.values.source_of(i).empty())
                value.shown.push_back({format_number(shown_value(spec, values[i]), format), spec.values.source_of(i)});
            cell.push_back(b.add(std::move(value), place + ".value"));
        }
        entries.push_back(b.group(place, cell));
    }
    std::vector<std::size_t> members;
    const double half_along = pitch * double(n) / 2;
    if (!spec.label.empty()) {
        const std::size_t label = b.formula(".label", spec.label, spec.font_size * 1.2, positive_of(spec), Vec2(0, 0));
        const BBox box = table.bounds(label);
        const Vec2 to = spec.column ? Vec2(0, half_along + kLabelGap + box.height() / 2)
                                    : Vec2(-half_along - kLabelGap - box.width() / 2, 0);
        table.transform(label, Similarity::translation(to - box.center()));
        members.push_back(label);
    }
    members.push_back(b.group(".boxes", entries));
    if (spec.legend) {
        // A colour bar from −max to +max under the boxes (right of a column), and its three numbers.
        const double width = std::clamp(pitch * double(n), 1.6, 3.0), height = 0.12;
        const Vec2 centre = spec.column ? Vec2(pitch / 2 + 0.35 + width / 2, 0) : Vec2(0, -pitch / 2 - 0.3);
        std::vector<std::size_t> legend;
        // A leaf has one colour, so each step of the bar is a leaf of its own.
        for (int k = 0; k < kLegendSteps; ++k) {
            const double v = max_abs * (-1 + 2 * (k + 0.5) / kLegendSteps);
            const double x = centre.x() - width / 2 + width * (k + 0.5) / kLegendSteps;
            Object step_box = b.shape(rectangle_path(Vec2(x, centre.y()), width / kLegendSteps + 0.002, height),
                                      vector_color(spec, max_abs, v));
            legend.push_back(b.add(std::move(step_box), ".legend.step" + indices({std::size_t(k)})));
        }
        const auto small = number_glyphs(fonts, "mono", 18, mark);
        const double y = centre.y() - height / 2 - 0.08 - small->digit_height / 2;
        const NumberFormat legend_format{std::max(1, std::min(spec.decimals, 2)), false};
        int k = 0;
        for (double v : {-max_abs, 0.0, max_abs}) {
            Object label = make_number_object("", mark, small, v, legend_format,
                                              Vec2(centre.x() + width / 2 * (v / max_abs), y));
            label.style.fill = kMuted;
            legend.push_back(b.add(std::move(label), ".legend.value" + indices({std::size_t(k++)})));
        }
        members.push_back(b.group(".legend", legend));
    }
    return b.group("", members);
}

}  // namespace attnreel
