#include "timeline/compile_objects.hpp"

#include "core/limits.hpp"
#include "scene/layout.hpp"
#include "scene/math_object.hpp"
#include "scene/shapes.hpp"
#include "timeline/chart_numbers.hpp"
#include "timeline/head_grid_numbers.hpp"
#include "text/utf8.hpp"
#include "timeline/model_numbers.hpp"
#include "timeline/text_numbers.hpp"
#include "widgets/attention_arrows.hpp"
#include "widgets/bar_chart.hpp"
#include "widgets/head_grid.hpp"
#include "widgets/line_chart.hpp"
#include "widgets/matrix.hpp"
#include "widgets/panel.hpp"
#include "widgets/softmax_bars.hpp"
#include "widgets/vector_boxes.hpp"
#include "widgets/attention_graph.hpp"
#include "widgets/attention_network.hpp"
#include "widgets/heatmap.hpp"
#include "widgets/token_row.hpp"

#include <cmath>
#include <numbers>
#include <unordered_map>

namespace attnreel {

std::size_t resolve_reference(const ObjectTable& table, const Ref& ref) {
    if (const auto i = table.find(ref.id)) return *i;
    throw InputError(ref.mark, "unknown object " + text::quoted(ref.id) + did_you_mean(ref.id, table.ids()));
}

namespace {

// "row[1].box" is built by the entry "row".
std::string declaring_id(const std::string& id) { return id.substr(0, id.find_first_of("[.")); }

// Manim's defaults: shapes are white outlines, dots and text are filled.
Style default_style(const ObjectKindSpec& kind) {
    Style s;
    if (std::holds_alternative<DotSpec>(kind)) {
        s.fill_opacity = 1;
        s.stroke_width = 0;
    }
    if (std::holds_alternative<ArrowSpec>(kind)) s.stroke_width = 6;
    if (std::holds_alternative<SurroundSpec>(kind)) s.stroke = *parse_color("yellow");  // as Manim's
    return s;
}

void apply_style(Style& s, const StyleSpec& spec, bool is_text) {
    if (spec.color) {
        s.fill = *spec.color;
        s.stroke = *spec.color;
        if (is_text) s.fill_opacity = 1;
    }
    if (spec.fill) {
        s.fill = *spec.fill;
        if (!spec.fill_opacity) s.fill_opacity = 1;
    }
    if (spec.stroke) s.stroke = *spec.stroke;
    if (spec.fill_opacity) s.fill_opacity = *spec.fill_opacity;
    if (spec.stroke_width) s.stroke_width = *spec.stroke_width;
    if (spec.stroke_opacity) s.stroke_opacity = *spec.stroke_opacity;
    if (spec.opacity) {
        s.fill_opacity *= *spec.opacity;
        s.stroke_opacity *= *spec.opacity;
    }
}

bool style_is_empty(const StyleSpec& s) {
    return !s.color && !s.fill && !s.stroke && !s.fill_opacity && !s.stroke_width && !s.stroke_opacity &&
           !s.opacity && !s.z;
}

class ObjectCompiler {
public:
    ObjectCompiler(const SceneSpec& spec, SceneFonts& fonts, const attention::SceneData& data)
        : spec_(spec), fonts_(fonts), data_(data), frame_(FrameBox::for_pixels(spec.settings.width, spec.settings.height)) {
        for (std::size_t i = 0; i < spec.objects.size(); ++i) {
            const ObjectSpec& o = spec.objects[i];
            const auto [it, fresh] = entry_of_.emplace(o.id, i);
            if (!fresh)
                throw InputError(o.mark, "duplicate id '" + o.id + "' (first defined at line " +
                                             std::to_string(spec.objects[it->second].mark.line) + ")");
        }
        state_.assign(spec.objects.size(), State::Pending);
    }

    CompiledObjects run() {
        for (std::size_t i = 0; i < spec_.objects.size(); ++i) build(i);
        return {std::move(table_), std::move(scales_)};
    }

private:
    enum class State { Pending, Building, Done };

