#include "widgets/heatmap_parts.hpp"

#include "core/path.hpp"
#include "text/shape.hpp"
#include "widgets/number_text.hpp"

#include <algorithm>

namespace attnreel::heatmap_parts {

namespace {

constexpr int kStops = 32;             // gradient stops: OKLab's path, to the eye
constexpr double kMaxBarHeight = 4.5;  // units; a tall grid gets a bar this tall, centred
constexpr double kTickFontSize = 24;

}  // namespace

std::size_t add_legend(ObjectTable& table, SceneFonts& fonts, const std::string& id, const HeatmapSpec& spec,
                       const ColorScale& scale, const Grid& grid, const SourceMark& mark) {
    Object legend = group(id + ".legend", mark);
    const double height = std::min(2 * grid.half_height(), kMaxBarHeight);
    const double width = std::clamp(0.4 * grid.pitch, 0.16, 0.3);
    const double left = grid.half_width() + std::max(0.25, 0.5 * grid.pitch);
    const auto [lo, hi] = scale.range;
    // One rectangle filled bottom (low) to top (high) through the scale, sampled finely
    // enough that OKLab's curve between the ends survives the sRGB steps between stops.
    Object bar;
    bar.id = legend.id + ".bar";
    bar.mark = mark;
    bar.match_key = key("legend.bar");
    bar.parts.push_back(rectangle_path({left + width / 2, 0}, width, height, 0));
    auto gradient = std::make_shared<Gradient>();
    gradient->from = {0, -height / 2};
    gradient->to = {0, height / 2};
    for (int k = 0; k <= kStops; ++k)
        gradient->stops.emplace_back(double(k) / kStops, scale.at(lo + (hi - lo) * k / kStops));
    bar.style.fill = scale.at((lo + hi) / 2);
    bar.style.gradient = std::move(gradient);
    bar.style.fill_opacity = 1;
    bar.style.stroke_width = 0;
    legend.children.push_back(table.add(std::move(bar)));

    // The values at the ends, and at the centre of a diverging scale.
    std::vector<double> ticks = {hi};
    if (scale.mid_color && lo < scale.mid && scale.mid < hi) ticks.push_back(scale.mid);
    ticks.push_back(lo);
    const double size = spec.label_font_size.value_or(kTickFontSize);
    for (std::size_t k = 0; k < ticks.size(); ++k) {
        const std::string text = format_number(ticks[k], spec.decimals);
        Object tick = make_text_object(fonts, legend.id + ".ticks" + indices({k}), text, size, "mono", mark);
        const BBox ink = leaf_bounds(tick);
        const double y = -height / 2 + height * (hi > lo ? (ticks[k] - lo) / (hi - lo) : 0.5);
        for (auto& p : tick.parts)
            p = p.transformed(Similarity::translation({left + width + 0.12 - ink.min.x(), y - ink.center().y()}));
        tick.style.fill = kLabelColor;
        tick.match_key = key("legend.ticks" + indices({k}) + "=" + text);
        legend.children.push_back(table.add(std::move(tick)));
    }
    return table.add(std::move(legend));
}

}  // namespace attnreel::heatmap_parts
