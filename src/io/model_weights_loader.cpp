#include "io/model_weights_loader.hpp"

namespace attnreel {

namespace {

constexpr std::size_t kMaxSide = 1024;

std::string shape(Eigen::Index rows, Eigen::Index cols) { return std::to_string(rows) + "×" + std::to_string(cols); }

std::string heads_text(int heads) { return std::to_string(heads) + (heads == 1 ? " head" : " heads"); }

// One projection (W_Q, W_K or W_V) for every head: a full-width matrix split by columns, or
// one matrix per head.
std::vector<Eigen::MatrixXd> load_projection(const YamlReader& in, const YAML::Node& node, const std::string& name,
                                             int d_model, int heads) {
    const int d_k = d_model / heads;
    const std::string expected = "must be " + shape(d_model, d_model) + " (d_model × d_model, its columns split into " +
                                 heads_text(heads) + " of " + std::to_string(d_k) + "), or a list of " +
                                 std::to_string(heads) + " per-head matrices of " + shape(d_model, d_k);
    std::vector<Eigen::MatrixXd> per_head;
    if (is_matrix_list(node)) {
        const YAML::Node list = in.list(node, name, 64);
        if (static_cast<int>(list.size()) != heads)
            in.fail(node, "'" + name + "' lists " + std::to_string(list.size()) + " per-head matrices but the model has " +
                              heads_text(heads));
        for (std::size_t h = 0; h < list.size(); ++h) {
            const Eigen::MatrixXd m = load_matrix(in, list[h], name);
            if (m.rows() != d_model || m.cols() != d_k)
                in.fail(list[h], "'" + name + "' of head " + std::to_string(h) + " is " + shape(m.rows(), m.cols()) +
                                     " but must be " + shape(d_model, d_k) + " (d_model × d_k)");
            per_head.push_back(m);
        }
        return per_head;
    }
    const Eigen::MatrixXd full = load_matrix(in, node, name);
    if (full.rows() != d_model || full.cols() != d_model)
        in.fail(node, "'" + name + "' is " + shape(full.rows(), full.cols()) + " but " + expected);
    for (int h = 0; h < heads; ++h) per_head.push_back(full.middleCols(h * d_k, d_k));
    return per_head;
}

}  // namespace

bool is_matrix_list(const YAML::Node& node) {
    return node.IsSequence() && node.size() > 0 && node[0].IsSequence() && node[0].size() > 0 &&
           node[0][0].IsSequence();
}

Eigen::MatrixXd load_matrix(const YamlReader& in, const YAML::Node& node, const std::string& what) {
    const YAML::Node rows = in.list(node, what, kMaxSide);
    if (rows.size() == 0) in.fail(node, "'" + what + "' needs at least one row of numbers");
    Eigen::MatrixXd m;
    for (std::size_t i = 0; i < rows.size(); ++i) {
        if (!rows[i].IsSequence()) in.fail(rows[i], "expected a row of numbers in '" + what + "' (a list of rows)");
        const YAML::Node row = in.list(rows[i], what, kMaxSide);
        if (i == 0) {
            if (row.size() == 0) in.fail(rows[i], "'" + what + "' needs at least one number per row");
            m.resize(static_cast<Eigen::Index>(rows.size()), static_cast<Eigen::Index>(row.size()));
        } else if (static_cast<Eigen::Index>(row.size()) != m.cols()) {
            in.fail(rows[i], "row " + std::to_string(i) + " of '" + what + "' has " + std::to_string(row.size()) +
                                 " numbers, expected " + std::to_string(m.cols()) + " like row 0");
        }
        for (std::size_t j = 0; j < row.size(); ++j)
            m(static_cast<Eigen::Index>(i), static_cast<Eigen::Index>(j)) = in.number(row[j], what, -1e9, 1e9);
    }
    return m;
}

ChosenSizes chosen_sizes(const YAML::Node& model) {
    ChosenSizes sizes;
    // d_model: the width of written inputs, else the height of a written projection.
    for (const char* key : {"inputs", "embeddings", "key_inputs", "key_embeddings"})
        if (const YAML::Node m = model[key]; m && m.IsSequence() && m.size() > 0 && m[0].IsSequence())
            if (sizes.d_model == 0) sizes.d_model = static_cast<int>(m[0].size());
    std::vector<YAML::Node> layers;
    if (model["layers"] && model["layers"].IsSequence())
        for (const auto& l : model["layers"]) layers.push_back(l);
    layers.push_back(model);
    for (const YAML::Node& layer : layers) {
        if (!layer.IsMap()) continue;
        for (const char* key : {"W_Q", "W_K", "W_V", "W_O"}) {
            const YAML::Node w = layer[key];
            if (!w || !w.IsSequence() || w.size() == 0) continue;
            const bool per_head = is_matrix_list(w);
            if (per_head && sizes.heads == 0) sizes.heads = static_cast<int>(w.size());
            if (sizes.d_model == 0) sizes.d_model = static_cast<int>(per_head ? w[0].size() : w.size());
        }
    }
    return sizes;
}

attention::LayerWeights load_layer_weights(const YamlReader& in, const YAML::Node& layer, int d_model, int heads) {
    attention::LayerWeights weights;
    const char* names[] = {"W_Q", "W_K", "W_V"};
    Eigen::MatrixXd attention::HeadWeights::*members[] = {&attention::HeadWeights::W_Q, &attention::HeadWeights::W_K,
                                                         &attention::HeadWeights::W_V};
    for (int p = 0; p < 3; ++p) {
        const YAML::Node node = layer[names[p]];
        if (!node) continue;
        const std::vector<Eigen::MatrixXd> per_head = load_projection(in, node, names[p], d_model, heads);
        weights.heads.resize(static_cast<std::size_t>(heads));
        for (int h = 0; h < heads; ++h) weights.heads[static_cast<std::size_t>(h)].*members[p] = per_head[static_cast<std::size_t>(h)];
    }
    if (const YAML::Node node = layer["W_O"]) {
        weights.W_O = load_matrix(in, node, "W_O");
        if (weights.W_O.rows() != d_model || weights.W_O.cols() != d_model)
            in.fail(node, "'W_O' is " + shape(weights.W_O.rows(), weights.W_O.cols()) + " but must be " +
                              shape(d_model, d_model) + " (d_model × d_model)");
    }
    return weights;
}

void check_rows(const YamlReader& in, const YAML::Node& node, const Eigen::MatrixXd& m, Eigen::Index rows,
                int d_model, const std::string& what, const std::string& per_row) {
    if (m.rows() != rows || m.cols() != d_model)
        in.fail(node, "'" + what + "' is " + shape(m.rows(), m.cols()) + " but must be " + shape(rows, d_model) + " (" +
                          per_row + ", d_model " + std::to_string(d_model) + " numbers each)");
}

}  // namespace attnreel