    void build(std::size_t entry) {
        if (state_[entry] == State::Done) return;
        const ObjectSpec& o = spec_.objects[entry];
        state_[entry] = State::Building;
        path_.push_back(o.id);
        // A panel an object goes into is built first, so that it is drawn beneath it.
        for (const auto& [op, mark] : o.layout)
            if (const auto* place = std::get_if<PlaceIn>(&op)) require(place->panel);
        const std::size_t index = make(o);
        if (table_.size() > kMaxSceneObjects)
            throw InputError(o.mark, "'" + o.id + "' brings the scene to " + std::to_string(table_.size()) +
                                         " objects; a scene may have at most " + std::to_string(kMaxSceneObjects) +
                                         " (every cell, token, label and group counts)");
        Object& made = table_[index];
        made.mark = o.mark;
        const auto* arrow_spec = std::get_if<ArrowSpec>(&o.kind);
        if (!style_is_empty(o.style)) {
            for (std::size_t leaf : table_.leaves(index)) {
                Object& l = table_[leaf];
                apply_style(l.style, o.style, l.shape == ObjectShape::Text);
                if (o.style.z) l.z = *o.style.z;
                // Tips follow the stroke width unless the author fixed their length.
                if (l.shape == ObjectShape::Arrow && o.style.stroke_width && !(arrow_spec && arrow_spec->tip_length))
                    l.tip_length = tip_length_for_width(l.style.stroke_width);
            }
            // A colour written in a text's markup is more specific than the entry's own:
            // the entry's colour is for the rest of the text; its opacities still apply.
            for (const auto& [leaf, color] : own_colors_) {
                table_[leaf].style.fill = color;
                table_[leaf].style.stroke = color;
            }
        }
        own_colors_.clear();
        // Every layout helper but arrange moves the whole entry by one similarity.
        Similarity moved;
        for (const auto& [op, mark] : o.layout) moved = apply_layout(index, op, mark).after(moved);
        // An arrow's weight label sits on its arc: where layout takes the arrows, it takes
        // the labels (a separate object, so that grow_arrow on the arrows stays valid).
        if (std::holds_alternative<AttentionArrowsSpec>(o.kind) && !o.layout.empty())
            if (const auto labels = table_.find(o.id + ".labels")) table_.transform(*labels, moved);
        path_.pop_back();
        state_[entry] = State::Done;
    }

    // The object a reference names, building its entry first.
    std::size_t require(const Ref& ref) {
        const auto entry = entry_of_.find(declaring_id(ref.id));
        if (entry == entry_of_.end()) {
            std::vector<std::string> ids;
            for (const auto& o : spec_.objects) ids.push_back(o.id);
            throw InputError(ref.mark, "unknown object " + text::quoted(ref.id) + did_you_mean(ref.id, ids));
        }
        // Entries are built on demand, one call deeper per reference followed.
        if (path_.size() >= limits::reference_depth)
            throw InputError(ref.mark, "references are followed more than " +
                                           std::to_string(limits::reference_depth) + " deep here (" + path_.front() +
                                           " → … → " + path_.back() + " → " + ref.id + ")");
        if (state_[entry->second] == State::Building) {
            std::string cycle;
            for (const auto& id : path_) cycle += id + " → ";
            throw InputError(ref.mark, "layout cycle: " + cycle + ref.id);
        }
        build(entry->second);
        return resolve_reference(table_, ref);
    }

    Vec2 point_of(const PointOrRef& p) {
        if (const auto* v = std::get_if<Vec2>(&p)) return *v;
        return table_.bounds(require(std::get<Ref>(p))).center();
    }

    // From and to of a line or arrow, pulled in by `buff` at both ends.
    std::pair<Vec2, Vec2> endpoints(const PointOrRef& from, const PointOrRef& to, double buff, const SourceMark& mark) {
        Vec2 a = point_of(from), b = point_of(to);
        const double length = (b - a).norm();
        if (length <= 2 * buff + 1e-9)
            throw InputError(mark, "the line is too short for its buff (length " + std::to_string(length) + ")");
        const Vec2 d = (b - a) / length;
        return {a + d * buff, b - d * buff};
    }

    std::size_t leaf(const ObjectSpec& o, std::vector<Path> parts, ObjectShape shape = ObjectShape::Plain) {
        Object obj;
        obj.id = o.id;
        obj.shape = shape;
        obj.parts = std::move(parts);
        obj.style = default_style(o.kind);
        return table_.add(std::move(obj));
    }

    std::size_t keep_own_colors(BuiltObject built) {
        own_colors_ = std::move(built.own_colors);
        return built.index;
    }

