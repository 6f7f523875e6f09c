#pragma once
// SceneSpec: what a scene file says, as plain validated values. The loader (io/) builds it
// from YAML; compile (timeline/compile_scene) turns it into a Scene. Every value that can
// go wrong later (a reference, a layout target) keeps the SourceMark it came from.
#include "core/color.hpp"
#include "core/error.hpp"
#include "core/geometry.hpp"
#include "core/rate_functions.hpp"
#include "core/weight_expression.hpp"
#include "attention/data_spec.hpp"
#include "attention/model_path.hpp"
#include "math/math_ast.hpp"
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
};
struct PathSpec {
    std::vector<Vec2> points;
    bool closed = false;
    bool smooth = false;  // Catmull-Rom through the points instead of straight segments
};
struct BezierSpec { std::vector<Vec2> points; bool closed = false; };  // p0 c1 c2 p1 c1 c2 p2 ...
struct TextSpec {
    text::StyledText content;  // the markup parsed: plain text and its styled runs
    double font_size = 48;     // em size in pixels at 1080p
    std::string font = "sans";
    std::optional<double> width;  // wrap width in scene units; none: one line per line of the content
    text::Align align = text::Align::Center;
    double line_spacing = 1.15;   // baseline distance, in natural line heights of `font`
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
};
struct GroupSpec { std::vector<Ref> children; };
struct TokenRowSpec {
    std::vector<std::string> tokens;
    std::vector<int> highlight;  // indices of tokens drawn highlighted
    double font_size = 40;
    std::string font = "sans";  // the labels' face
    double buff = 0.3;          // gap between boxes
    Color box_fill{0x1e / 255.0, 0x29 / 255.0, 0x3b / 255.0, 1};
    Color box_stroke{0x47 / 255.0, 0x55 / 255.0, 0x69 / 255.0, 1};
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
    WeightExpression width = WeightExpression::parse("8*w");          // stroke width of a line
    WeightExpression opacity = WeightExpression::parse("0.3 + 0.6*w");  // its opacity
    std::optional<Color> color;   // none: the head's colour (core/head_palette)
    std::optional<int> head, layer;  // for the colour and the legend; none: from the path
    double min_weight = 0.01;     // fainter lines are left out
    bool legend = true;
};

// Tokens as a force-directed network (widgets/attention_network.hpp).
struct AttentionNetworkSpec {
    ConnectionWeights weights;
    std::vector<std::string> tokens;  // empty: the model's tokens
    SourceMark tokens_mark;
    double width = 9, height = 5.6;   // the box the nodes are laid out in, centred on the origin
    double font_size = 26;
    std::string font = "sans";
    double min_weight = 0.08;         // weaker edges (by mutual weight) are left out
    WeightExpression edge_width = WeightExpression::parse("2 + 14*w");
    WeightExpression edge_opacity = WeightExpression::parse("0.35 + 0.65*w");
    std::optional<Color> color;       // edges; none: the head's colour
    std::optional<int> head;
    double node_min = 0.14, node_max = 0.42;  // node radius at the least and most attention received
    int clusters = 0;                 // groups of nodes by mutual attention; 0: none
    bool hulls = true;                // clusters: a tinted hull behind each group (besides the colour)
    std::uint64_t seed = 1;           // the layout's starting positions
};

// A matrix drawn as a grid of coloured cells (widgets/heatmap.hpp).
struct HeatmapSpec {
    // The numbers, rows × columns; −inf marks a masked cell. Written in the file, or taken
    // from the model when the scene compiles (masked cells from the head's mask):
    std::vector<std::vector<double>> values;
    std::optional<attention::PathRef> matrix_path;  // "model.layer[0].head[1].scaled_scores"
    SourceMark values_mark;                  // of `values` or `matrix`
    std::string values_source;  // the path of the numbers once taken from the model (cells' provenance)
    bool values_is_vector = false;  // the path names a vector, shown as one row: its entries are [j]
    std::vector<std::string> row_labels, column_labels;  // empty: no labels
    SourceMark rows_mark, columns_mark;
    double cell_size = 0.6;                 // the pitch of the grid, gap included
    bool numbers = true;                    // each cell's value printed in it
    int decimals = 2;
    std::optional<double> label_font_size;  // row and column labels; none: fitted to the cell
    Color low{0x1e / 255.0, 0x29 / 255.0, 0x3b / 255.0, 1};   // colour at range.min
    Color high{0x38 / 255.0, 0xbd / 255.0, 0xf8 / 255.0, 1};  // colour at range.max
    std::optional<std::pair<double, double>> range;  // none: the values' own min and max
    SourceMark range_mark;
};

using ObjectKindSpec = std::variant<RectangleSpec, CircleSpec, DotSpec, LineSpec, ArrowSpec, PathSpec, BezierSpec,
                                    TextSpec, MathSpec, GroupSpec, TokenRowSpec, AttentionArrowsSpec, HeatmapSpec,
                                    AttentionGraphSpec, AttentionNetworkSpec>;

// --- layout helpers, applied in the order written -------------------------------------------
struct MoveTo { PointOrRef where; };
struct Shift { Vec2 by; };
struct NextTo { Ref target; Vec2 direction{1, 0}; double buff = 0.25; };
struct ToEdge { Vec2 direction{0, 1}; double buff = 0.5; };
struct ToCorner { Vec2 direction{-1, 1}; double buff = 0.5; };
struct Arrange { Vec2 direction{1, 0}; double buff = 0.25; std::string align = "center"; };
struct AlignTo { Ref target; Vec2 direction{-1, 0}; };
struct ScaleBy { double factor = 1; };
using LayoutOp = std::variant<MoveTo, Shift, NextTo, ToEdge, ToCorner, Arrange, AlignTo, ScaleBy>;

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
    Create, Write, FadeIn, FadeOut, GrowArrow, GrowFromCenter, Transform, Set, Indicate, Select, Flow, MoveAlong
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
    std::optional<Vec2> shift;
    std::optional<PointOrRef> move_to;
    std::optional<double> scale;
};

struct AnimationSpec {
    AnimationKind kind;
    SourceMark mark;
    std::vector<Ref> targets;
    std::optional<Ref> transform_to;   // transform: the object the targets become
    std::optional<Vec2> shift;          // fade_in / fade_out
    SetSpec set;
    std::optional<double> run_time;
    std::optional<RateFunction> rate;
    std::optional<double> lag_ratio;
    std::optional<double> scale_factor;  // indicate
    std::optional<Color> color;          // indicate
    SelectSpec select;
    FlowSpec flow;
    std::optional<Ref> along;            // move_along: the path
};

struct PlayStep {
    std::vector<AnimationSpec> animations;
    std::optional<double> run_time;
    std::optional<RateFunction> rate;
    std::optional<double> lag_ratio;
};
struct WaitStep { double seconds = 1; };
struct AddStep { std::vector<Ref> targets; };
struct RemoveStep { std::vector<Ref> targets; };
using StepKind = std::variant<PlayStep, WaitStep, AddStep, RemoveStep>;

struct StepSpec {
    StepKind step;
    SourceMark mark;
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
};

}  // namespace attnreel
