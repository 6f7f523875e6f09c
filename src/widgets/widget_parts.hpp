#pragma once
// What every widget builds from: groups, filled shapes, labels placed by an edge or their
// centre, formulas, the colours of a chart on a dark slide, and the text colour that
// reads best on a fill. A widget makes its objects through a WidgetBuilder, which names
// them under the widget's id and keys them for `transform` (a leaf's key is its place in
// the widget, so two widgets of one kind morph piece by piece).
#include "scene/object_table.hpp"
#include "scene/text_object.hpp"

#include <initializer_list>
#include <optional>
#include <string>
#include <vector>

namespace attnreel {

// Colours of labels, axes and grids on the default dark background.
namespace widget_colors {
inline const Color kLabel{0xcb / 255.0, 0xd5 / 255.0, 0xe1 / 255.0, 1};     // slate-300: labels
inline const Color kMuted{0x94 / 255.0, 0xa3 / 255.0, 0xb8 / 255.0, 1};     // slate-400: ticks, notes
inline const Color kAxis{0x64 / 255.0, 0x74 / 255.0, 0x8b / 255.0, 1};      // slate-500: axis lines
inline const Color kGrid{0x33 / 255.0, 0x41 / 255.0, 0x55 / 255.0, 1};      // slate-700: grid lines
inline const Color kMasked{0x64 / 255.0, 0x74 / 255.0, 0x8b / 255.0, 1};    // −∞ and what the mask hides
inline const Color kDarkText{0x0f / 255.0, 0x17 / 255.0, 0x2a / 255.0, 1};
inline const Color kLightText{0xf1 / 255.0, 0xf5 / 255.0, 0xf9 / 255.0, 1};
}  // namespace widget_colors

// The head palette of the user's design: blue, purple, pink, amber, green, cyan, red,
// indigo; series and heads without a colour of their own take them in turn.
const std::vector<Color>& head_colors();

// The fill of a value on a diverging map: `neutral` at 0, towards `positive` above it and
// `negative` below, fully at |value| ≥ max_abs (blended in OKLab).
Color signed_color(double value, double max_abs, const Color& negative, const Color& neutral, const Color& positive);

// "[2][3]".
std::string indices(std::initializer_list<std::size_t> list);
// "1 value", "2 values".
std::string count_of(std::size_t n, const std::string& word);
// The text colour (dark or light) with the better WCAG contrast on `fill`.
Color text_color_on(const Color& fill);
// `c` with its alpha multiplied by `factor`.
Color faded(Color c, double factor);

// Where a label sits relative to its anchor point: its ink's left edge, centre or right edge
// on the anchor's x (align 0, 0.5, 1), and its line box centred on the anchor's y.
struct Anchor {
    Vec2 at{0, 0};
    double align = 0.5;
};

class WidgetBuilder {
public:
    WidgetBuilder(ObjectTable& table, SceneFonts& fonts, std::string id, SourceMark mark, std::string kind);

    ObjectTable& table() { return table_; }
    SceneFonts& fonts() { return fonts_; }
    const std::string& id() const { return id_; }
    const SourceMark& mark() const { return mark_; }

    // Adds a leaf or group named id() + suffix, keyed "<kind> <suffix>" unless it has a key.
    std::size_t add(Object object, const std::string& suffix);
    // A group id() + suffix of `children`, in order (added already).
    std::size_t group(const std::string& suffix, std::vector<std::size_t> children);
    // A filled (and optionally outlined) shape.
    Object shape(Path path, const Color& fill, double fill_opacity = 1, std::optional<Color> stroke = std::nullopt,
                 double stroke_width = 0) const;
    // An outline only.
    Object outline(Path path, const Color& stroke, double stroke_width) const;
    // One line of text in `font`, placed by `anchor`.
    Object text(const std::string& content, double font_size, const std::string& font, const Color& color,
                const Anchor& anchor);
    // A formula (TeX) centred on `centre`, added as id() + suffix; its pieces are keyed by
    // what they are, as formulas are. Throws InputError at mark() for TeX it cannot read.
    std::size_t formula(const std::string& suffix, const std::string& tex, double font_size, const Color& color,
                        const Vec2& centre);

private:
    ObjectTable& table_;
    SceneFonts& fonts_;
    std::string id_;
    SourceMark mark_;
    std::string kind_;
};

// Moves a leaf built but not yet added.
void move_object(Object& o, const Vec2& by);

}  // namespace attnreel
