#pragma once
// Scene objects after compile: plain values with geometry in absolute scene units. Leaves
// carry paths; groups carry the indices of their children.
#include "core/color.hpp"
#include "core/error.hpp"
#include "core/path.hpp"

#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace attnreel {

// Stroke widths use Manim's convention: width 1 = 0.01 scene units (1.35 px at 1080p).
constexpr double kStrokeWidthUnit = 0.01;

// A fill that runs through colours along a line (a legend's colour bar): at `from` the
// first stop's colour, at `to` the last's, mixed in sRGB between stops. Points are where
// the object's geometry is, and move with it.
struct Gradient {
    Vec2 from{0, 0}, to{0, 1};
    std::vector<std::pair<double, Color>> stops;  // offsets 0..1, increasing
    Gradient transformed(const Similarity& s) const { return {s.apply(from), s.apply(to), stops}; }
    bool operator==(const Gradient&) const = default;
};

struct Style {
    Color fill{1, 1, 1, 1};
    std::shared_ptr<const Gradient> gradient;  // set: the fill runs through it instead of `fill`
    double fill_opacity = 0;
    Color stroke{1, 1, 1, 1};
    double stroke_width = 4;
    double stroke_opacity = 1;

    bool has_fill() const { return fill_opacity > 0 && fill.a > 0; }
    bool has_stroke() const { return stroke_width > 0 && stroke_opacity > 0 && stroke.a > 0; }
    bool operator==(const Style&) const = default;
};

enum class ObjectShape { Plain, Text, Arrow, Group };

// A number or name that a leaf shows and the model path it was taken from (one entry:
// "model.layer[0].head[1].weights[2][0]"), so that tests and tools can check every number
// on screen against the model at the precision shown.
struct ShownValue {
    std::string text;  // as drawn: "0.42"
    std::string path;
    bool operator==(const ShownValue&) const = default;
};

// How a widget prints a number: fixed decimals, or a percentage of 1 ("45%").
struct NumberFormat {
    int decimals = 2;
    bool percent = false;
    bool operator==(const NumberFormat&) const = default;
};

// The glyphs numbers are set in (widgets/number_text.hpp): one face at one size.
struct NumberGlyphs;

// A leaf that shows a number (a value label of a chart, a matrix cell): its parts are the
// number set in `glyphs`, so that `transform` into another such leaf can count from one
// value to the other, setting each in-between value the same way.
struct NumberLabel {
    double value = 0;  // −inf: a masked entry ("−∞")
    NumberFormat format;
    std::shared_ptr<const NumberGlyphs> glyphs;
    double align = 0.5;  // 0: the number starts at the anchor; 0.5: centred on it; 1: ends at it
    Similarity at;       // where the anchor is (its offset) and the scale the glyphs are drawn at
    // `create` counts up from this value, travelling from `create_from_at` (a bar's value
    // label rising with its bar); none: create writes the number as text.
    std::optional<double> create_from_value;
    Similarity create_from_at;
};

// A bar: `create` grows it out of the line through `base` along `direction` (a unit vector),
// as a bar grows from its axis, instead of drawing its outline.
struct GrowFrom {
    Vec2 base{0, 0};
    Vec2 direction{0, 1};
};

// A connection a widget drew between two tokens (a graph's line, a network's edge, an
// attention arrow): the tokens it joins and the weight it shows. `select` lights the links
// of one token; `flow` sends particles along them by their weight.
struct Link {
    int from = -1, to = -1;  // token indices (source, target)
    double weight = 1;
    bool directed = true;    // false: a network's edge, selected from either end
    bool operator==(const Link&) const = default;
};

// The words a text object shows, shared by all its leaves (a text's colour spans, a
// formula's pieces): SVG output groups their outlines under one <title> for screen readers.
// Equal when the words are, whichever object they come from.
struct AltText {
    std::shared_ptr<const std::string> words;
    explicit operator bool() const { return words != nullptr; }
    bool same_object(const AltText& other) const { return words == other.words; }
    bool operator==(const AltText& other) const {
        return words == other.words || (words && other.words && *words == *other.words);
    }
};

struct Object {
    std::string id;
    SourceMark mark;
    ObjectShape shape = ObjectShape::Plain;
    // Leaves: one path per part (a glyph of a text, the outline of a shape). Arrows: parts[0]
    // is the centre line from tail to tip; the tip is drawn at its end.
    std::vector<Path> parts;
    double tip_length = 0;       // arrows: the tip's length along the line, before capping
    double tip_width = 0;        // arrows: across the tip's base; 0: from its length and the stroke
    std::vector<std::size_t> children;  // groups
    Style style;
    int z = 0;
    // What `transform` matches between two formulas ("Q", "\frac"…) or two heatmaps (a
    // cell's place): when every leaf of both sides has one, pieces pair up by it.
    std::string match_key;
    std::vector<ShownValue> shown;  // what it shows from a model (a text: each {path} it fills, on its leaf or group); empty for typed numbers
    std::optional<NumberLabel> number;  // the number its parts spell, for counting transforms
    std::optional<GrowFrom> grow_from;  // bars
    // `create` shows part k once the animation is `reveal_at[k]` of the way through (a line
    // chart's markers, as the line reaches them); empty: every part together.
    std::vector<double> reveal_at;
    // A label printed on a box (a token's text, a heatmap cell's number, an arrow weight on
    // its pill): the box's index. Animations that recolour both keep the label readable.
    std::optional<std::size_t> on_box;
    std::optional<Link> link;       // connections between tokens
    // Groups: the lag_ratio that create, write, fade_in and grow animations of this group use
    // when the step gives none (a graph's lines come one source at a time).
    double stagger = 0;
    // Widgets of tokens (a graph's sources, a network's nodes): the tokens' texts, in order,
    // so that `select` can name a token by its text.
    std::vector<std::string> tokens;
    AltText alt_text;  // text leaves: the words they spell; none for shapes

    bool is_group() const { return shape == ObjectShape::Group; }
};

// What building an entry made: its object, and the leaves whose own colour (a span of a
// text's markup, a formula's part) wins over the entry's style.
struct BuiltObject {
    std::size_t index = 0;
    std::vector<std::pair<std::size_t, Color>> own_colors;
};

// The tip of an arrow whose centre line is `length` long: never more than a third of the
// line, so short arrows keep their proportions.
double capped_tip_length(double tip_length, double line_length);
// Default tip length for a stroke width: thicker arrows get larger tips.
double tip_length_for_width(double stroke_width);

}  // namespace attnreel
