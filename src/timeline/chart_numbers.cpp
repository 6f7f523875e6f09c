#include "timeline/chart_numbers.hpp"

#include "widgets/softmax_bars.hpp"

#include <algorithm>
#include <cmath>

namespace attnreel {

namespace {

using attention::PathSlice;

// Items whose rows run over the keys and whose columns run over the queries.
bool over_tokens(const attention::ModelPath& p) {
    static const std::vector<std::string> items = {"",     "weights",   "scores", "scaled_scores",
                                                   "mask", "head_mean", "rollout"};
    return !p.analysis && std::find(items.begin(), items.end(), p.item) != items.end();
}

// The tokens a vector's entries stand for: a row of an attention matrix runs over the keys,
// a column over the queries; anything else over no tokens.
std::vector<std::string> tokens_of(const attention::PathRef& ref, const attention::SceneData& data,
                                   std::size_t size) {
    const attention::ModelPath& p = ref.path;
    if (!over_tokens(p) || p.slices.empty()) return {};
    const auto& entry = data.entry(p, ref.text);
    std::vector<std::string> tokens;
    switch (p.slices.back().kind) {
    case PathSlice::Kind::row: tokens = entry.keys; break;
    case PathSlice::Kind::column: tokens = entry.queries; break;
    default: return {};
    }
    return tokens.size() == size ? tokens : std::vector<std::string>{};
}

// `series: PATH` of a line chart: row i of the matrix as the path's `.row[i]`, named by what
// the rows are (a layer of the distance profile, a query of an attention matrix, else i).
std::vector<LineSeriesSpec> series_of_rows(const attention::PathRef& path, const attention::SceneData& data) {
    constexpr Eigen::Index kMaxSeries = 32;
    const attention::ModelValue m = data.matrix(path);
    if (m.values.rows() > kMaxSeries)
        throw InputError(path.mark, "'" + path.text + "' has " + std::to_string(m.values.rows()) +
                                        " rows, and a line chart draws at most " + std::to_string(kMaxSeries) +
                                        " series: pick some with .rows[a:b]");
    std::vector<std::string> queries;
    if (over_tokens(path.path)) queries = data.entry(path.path, path.text).queries;
    const bool layers = path.path.analysis && path.path.item == "distance_profile";
    std::vector<LineSeriesSpec> series;
    for (Eigen::Index i = 0; i < m.values.rows(); ++i) {
        LineSeriesSpec s;
        s.values.path = path;
        s.values.path->path.slices.push_back({PathSlice::Kind::row, std::size_t(i), std::nullopt, 0});
        s.values.path->text += ".row[" + std::to_string(i) + "]";
        s.values.mark = path.mark;
        s.label = layers ? "layer " + std::to_string(i)
                  : std::size_t(i) < queries.size() && std::size_t(m.values.rows()) == queries.size() ? queries[i]
                                                                                                       : std::to_string(i);
        series.push_back(std::move(s));
    }
    return series;
}

}  // namespace

NumberSeries series_from_model(NumberSeries s, const attention::SceneData& data) {
    if (s.path) {
        const attention::ModelValue v = data.vector(*s.path);
        s.values.clear();
        s.sources.clear();
        for (Eigen::Index j = 0; j < v.values.cols(); ++j) {
            s.values.push_back(v.is_hidden(0, j) ? -INFINITY : v.values(0, j));
            s.sources.push_back(v.path + "[" + std::to_string(j) + "]");
        }
        s.probabilities = v.probabilities;
        s.keys = tokens_of(*s.path, data, s.values.size());
        return s;
    }
    // A list whose entries may name single numbers of the model.
    s.sources.assign(s.values.size(), "");
    for (std::size_t i = 0; i < s.entry_paths.size() && i < s.values.size(); ++i) {
        if (!s.entry_paths[i]) continue;
        const attention::ModelValue v = data.value(*s.entry_paths[i]);
        if (v.shape != attention::ModelValue::Shape::number)
            throw InputError(s.entry_paths[i]->mark, "'" + s.entry_paths[i]->text + "' is " + describe_shape(v) +
                                                         "; an entry of the list must be one number");
        s.values[i] = v.values(0, 0);
        s.sources[i] = v.path;
    }
    return s;
}

BarChartSpec bar_chart_from_model(BarChartSpec spec, const attention::SceneData& data) {
    spec.values = series_from_model(std::move(spec.values), data);
    return spec;
}

SoftmaxBarsSpec softmax_bars_from_model(SoftmaxBarsSpec spec, const attention::SceneData& data) {
    spec.scores = series_from_model(std::move(spec.scores), data);
    if (!spec.scores.path || spec.scores.values.empty()) return spec;
    // Scores of a head: its weights are the softmax the widget shows, when the model says so
    // (scaled scores; or the raw scores of a model that does not scale).
    attention::PathRef weights = *spec.scores.path;
    if (weights.path.item != "scaled_scores" && weights.path.item != "scores") return spec;
    weights.path.item = "weights";
    const std::vector<double> shown = softmax_stages(spec.scores.values).weights;
    try {
        const attention::ModelValue w = data.vector(weights);
        if (w.values.cols() != static_cast<Eigen::Index>(shown.size())) return spec;
        for (std::size_t j = 0; j < shown.size(); ++j)
            if (std::abs(w.values(0, static_cast<Eigen::Index>(j)) - shown[j]) > 1e-9) return spec;
        for (std::size_t j = 0; j < shown.size(); ++j) spec.weight_sources.push_back(w.path + "[" + std::to_string(j) + "]");
    } catch (const InputError&) {
        // No weights there (a model without them): the weights shown are computed here alone.
    }
    return spec;
}

LineChartSpec line_chart_from_model(LineChartSpec spec, const attention::SceneData& data) {
    if (spec.series_path) spec.series = series_of_rows(*spec.series_path, data);
    for (auto& s : spec.series) s.values = series_from_model(std::move(s.values), data);
    return spec;
}

VectorSpec vector_from_model(VectorSpec spec, const attention::SceneData& data) {
    spec.values = series_from_model(std::move(spec.values), data);
    return spec;
}

MatrixSpec matrix_from_model(MatrixSpec spec, const attention::SceneData& data) {
    if (!spec.path) return spec;
    const attention::ModelValue m = data.matrix(*spec.path);
    spec.values.assign(static_cast<std::size_t>(m.values.rows()),
                       std::vector<double>(static_cast<std::size_t>(m.values.cols())));
    for (Eigen::Index i = 0; i < m.values.rows(); ++i)
        for (Eigen::Index j = 0; j < m.values.cols(); ++j)
            spec.values[i][j] = m.is_hidden(i, j) ? -INFINITY : m.values(i, j);
    spec.source = m.path;
    spec.source_is_vector = m.shape == attention::ModelValue::Shape::vector;
    spec.probabilities = m.probabilities;
    return spec;
}

}  // namespace attnreel
