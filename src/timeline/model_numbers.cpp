#include "timeline/model_numbers.hpp"

#include <limits>

namespace attnreel {

HeatmapSpec heatmap_from_model(HeatmapSpec h, const attention::SceneData& data) {
    if (!h.matrix_path) return h;
    const attention::ModelValue m = data.matrix(*h.matrix_path);
    h.values.assign(static_cast<std::size_t>(m.values.rows()), std::vector<double>(static_cast<std::size_t>(m.values.cols())));
    for (Eigen::Index i = 0; i < m.values.rows(); ++i)
        for (Eigen::Index j = 0; j < m.values.cols(); ++j)
            h.values[i][j] = m.is_hidden(i, j) ? -std::numeric_limits<double>::infinity() : m.values(i, j);
    if (!h.scale.range && !h.scale.diverging() && m.probabilities) h.scale.range = std::pair(0.0, 1.0);
    h.values_source = m.path;
    h.values_is_vector = m.shape == attention::ModelValue::Shape::vector;
    return h;
}

AttentionArrowsSpec arrows_from_model(AttentionArrowsSpec a, const attention::SceneData& data) {
    if (!a.weights_path) return a;
    attention::ModelValue w = data.matrix(*a.weights_path);
    if (w.shape == attention::ModelValue::Shape::matrix) {
        // The arrows show one query row of a head's weights: the source token's.
        if (a.source >= w.values.rows())
            throw InputError(a.source_mark, "source " + std::to_string(a.source) + " is out of range (" +
                                                std::to_string(w.values.rows()) + " query rows)");
        w = attention::select_row(w, a.source);
    }
    a.weights.assign(w.values.data(), w.values.data() + w.values.size());
    a.weights_source = w.path;
    return a;
}

ConnectionWeights connections_from_model(ConnectionWeights c, const attention::SceneData& data) {
    if (!c.path) return c;
    const attention::ModelValue m = data.matrix(*c.path);
    if (m.shape != attention::ModelValue::Shape::matrix)
        throw InputError(c.mark, "expected a matrix of attention weights (a head's: \"model.layer[0].head[1]\"), "
                                 "and '" + c.path->text + "' is " + attention::describe_shape(m));
    c.values.assign(static_cast<std::size_t>(m.values.rows()),
                    std::vector<double>(static_cast<std::size_t>(m.values.cols())));
    for (Eigen::Index i = 0; i < m.values.rows(); ++i)
        for (Eigen::Index j = 0; j < m.values.cols(); ++j)
            c.values[i][j] = m.is_hidden(i, j) ? -std::numeric_limits<double>::infinity() : m.values(i, j);
    c.source = m.path;
    if (c.path->path.slices.empty() && !c.path->path.analysis) {
        const auto& entry = data.entry(c.path->path, c.path->text);
        c.row_tokens = entry.queries;
        c.column_tokens = entry.keys;
    }
    return c;
}

}  // namespace attnreel
