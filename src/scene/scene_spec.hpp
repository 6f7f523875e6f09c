#pragma once
// SceneSpec: what a scene file says, as plain validated values. The loader (io/) builds it
// from YAML; compile (timeline/compile_scene) turns it into a Scene. Every value that can
// go wrong later (a reference, a layout target) keeps the SourceMark it came from.
#include "core/color.hpp"
#include "core/color_scale.hpp"
#include "core/error.hpp"
#include "core/geometry.hpp"
#include "core/rate_functions.hpp"
#include "core/token_palette.hpp"
#include "core/weight_expression.hpp"
#include "attention/data_spec.hpp"
#include "attention/model_path.hpp"
#include "math/math_ast.hpp"
#include "scene/chart_spec.hpp"
#include "scene/head_grid_spec.hpp"
#include "scene/matrix_spec.hpp"
#include "scene/panel_spec.hpp"
#include "text/markup.hpp"
#include "text/paragraph.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <variant>
#include <vector>

namespace attnreel {

// A reference to an object by id ("title", "row[1]", "arrows.labels"), with its place.
struct Ref {
    std::string id;
    SourceMark mark;
};

// A point given literally or as another object's centre.
using PointOrRef = std::variant<Vec2, Ref>;

// A font file the scene adds, with where the scene names it.
struct FontFile {
    std::string path;
    SourceMark mark;
};

struct SceneSettings {
    int width = 1920;
    int height = 1080;
    double fps = 30;
    Color background{0x0f / 255.0, 0x17 / 255.0, 0x2a / 255.0, 1};
    std::vector<FontFile> fonts;  // extra font files, tried in order when a glyph is missing
    bool extend_to_audio = false;      // the video lasts until every sound has finished
    bool reserve_lower_third = false;  // the lower third holds content: burnt-in captions go to the top
    std::uint64_t seed = 0;       // what randomness a scene shows (flow's particles) derives from it
};

// --- object kinds -------------------------------------------------------------------------
struct RectangleSpec { double width = 2, height = 1, corner_radius = 0; };
struct CircleSpec { double radius = 1; };
struct DotSpec { double radius = 0.08; };
struct LineSpec { PointOrRef from, to; double buff = 0; };
struct ArrowSpec {
    PointOrRef from, to;
    double buff = 0;
    double arc_degrees = 0;  // > 0 bends to the left of the direction of travel
    std::optional<double> tip_length;
    std::optional<double> tip_width;  // across the tip's base; none: from its length and the stroke
};
struct PathSpec {
    std::vector<Vec2> points;
    bool closed = false;
    bool smooth = false;  // Catmull-Rom through the points instead of straight segments
};
struct BezierSpec { std::vector<Vec2> points; bool closed = false; };  // p0 c1 c2 p1 c1 c2 p2 ...
// How a text's {path:format} placeholder prints its value: Python's format mini-language,
// the part lessons need (`.2f`, `.1%`, `.3e`, `d`, `s`).
struct ValueFormat {
    enum class Kind { fixed, percent, exponent, integer, name };
    Kind kind = Kind::fixed;
    int decimals = 2;
    std::string written;  // as written after the ':' ("" when none), for messages
};
// A {path:format} placeholder of a text: the model value it shows once the scene compiles.
struct TextValue {
    attention::PathRef path;
    ValueFormat format;
    SourceMark format_mark;
    std::size_t begin = 0, end = 0;  // the bytes of content.text it takes, braces included
};
struct TextSpec {
    text::StyledText content;  // the markup parsed: plain text and its styled runs
    std::vector<TextValue> values;  // {path:format} placeholders in content.text, in order
    double font_size = 48;     // em size in pixels at 1080p
    std::string font = "sans";
    std::optional<double> width;  // wrap width in scene units; none: one line per line of the content
    text::Align align = text::Align::Center;
    double line_spacing = 1.15;   // baseline distance, in natural line heights of `font`
    // Added to the defaults: the font's own features for prose, text::as_written_features()
    // for code (a mono face, a <tt> span).
    text::FontFeatures font_features;
    SourceMark mark;              // of the text's value, for warnings about what it holds
};
// A named piece of a formula: every place its TeX text occurs, as one addressable group.
struct FormulaPart {
    std::string name;  // the id suffix: "<formula>.<name>"
    std::string tex;   // a substring of the formula's source
    SourceMark mark;
};
struct FormulaColor {
    std::string part;  // a part's name, or a TeX substring (which then becomes a part of that name)
    Color color;
    SourceMark mark;
};
struct MathSpec {
    std::string tex;
    math::MathList formula;    // parsed when loaded, so `check` reports syntax errors
    double font_size = 48;     // em size in pixels at 1080p, as text
    bool display = true;       // TeX's display style; false: text (inline) style
    std::string font = "math"; // needs an OpenType MATH table
    std::vector<FormulaPart> parts;
    std::vector<FormulaColor> colors;
    SourceMark mark;           // of the formula's value
};
struct GroupSpec { std::vector<Ref> children; };
// A box fitted around another object (a cell, a row, a token, a formula's part), as
// Manim's SurroundingRectangle: `buff` from its bounds on every side.
struct SurroundSpec {
    Ref target;
    double buff = 0.1;
    double corner_radius = 0.05;
};
struct TokenRowSpec {
    std::vector<std::string> tokens;
    std::vector<int> highlight;  // indices of tokens drawn highlighted
    double font_size = 40;
    std::string font = "sans";  // the labels' face
    text::FontFeatures font_features = text::as_written_features();  // tokens show as written
    double buff = 0.3;          // gap between boxes
    TokenPalette palette = default_token_palette();  // each token's colour: its outline, a tint of its box
    // Given, they win over the tokens' colours for every box; else the boxes take them.
    std::optional<Color> box_fill, box_stroke;
    Color highlight_color{0xf5 / 255.0, 0x9e / 255.0, 0x0b / 255.0, 1};
    Color label_color{0.945, 0.961, 0.976, 1};  // labels of tokens not highlighted
};
struct AttentionArrowsSpec {
    Ref row;                    // a token_row
    int source = 0;             // token index the arrows leave from
    SourceMark source_mark;
    std::vector<double> weights;  // one per token, or taken from the model:
    // "model.layer[0].head[1]": row `source` of that matrix; or a vector path, taken whole
    std::optional<attention::PathRef> weights_path;
    SourceMark weights_mark;
    std::string weights_source;  // the path of the weights' vector once taken from the model (labels' provenance)
    double min_width = 1, width_per_weight = 5;  // stroke width = min_width + width_per_weight * w
    Color low{0x7c / 255.0, 0x8a / 255.0, 0x9e / 255.0, 1};  // colour at w = 0
    Color high{0xff / 255.0, 0x2d / 255.0, 0x2d / 255.0, 1};  // colour at w = 1
    bool labels = true;          // weight labels at the top of each arc
    Color label_background{0x0f / 255.0, 0x17 / 255.0, 0x2a / 255.0, 1};  // behind the labels
    double label_font_size = 28;
    std::string label_font = "mono";  // digits of one width line up
    int decimals = 2;
    std::optional<bool> above;   // side: above (true) or below the row; none: above unless only below has room
    std::optional<double> arc_height;  // apex height of an arc to a neighbour; none: from the room there is
};

// The weights of connections between tokens (attention_graph, attention_network): rows are
// the sources (queries), columns the targets (keys); −inf marks a masked pair. Written in the
// file or taken from the model when the scene compiles.
struct ConnectionWeights {
    std::vector<std::vector<double>> values;
    std::optional<attention::PathRef> path;  // "model.layer[0].head[1]"
    SourceMark mark;                         // of `weights`
    std::string source;                      // the canonical path once taken from the model (provenance)
    std::vector<std::string> row_tokens, column_tokens;  // the model's queries and keys (path without slices)
};

// Attention as a bipartite graph (widgets/attention_graph.hpp).
struct AttentionGraphSpec {
    ConnectionWeights weights;
    std::vector<std::string> sources, targets;  // empty: the model's tokens (targets: the sources)
    SourceMark sources_mark, targets_mark;
    bool down = false;            // direction: right (sources in a column on the left) or down (rows)
    double spacing = 5;           // between the two sides' boxes
    double extent = 6;            // the longest side at most this long; the font shrinks to fit
    double font_size = 40;
    std::string font = "sans";
    text::FontFeatures font_features = text::as_written_features();  // tokens show as written
    WeightExpression width = WeightExpression::parse("8*w");          // stroke width of a line
    WeightExpression opacity = WeightExpression::parse("0.3 + 0.6*w");  // its opacity
    std::optional<Color> color;   // none: the head's colour (core/head_palette)
    std::optional<int> head, layer;  // for the colour and the legend; none: from the path
    double min_weight = 0.01;     // fainter lines are left out
    bool legend = true;
    // The tokens' colours: `palette` cycled over each side, `colors` for single sources (a
    // target showing the same token takes its colour). Empty: neutral boxes.
    TokenPalette palette = default_token_palette();
};

// Tokens as a force-directed network (widgets/attention_network.hpp).
struct AttentionNetworkSpec {
    ConnectionWeights weights;
    std::vector<std::string> tokens;  // empty: the model's tokens
    SourceMark tokens_mark;
    double width = 9, height = 5.6;   // the box the nodes are laid out in, centred on the origin
    double font_size = 26;
    std::string font = "sans";
    text::FontFeatures font_features = text::as_written_features();  // tokens show as written
    double min_weight = 0.08;         // weaker edges (by mutual weight) are left out
    WeightExpression edge_width = WeightExpression::parse("2 + 14*w");
    WeightExpression edge_opacity = WeightExpression::parse("0.35 + 0.65*w");
    std::optional<Color> color;       // edges; none: the head's colour
    std::optional<int> head;
    double node_min = 0.14, node_max = 0.42;  // node radius at the least and most attention received
    int clusters = 0;                 // groups of nodes by mutual attention; 0: none
    bool hulls = true;                // clusters: a tinted hull behind each group (besides the colour)
    std::uint64_t seed = 1;           // the layout's starting positions
    // Node colours: token i's own colour (`colors`), else the palette's colour of its
    // cluster (or of i without clusters); hulls take their cluster's. Empty: neutral nodes.
    TokenPalette palette = default_token_palette();
};

// A matrix drawn as a grid of coloured cells (widgets/heatmap.hpp).
struct HeatmapSpec {
    // The numbers, rows × columns; −inf marks a masked cell. Written in the file, or taken
    // from the model when the scene compiles (masked cells from the head's mask):
    std::vector<std::vector<double>> values;
    std::optional<attention::PathRef> matrix_path;  // "model.layer[0].head[1].scaled_scores"
    SourceMark values_mark;                  // of `values` or `matrix`
    std::vector<SourceMark> row_marks;       // of each row of `values`
    std::string values_source;  // the path of the numbers once taken from the model (cells' provenance)
    bool values_is_vector = false;  // the path names a vector, shown as one row: its entries are [j]
    std::vector<std::string> row_labels, column_labels;  // empty: no labels
    SourceMark rows_mark, columns_mark;
    // The labels' token colours (core/token_palette.hpp); empty: the neutral label colour.
    TokenPalette row_palette, column_palette;
    std::optional<double> cell_size;        // the pitch of the grid, gap included; none: 0.6, or
                                            // less so the grid is at most 7 units across
    std::optional<double> gap;              // between cells; none: 8 % of the pitch
    SourceMark gap_mark;
    std::optional<bool> numbers;            // each cell's value printed in it; none: when legible
    int decimals = 2;
    std::string number_font = "mono";
    std::optional<Color> number_color;      // none: dark or light, whichever reads on the cell
    std::optional<double> label_font_size;  // row and column labels; none: fitted to the cell
    text::FontFeatures font_features = text::as_written_features();  // of the labels: shown as written
    std::optional<double> column_label_angle;  // degrees; none: 0, or 90 when labels would touch
    bool legend = false;                    // a colour bar beside the grid
    // low, high, range, mid, blend (core/color_scale.hpp); range none: the values' own
    // min and max ([0, 1] for a model's weights).
    ColorScaleSpec scale;
    SourceMark range_mark;
};

using ObjectKindSpec = std::variant<RectangleSpec, CircleSpec, DotSpec, LineSpec, ArrowSpec, PathSpec, BezierSpec,
                                    TextSpec, MathSpec, GroupSpec, TokenRowSpec, AttentionArrowsSpec, HeatmapSpec,
                                    BarChartSpec, SoftmaxBarsSpec, LineChartSpec, PanelSpec, CalloutSpec, NoteSpec,
                                    VectorSpec, MatrixSpec, HeadGridSpec, SurroundSpec, AttentionGraphSpec,
                                    AttentionNetworkSpec>;

// --- layout helpers, applied in the order written -------------------------------------------
struct MoveTo { PointOrRef where; };
struct Shift { Vec2 by; };
struct NextTo { Ref target; Vec2 direction{1, 0}; double buff = 0.25; };
struct ToEdge { Vec2 direction{0, 1}; double buff = 0.5; };
struct ToCorner { Vec2 direction{-1, 1}; double buff = 0.5; };
struct Arrange { Vec2 direction{1, 0}; double buff = 0.25; std::string align = "center"; };
struct AlignTo { Ref target; Vec2 direction{-1, 0}; };
struct ScaleBy { double factor = 1; };
// `in: panel, at: top_left`: inside a panel's padding, against the edges `at` names
// ((−1, 1) is the top left, (0, 0) the centre), shrunk to fit when larger than the room.
struct PlaceIn { Ref panel; Vec2 at{0, 0}; };
// A turn, counter-clockwise in degrees, about the object's centre or another point.
struct Rotate {
    double degrees = 0;
    std::optional<PointOrRef> about_point;
};
using LayoutOp = std::variant<MoveTo, Shift, NextTo, ToEdge, ToCorner, Arrange, AlignTo, ScaleBy, PlaceIn, Rotate>;

struct StyleSpec {
    std::optional<Color> color, fill, stroke;
    std::optional<double> fill_opacity, stroke_width, stroke_opacity, opacity;
    std::optional<int> z;
};

struct ObjectSpec {
    std::string id;
    SourceMark mark;  // of the entry
    ObjectKindSpec kind;
    StyleSpec style;
    std::vector<std::pair<LayoutOp, SourceMark>> layout;
};

// --- timeline -------------------------------------------------------------------------------
enum class AnimationKind {
    Create, Write, FadeIn, FadeOut, GrowArrow, GrowFromCenter, Transform, Set, Indicate, Select, Focus, Unfocus,
    Flow, MoveAlong
};

// A value for each member of a `set` target: a list mirrors the target's members (a
// heatmap's rows of cells, a token row's tokens, a group's children), nested lists
// theirs; ~ (monostate) leaves a member as it is.
struct MemberValues {
    std::variant<std::monostate, Color, double, std::vector<MemberValues>> value;
    SourceMark mark;
};

// `fill_from`: each member's fill from a model matrix or vector, through a colour scale.
struct FillFrom {
    attention::PathRef path;
    SourceMark mark;
    ColorScaleSpec scale;  // unset parts: the target heatmap's own scale, else the defaults
};

// select: light the connections of one token of a graph or network, dim the rest.
struct SelectSpec {
    std::optional<std::string> source;  // a token's text or index; none ("all"): every connection lit again
    SourceMark source_mark;
    double dim = 0.12;                  // opacity of the connections not selected
};

// flow: particles travelling along connections, their number and speed following the weight.
struct FlowSpec {
    double particles = 4;              // particles on a path at once, at weight 1
    double speed = 2.4;                // scene units per second, at weight 1
    double size = 0.07;                // particle radius at weight 1
    std::optional<Color> color;        // none: the connection's colour, lightened
    std::optional<double> weight;      // for paths that carry no weight (1 when not given)
    bool reverse = false;              // from the path's end to its start (values flowing back)
};

// Properties `set` animates to; unset ones keep their value.
struct SetSpec {
    StyleSpec style;
    // Style keys given as lists: the property's name ("fill", "stroke_width"…) and a value
    // per member.
    std::vector<std::pair<std::string, MemberValues>> members;
    std::optional<FillFrom> fill_from;
    std::optional<Vec2> shift;
    std::optional<PointOrRef> move_to;
    std::optional<double> scale;
    std::optional<Rotate> rotate;  // about the targets' common centre unless about_point
};

struct AnimationSpec {
    AnimationKind kind;
    SourceMark mark;
    std::vector<Ref> targets;
    std::optional<Ref> transform_to;   // transform: the object the targets become
    std::optional<Vec2> shift;          // fade_in / fade_out
    SetSpec set;
    std::optional<double> run_time;
    bool run_time_narration = false;     // `run_time: narration`: as long as the step's speech
    std::optional<RateFunction> rate;
    std::optional<double> lag_ratio;
    std::optional<double> scale_factor;  // indicate
    std::optional<Color> color;          // indicate
    // select: the thumbnail (empty: `select` is about a graph's token, `select` below) of a head grid (`head: 2`) or a layer stack (`layer: 1`)
    std::string select_what;             // "head" or "layer"
    int select_index = 0;
    std::optional<double> dim;           // focus: the opacity factor of everything else
    std::optional<Ref> within;           // focus: dim only the rest of this object
    SelectSpec select;                   // select on a graph or network
    FlowSpec flow;
    std::optional<Ref> along;            // move_along: the path
};

struct PlayStep {
    std::vector<AnimationSpec> animations;
    std::optional<double> run_time;
    bool run_time_narration = false;  // `run_time: narration`
    std::optional<RateFunction> rate;
    std::optional<double> lag_ratio;
};
struct WaitStep {
    double seconds = 1;
    bool narration = false;  // `wait: narration`: as long as the step's speech
};
struct AddStep { std::vector<Ref> targets; };
struct RemoveStep { std::vector<Ref> targets; };
// A named place in the timeline: the section runs from here to the next one (or the end),
// and `attnreel render --section NAME` renders it alone.
struct SectionStep {
    std::string name;
    SourceMark mark;  // of the name
};
using StepKind = std::variant<PlayStep, WaitStep, AddStep, RemoveStep, SectionStep>;

// What is said during a step: the caption, and the text draft speech reads.
struct SaySpec {
    std::string text;
    SourceMark mark;
    std::optional<std::string> audio;  // a recorded voice file that replaces the draft speech
    SourceMark audio_mark;
};

struct StepSpec {
    StepKind step;
    SourceMark mark;
    std::optional<SaySpec> say;
};

// `narration:`: each say: is spoken by eSpeak NG into the soundtrack.
struct NarrationSpec {
    std::string voice = "en";
    SourceMark voice_mark;
    int words_per_minute = 175;
    double volume = 1;
};

// An entry of `audio:`: a sound file placed on the scene's clock.
struct AudioTrackSpec {
    std::string file;  // resolved against the scene file's folder
    SourceMark mark;   // of the file name
    double at = 0;     // seconds, or:
    std::optional<int> step;  // the start of timeline step `step` (from 0)
    SourceMark step_mark;
    double volume = 1;
    double fade_in = 0, fade_out = 0;
    bool extend_to_audio = false;  // the video lasts until this sound ends
};

// The `data:` block: the tokens and the attention models whose numbers objects show.
using attention::DataSpec;

struct SceneSpec {
    std::string file;  // the path it was loaded from
    std::string name;  // file stem; default output name
    SceneSettings settings;
    DataSpec data;
    std::vector<ObjectSpec> objects;
    std::vector<StepSpec> timeline;
    std::optional<NarrationSpec> narration;
    std::vector<AudioTrackSpec> audio;
};

}  // namespace attnreel
