#include "widgets/widget_parts.hpp"

#include "math/tex_parser.hpp"
#include "scene/math_object.hpp"

#include <algorithm>
#include <cmath>

namespace attnreel {

namespace {

// WCAG relative luminance and contrast ratio.
double luminance(const Color& c) {
    auto linear = [](double u) { return u <= 0.04045 ? u / 12.92 : std::pow((u + 0.055) / 1.055, 2.4); };
    return 0.2126 * linear(c.r) + 0.7152 * linear(c.g) + 0.0722 * linear(c.b);
}

double contrast(const Color& a, const Color& b) {
    const double la = luminance(a), lb = luminance(b);
    return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

Color hex(unsigned rgb) { return {((rgb >> 16) & 0xff) / 255.0, ((rgb >> 8) & 0xff) / 255.0, (rgb & 0xff) / 255.0, 1}; }

}  // namespace

const std::vector<Color>& head_colors() {
    static const std::vector<Color> colors = {hex(0x3B82F6), hex(0x8B5CF6), hex(0xEC4899), hex(0xF59E0B),
                                              hex(0x10B981), hex(0x06B6D4), hex(0xEF4444), hex(0x6366F1)};
    return colors;
}

Color signed_color(double value, double max_abs, const Color& negative, const Color& neutral, const Color& positive) {
    const double t = max_abs > 0 ? std::clamp(std::abs(value) / max_abs, 0.0, 1.0) : 0.0;
    return mix_oklab(neutral, value < 0 ? negative : positive, t);
}

std::string indices(std::initializer_list<std::size_t> list) {
    std::string s;
    for (std::size_t k : list) {
        s += '[';
        s += std::to_string(k);
        s += ']';
    }
    return s;
}

std::string count_of(std::size_t n, const std::string& word) {
    if (n == 1) return "1 " + word;
    // "query" → "queries", but "key" → "keys".
    const bool y_to_ies = word.size() > 1 && word.back() == 'y' && std::string("aeiou").find(word[word.size() - 2]) == std::string::npos;
    return std::to_string(n) + " " + (y_to_ies ? word.substr(0, word.size() - 1) + "ies" : word + "s");
}

Color text_color_on(const Color& fill) {
    using namespace widget_colors;
    return contrast(kDarkText, fill) > contrast(kLightText, fill) ? kDarkText : kLightText;
}

Color faded(Color c, double factor) {
    c.a *= factor;
    return c;
}

void move_object(Object& o, const Vec2& by) { transform_leaf(o, Similarity::translation(by)); }

WidgetBuilder::WidgetBuilder(ObjectTable& table, SceneFonts& fonts, std::string id, SourceMark mark, std::string kind)
    : table_(table), fonts_(fonts), id_(std::move(id)), mark_(std::move(mark)), kind_(std::move(kind)) {}

std::size_t WidgetBuilder::add(Object object, const std::string& suffix) {
    object.id = id_ + suffix;
    object.mark = mark_;
    if (object.match_key.empty() && !object.is_group()) object.match_key = kind_ + " " + suffix;
    return table_.add(std::move(object));
}

std::size_t WidgetBuilder::group(const std::string& suffix, std::vector<std::size_t> children) {
    Object g;
    g.shape = ObjectShape::Group;
    g.children = std::move(children);
    return add(std::move(g), suffix);
}

Object WidgetBuilder::shape(Path path, const Color& fill, double fill_opacity, std::optional<Color> stroke,
                            double stroke_width) const {
    Object o;
    o.parts.push_back(std::move(path));
    o.style.fill = fill;
    o.style.fill_opacity = fill_opacity;
    o.style.stroke = stroke.value_or(fill);
    o.style.stroke_width = stroke ? stroke_width : 0;
    return o;
}

Object WidgetBuilder::outline(Path path, const Color& stroke, double stroke_width) const {
    Object o;
    o.parts.push_back(std::move(path));
    o.style.fill_opacity = 0;
    o.style.stroke = stroke;
    o.style.stroke_width = stroke_width;
    return o;
}

Object WidgetBuilder::text(const std::string& content, double font_size, const std::string& font, const Color& color,
                           const Anchor& anchor) {
    Object o = make_text_object(fonts_, "", content, font_size, font, mark_);
    const BBox ink = leaf_bounds(o);
    // Centred on the line box vertically (texts of one size share a baseline); by the ink
    // horizontally, so that a label's visible edge sits on the anchor.
    const double x = ink.empty() ? 0 : lerp(ink.min.x(), ink.max.x(), anchor.align);
    move_object(o, Vec2(anchor.at.x() - x, anchor.at.y()));
    o.style.fill = color;
    return o;
}

std::size_t WidgetBuilder::formula(const std::string& suffix, const std::string& tex, double font_size,
                                   const Color& color, const Vec2& centre) {
    MathSpec spec;
    spec.tex = tex;
    try {
        spec.formula = math::parse_tex(tex);
    } catch (const math::TexError& e) {
        throw InputError(mark_, std::string("in the formula '") + tex + "': " + e.what());
    }
    spec.font_size = font_size;
    spec.display = false;
    const BuiltObject built = build_math_object(table_, fonts_, id_ + suffix, spec, mark_);
    for (std::size_t leaf : table_.leaves(built.index)) {
        table_[leaf].style.fill = color;
        table_[leaf].mark = mark_;
        table_[leaf].match_key = kind_ + " " + suffix + " " + table_[leaf].match_key;
    }
    table_.transform(built.index, Similarity::translation(centre));
    return built.index;
}

}  // namespace attnreel
