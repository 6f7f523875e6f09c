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

}  // namespace attnreel
