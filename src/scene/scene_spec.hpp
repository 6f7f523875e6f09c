#pragma once
// SceneSpec: what a scene file says, as plain validated values. The loader (io/) builds it
// from YAML; compile (timeline/compile_scene) turns it into a Scene. Every value that can
// go wrong later (a reference, a layout target) keeps the SourceMark it came from.
#include "core/color.hpp"
#include "core/error.hpp"
#include "core/geometry.hpp"
#include "core/rate_functions.hpp"
#include "attention/data_spec.hpp"
#include "attention/model_path.hpp"
#include "math/math_ast.hpp"
#include "text/markup.hpp"
#include "text/paragraph.hpp"

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
                                    TextSpec, MathSpec, GroupSpec, TokenRowSpec, AttentionArrowsSpec, HeatmapSpec>;

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
    Create, Write, FadeIn, FadeOut, GrowArrow, GrowFromCenter, Transform, Set, Indicate
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
    bool run_time_narration = false;     // `run_time: narration`: as long as the step's speech
    std::optional<RateFunction> rate;
    std::optional<double> lag_ratio;
    std::optional<double> scale_factor;  // indicate
    std::optional<Color> color;          // indicate
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