    std::size_t make(const ObjectSpec& o) {
        const Vec2 origin(0, 0);
        if (const auto* r = std::get_if<RectangleSpec>(&o.kind))
            return leaf(o, {rectangle_path(origin, r->width, r->height, r->corner_radius)});
        if (const auto* c = std::get_if<CircleSpec>(&o.kind)) return leaf(o, {circle_path(origin, c->radius)});
        if (const auto* d = std::get_if<DotSpec>(&o.kind)) return leaf(o, {circle_path(origin, d->radius)});
        if (const auto* l = std::get_if<LineSpec>(&o.kind)) {
            const auto [a, b] = endpoints(l->from, l->to, l->buff, o.mark);
            return leaf(o, {polyline_path({a, b}, false)});
        }
        if (const auto* a = std::get_if<ArrowSpec>(&o.kind)) {
            // buff is measured along the arrow, arc or not, so its ends stay on the arc.
            const Vec2 from = point_of(a->from), to = point_of(a->to);
            const double bend = a->arc_degrees * std::numbers::pi / 180;
            const std::optional<Path> line = arc_with_buff(from, to, bend, a->buff);
            if (!line)
                throw InputError(o.mark, "the arrow is too short for its buff (length " +
                                             std::to_string(arc_length_between(from, to, bend)) + ")");
            const std::size_t i = leaf(o, {*line}, ObjectShape::Arrow);
            table_[i].tip_length = a->tip_length.value_or(tip_length_for_width(table_[i].style.stroke_width));
            table_[i].tip_width = a->tip_width.value_or(0);
            return i;
        }
        if (const auto* p = std::get_if<PathSpec>(&o.kind))
            return leaf(o, {p->smooth ? smooth_through(p->points, p->closed) : polyline_path(p->points, p->closed)});
        if (const auto* b = std::get_if<BezierSpec>(&o.kind)) return leaf(o, {bezier_chain(b->points, b->closed)});
        if (const auto* t = std::get_if<TextSpec>(&o.kind)) {
            std::vector<ShownValue> shown;
            const std::size_t i = keep_own_colors(add_text_object(table_, fonts_, o.id, text_from_model(*t, data_, shown), o.mark));
            table_[i].shown = std::move(shown);  // a group of spans holds them for all its leaves
            return i;
        }
        if (const auto* m = std::get_if<MathSpec>(&o.kind))
            return keep_own_colors(build_math_object(table_, fonts_, o.id, *m, o.mark));
        if (const auto* g = std::get_if<GroupSpec>(&o.kind)) {
            Object group;
            group.id = o.id;
            group.shape = ObjectShape::Group;
            for (const Ref& child : g->children) {
                const std::size_t c = require(child);
                for (std::size_t existing : group.children)
                    if (existing == c) throw InputError(child.mark, "'" + child.id + "' is already in this group");
                group.children.push_back(c);
            }
            return table_.add(std::move(group));
        }
        if (const auto* box = std::get_if<SurroundSpec>(&o.kind)) {
            const BBox around = table_.bounds(require(box->target));
            if (around.empty()) throw InputError(box->target.mark, "'" + box->target.id + "' has nothing to surround");
            return leaf(o, {rectangle_path(around.center(), around.width() + 2 * box->buff,
                                           around.height() + 2 * box->buff, box->corner_radius)});
        }
        if (const auto* row = std::get_if<TokenRowSpec>(&o.kind))
            return build_token_row(table_, fonts_, o.id, *row, o.mark);
        if (const auto* h = std::get_if<HeatmapSpec>(&o.kind)) {
            const HeatmapSpec values = heatmap_from_model(*h, data_);
            scales_[o.id] = heatmap_scale(values);
            return build_heatmap(table_, fonts_, o.id, values, o.mark);
        }
        if (const auto* c = std::get_if<BarChartSpec>(&o.kind))
            return build_bar_chart(table_, fonts_, o.id, bar_chart_from_model(*c, data_), o.mark);
        if (const auto* c = std::get_if<SoftmaxBarsSpec>(&o.kind))
            return build_softmax_bars(table_, fonts_, o.id, softmax_bars_from_model(*c, data_), o.mark);
        if (const auto* c = std::get_if<LineChartSpec>(&o.kind))
            return build_line_chart(table_, fonts_, o.id, line_chart_from_model(*c, data_), o.mark);
        if (const auto* p = std::get_if<PanelSpec>(&o.kind)) return build_panel(table_, fonts_, o.id, *p, o.mark);
        if (const auto* c = std::get_if<CalloutSpec>(&o.kind)) return build_callout(table_, fonts_, o.id, *c, o.mark);
        if (const auto* n = std::get_if<NoteSpec>(&o.kind)) return build_note(table_, fonts_, o.id, *n, o.mark);
        if (const auto* v = std::get_if<VectorSpec>(&o.kind))
            return build_vector(table_, fonts_, o.id, vector_from_model(*v, data_), o.mark);
        if (const auto* m = std::get_if<MatrixSpec>(&o.kind))
            return build_matrix(table_, fonts_, o.id, matrix_from_model(*m, data_), o.mark);
        if (const auto* g = std::get_if<HeadGridSpec>(&o.kind))
            return build_head_grid(table_, fonts_, o.id, head_grid_from_model(*g, data_), o.mark);
        if (const auto* g = std::get_if<AttentionGraphSpec>(&o.kind)) {
            AttentionGraphSpec graph = *g;
            graph.weights = connections_from_model(graph.weights, data_);
            if (graph.sources.empty()) graph.sources = graph.weights.row_tokens;
            if (graph.targets.empty() && graph.weights.column_tokens != graph.weights.row_tokens)
                graph.targets = graph.weights.column_tokens;  // cross-attention: the keys' own tokens
            if (graph.sources.empty())
                throw InputError(o.mark, "attention_graph '" + o.id + "' needs 'tokens' (the source tokens), or "
                                         "weights from a model path, whose tokens it takes");
            return build_attention_graph(table_, fonts_, o.id, graph, o.mark);
        }
        if (const auto* n = std::get_if<AttentionNetworkSpec>(&o.kind)) {
            AttentionNetworkSpec network = *n;
            network.weights = connections_from_model(network.weights, data_);
            if (network.tokens.empty()) network.tokens = network.weights.row_tokens;
            if (network.tokens.empty())
                throw InputError(o.mark, "attention_network '" + o.id + "' needs 'tokens', or weights from a model "
                                         "path, whose tokens it takes");
            return build_attention_network(table_, fonts_, o.id, network, o.mark);
        }
        const AttentionArrowsSpec arrows = arrows_from_model(std::get<AttentionArrowsSpec>(o.kind), data_);
        return build_attention_arrows(table_, fonts_, require(arrows.row), o.id, arrows, frame_, o.mark);
    }

