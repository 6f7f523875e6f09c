#include "widgets/head_diagram.hpp"

#include "text/shape.hpp"
#include "widgets/vector_boxes.hpp"

#include <algorithm>
#include <cmath>

namespace attnreel {

namespace {

constexpr double kCell = 0.2;       // a square of the diagram's vectors
constexpr double kStep = 0.42;      // vertical room for an arrow
const Color kPink{0xec / 255.0, 0x48 / 255.0, 0x99 / 255.0, 1};
const Color kPurple{0x8b / 255.0, 0x5c / 255.0, 0xf6 / 255.0, 1};
const Color kSky{0x38 / 255.0, 0xbd / 255.0, 0xf8 / 255.0, 1};

double max_abs_of(const std::vector<double>& values) {
    double m = 0;
    for (double v : values) m = std::max(m, std::abs(v));
    return m > 0 ? m : 1;
}

// A vector of small squares (no numbers) added under `id`, centred at `centre`.
std::size_t squares(WidgetBuilder& b, const std::string& suffix, const HeadGridSpec::Vector& v,
                    const std::vector<Color>& colors, double max_abs, const Vec2& centre) {
    VectorSpec spec;
    spec.values.values = v.values;
    for (std::size_t i = 0; i < v.values.size(); ++i) spec.values.sources.push_back(v.source + indices({i}));
    spec.embedding = true;
    spec.numbers = false;
    spec.cell_size = kCell;
    spec.colors = colors;
    spec.max_abs = max_abs;
    const std::size_t index = build_vector(b.table(), b.fonts(), b.id() + suffix, spec, b.mark());
    b.table().transform(index, Similarity::translation(centre - b.table().bounds(index).center()));
    return index;
}

Object arrow(const Vec2& from, const Vec2& to) {
    Object a;
    a.shape = ObjectShape::Arrow;
    a.parts.push_back(polyline_path({from, to}, false));
    a.style.stroke = widget_colors::kMuted;
    a.style.stroke_width = 2.5;
    a.tip_length = 0.12;
    return a;
}

}  // namespace

std::size_t build_head_diagram(WidgetBuilder& b, const HeadGridSpec& spec, const BBox& grid) {
    using namespace widget_colors;
    ObjectTable& table = b.table();
    const std::size_t heads = spec.head_outputs.size();
    const double x = grid.center().x();
    std::vector<std::size_t> members;

    // Row 1: each head's output, side by side.
    double heads_max = 0;
    for (const auto& h : spec.head_outputs) heads_max = std::max(heads_max, max_abs_of(h.values));
    const double width_each = kCell * double(spec.head_outputs.empty() ? 0 : spec.head_outputs[0].values.size());
    const double gap = 0.3;
    const double row_width = double(heads) * width_each + double(heads - 1) * gap;
    double y = grid.min.y() - 0.35 - kCell / 2;
    std::vector<Vec2> feet;
    std::vector<Color> concat_colors;
    for (std::size_t h = 0; h < heads; ++h) {
        const Color colour = spec.items[h].color;
        const Vec2 centre(x - row_width / 2 + width_each / 2 + double(h) * (width_each + gap), y);
        members.push_back(squares(b, ".diagram.head" + indices({h}), spec.head_outputs[h],
                                  std::vector<Color>(spec.head_outputs[h].values.size(), colour), heads_max, centre));
        feet.push_back(centre - Vec2(0, kCell / 2 + 0.05));
        concat_colors.insert(concat_colors.end(), spec.head_outputs[h].values.size(), colour);
    }

    // Concatenate: a pink box holding the heads' outputs end to end.
    const double concat_width = kCell * double(spec.concat.values.size());
    const double box_width = std::max(concat_width, 2.0) + 0.4;
    const double em = text::font_size_to_em(spec.font_size);
    const double concat_height = 0.16 + 1.2 * em + kCell + 0.18;
    const double concat_top = y - kCell / 2 - kStep;
    std::vector<std::size_t> arrows;
    for (std::size_t h = 0; h < heads; ++h)
        arrows.push_back(b.add(arrow(feet[h], Vec2(x + (feet[h].x() - x) * 0.25, concat_top + 0.04)),
                               ".diagram.arrow" + indices({h})));
    members.push_back(b.group(".diagram.arrows", arrows));
    const Vec2 concat_centre(x, concat_top - concat_height / 2);
    Object box = b.shape(rectangle_path(concat_centre, box_width, concat_height, 0.1), kPink, 0.1, kPink, 2.5);
    const std::size_t concat_box = b.add(std::move(box), ".diagram.concat.box");
    const std::size_t concat_title = b.add(b.text("Concatenate", spec.font_size, "sans-semibold", kPink,
                                                  {Vec2(x, concat_top - 0.1 - 0.6 * em), 0.5}),
                                           ".diagram.concat.title");
    const std::size_t concat_vector =
        squares(b, ".diagram.concat.vector", spec.concat, concat_colors, max_abs_of(spec.concat.values),
                Vec2(x, concat_top - 0.16 - 1.2 * em - kCell / 2));
    members.push_back(b.group(".diagram.concat", {concat_box, concat_title, concat_vector}));

    // W_O: a purple box, the linear projection.
    const double wo_top = concat_top - concat_height - kStep;
    const double wo_height = 0.5;
    const std::size_t a1 = b.add(arrow(Vec2(x, concat_top - concat_height - 0.04), Vec2(x, wo_top + 0.04)),
                                 ".diagram.w_o.arrow");
    Object wo = b.shape(rectangle_path(Vec2(x, wo_top - wo_height / 2), box_width, wo_height, 0.1), kPurple, 0.1,
                        kPurple, 2.5);
    const std::size_t wo_box = b.add(std::move(wo), ".diagram.w_o.box");
    const std::size_t wo_label = b.formula(".diagram.w_o.formula", "\\times\\, W_O", spec.font_size * 1.2, kLabel,
                                           Vec2(x, wo_top - wo_height / 2));
    members.push_back(b.group(".diagram.w_o", {a1, wo_box, wo_label}));

    // The output of multi-head attention for the token.
    const double out_y = wo_top - wo_height - kStep - kCell / 2;
    const std::size_t a2 = b.add(arrow(Vec2(x, wo_top - wo_height - 0.04), Vec2(x, out_y + kCell / 2 + 0.05)),
                                 ".diagram.output.arrow");
    const std::size_t out_vector = squares(b, ".diagram.output.vector", spec.output,
                                           std::vector<Color>(spec.output.values.size(), kSky),
                                           max_abs_of(spec.output.values), Vec2(x, out_y));
    const BBox out_box = table.bounds(out_vector);
    const std::string token = spec.queries.empty() ? "" : spec.queries[spec.token.value_or(int(spec.queries.size()) - 1)];
    const std::size_t out_label = b.add(b.text("output of \u201c" + token + "\u201d", spec.font_size * 0.9, "sans",
                                               kMuted, {Vec2(x, out_box.min.y() - 0.12 - 0.6 * em), 0.5}),
                                        ".diagram.output.label");
    members.push_back(b.group(".diagram.output", {a2, out_vector, out_label}));
    return b.group(".diagram", members);
}

}  // namespace attnreel