    // Applies one layout helper to object i and returns the similarity it moved i by
    // (none for arrange, which moves members apart; it needs a group, never arrows).
    Similarity apply_layout(std::size_t i, const LayoutOp& op, const SourceMark& mark) {
        if (const auto* l = std::get_if<Arrange>(&op)) {
            if (!table_[i].is_group())
                throw InputError(mark, "arrange needs a group, and '" + table_[i].id + "' is not one");
            arrange(table_, i, l->direction, l->buff, l->align);
            return {};
        }
        const Vec2 centre = table_.bounds(i).center();
        if (const auto* l = std::get_if<ScaleBy>(&op)) {
            const Similarity s = Similarity::scaling_about(centre, l->factor);
            table_.transform(i, s);
            return s;
        }
        if (const auto* l = std::get_if<Rotate>(&op)) {
            const Vec2 pivot = l->about_point ? point_of(*l->about_point) : centre;
            const Similarity s = Similarity::rotation_about(pivot, l->degrees * std::numbers::pi / 180);
            table_.transform(i, s);
            return s;
        }
        if (const auto* l = std::get_if<PlaceIn>(&op)) {
            require(l->panel);
            const Similarity s = place_in(table_.bounds(i), panel_area(table_, l->panel.id, l->panel.mark), l->at);
            table_.transform(i, s);
            return s;
        }
        // The rest translate i.
        std::visit(
            [&](const auto& l) {
                using T = std::decay_t<decltype(l)>;
                if constexpr (std::is_same_v<T, MoveTo>) move_center_to(table_, i, point_of(l.where));
                else if constexpr (std::is_same_v<T, Shift>) shift_by(table_, i, l.by);
                else if constexpr (std::is_same_v<T, NextTo>)
                    next_to(table_, i, table_.bounds(require(l.target)), l.direction, l.buff);
                else if constexpr (std::is_same_v<T, ToEdge>) to_edge(table_, i, frame_, l.direction, l.buff);
                else if constexpr (std::is_same_v<T, ToCorner>) to_edge(table_, i, frame_, l.direction, l.buff);
                else if constexpr (std::is_same_v<T, AlignTo>)
                    align_to(table_, i, table_.bounds(require(l.target)), l.direction);
            },
            op);
        return Similarity::translation(table_.bounds(i).center() - centre);
    }

    const SceneSpec& spec_;
    SceneFonts& fonts_;
    const attention::SceneData& data_;
    FrameBox frame_;
    ObjectTable table_;
    std::unordered_map<std::string, std::size_t> entry_of_;
    std::vector<State> state_;
    std::vector<std::string> path_;  // entries being built, for cycle messages
    std::vector<std::pair<std::size_t, Color>> own_colors_;  // of the text or formula entry just made
    HeatmapScales scales_;
};

}  // namespace

CompiledObjects compile_objects(const SceneSpec& spec, SceneFonts& fonts, const attention::SceneData& data) {
    return ObjectCompiler(spec, fonts, data).run();
}

}  // namespace attnreel
