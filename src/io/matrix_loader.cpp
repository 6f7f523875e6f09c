#include "io/matrix_loader.hpp"

#include "io/chart_loader.hpp"
#include "io/data_loader.hpp"
#include "io/object_loader.hpp"
#include "text/utf8.hpp"

#include <cmath>

namespace attnreel {

namespace {

bool is_minus_infinity(const YAML::Node& v) {
    return v.IsScalar() && (v.Scalar() == "-inf" || v.Scalar() == "-.inf" || v.Scalar() == "-.Inf" ||
                            v.Scalar() == "-.INF");
}

// The keys vectors and embeddings share.
void load_vector_keys(const YamlReader& in, const YAML::Node& m, VectorSpec& v) {
    if (m["direction"]) {
        const std::string d = in.string(m["direction"], "direction");
        if (d != "row" && d != "column")
            in.fail(m["direction"], "unknown direction " + text::quoted(d) + did_you_mean(d, {"row", "column"}) +
                                        " (expected row or column)");
        v.column = d == "column";
    }
    if (m["label"]) v.label = in.string(m["label"], "label");
    if (m["cell_size"]) v.cell_size = in.number(m["cell_size"], "cell_size", 0.05, 10);
    if (m["color"]) v.positive = in.color(m["color"], "color");
    if (m["negative_color"]) v.negative = in.color(m["negative_color"], "negative_color");
    if (m["max_abs"]) v.max_abs = in.number(m["max_abs"], "max_abs", 1e-9, 1e12);
    if (m["legend"]) v.legend = in.boolean(m["legend"], "legend");
    if (m["font_size"]) v.font_size = in.number(m["font_size"], "font_size", 4, 200);
}

MatrixHighlight load_highlight(const YamlReader& in, const YAML::Node& node) {
    MatrixHighlight h;
    h.mark = in.mark(node);
    if (node.IsScalar()) {
        if (node.Scalar() != "diagonal")
            in.fail(node, "unknown highlight " + text::quoted(node.Scalar()) +
                              did_you_mean(node.Scalar(), {"diagonal"}) +
                              " (expected diagonal, {row: i} or {column: j})");
        h.kind = MatrixHighlight::Kind::Diagonal;
        return h;
    }
    const auto& m = in.map(node, "highlight");
    in.only_keys(m, {"row", "column"}, "a highlight");
    if (m["row"] && m["column"]) in.fail(node, "a highlight is a row or a column, not both");
    if (m["row"]) {
        h.kind = MatrixHighlight::Kind::Row;
        h.index = static_cast<std::size_t>(in.integer(m["row"], "row", 0, 100000));
        h.mark = in.mark(m["row"]);
    } else if (m["column"]) {
        h.kind = MatrixHighlight::Kind::Column;
        h.index = static_cast<std::size_t>(in.integer(m["column"], "column", 0, 100000));
        h.mark = in.mark(m["column"]);
    } else {
        in.fail(node, "a highlight needs 'row' or 'column' (or is the word diagonal)");
    }
    return h;
}

}  // namespace

VectorSpec load_vector(const YamlReader& in, const YAML::Node& node) {
    const auto& m = in.map(node, "vector");
    in.only_keys(m, {"values", "direction", "label", "cell_size", "numbers", "decimals", "color", "negative_color",
                     "max_abs", "legend", "font_size"},
                 "vector");
    VectorSpec v;
    v.values = load_series(in, in.required(m, "values", "vector"), "values");
    load_vector_keys(in, m, v);
    if (m["numbers"]) v.numbers = in.boolean(m["numbers"], "numbers");
    if (m["decimals"]) v.decimals = in.integer(m["decimals"], "decimals", 0, 6);
    return v;
}

VectorSpec load_embedding(const YamlReader& in, const YAML::Node& node, const DataSpec& data) {
    const auto& m = in.map(node, "embedding");
    in.only_keys(m, {"values", "token", "direction", "label", "cell_size", "color", "negative_color", "max_abs",
                     "legend", "font_size"},
                 "embedding");
    VectorSpec v;
    v.embedding = true;
    v.numbers = false;
    v.cell_size = 0.3;
    if (const YAML::Node token = m["token"]) {
        if (data.tokens.empty()) in.fail(token, "'token' needs 'tokens' in the data block");
        v.token = token_index(in, token, data.tokens, "token");
        v.token_mark = in.mark(token);
    }
    if (m["values"]) {
        v.values = load_series(in, m["values"], "values");
    } else if (v.token) {
        // A token's embedding, as the model computes it.
        const std::string path = "model.embeddings.row[" + std::to_string(*v.token) + "]";
        v.values.path = attention::PathRef{path, attention::parse_model_path(path), v.token_mark};
        v.values.mark = v.token_mark;
    } else {
        in.fail(node, "an embedding needs 'values' (numbers or a model path) or 'token' (its row of model.embeddings)");
    }
    load_vector_keys(in, m, v);
    return v;
}

MatrixSpec load_matrix(const YamlReader& in, const YAML::Node& node, const DataSpec& data) {
    const auto& m = in.map(node, "matrix");
    in.only_keys(m, {"values", "path", "rows", "columns", "format", "decimals", "cell_height", "cell_width",
                     "brackets", "shade", "reveal", "highlight", "highlight_color", "font_size"},
                 "matrix");
    MatrixSpec x;
    if (m["values"] && m["path"]) in.fail(in.key_node(m, "path"), "a matrix takes 'values' or 'path', not both");
    if (const YAML::Node values = m["values"]) {
        x.values_mark = in.mark(values);
        for (const auto& row : in.list(values, "values", 4096)) {
            if (!row.IsSequence()) in.fail(row, "expected a list of numbers for each row of 'values'");
            std::vector<double> numbers;
            for (const auto& v : in.list(row, "values", 4096))
                numbers.push_back(is_minus_infinity(v) ? -INFINITY : in.number(v, "values", -1e12, 1e12));
            x.values.push_back(std::move(numbers));
        }
        if (x.values.empty()) in.fail(values, "'values' is empty: expected at least one row of numbers");
    } else if (const YAML::Node path = m["path"]) {
        x.values_mark = in.mark(path);
        x.path = load_model_path(in, path, "path");
    } else {
        in.fail(node, "a matrix needs 'values' (rows of numbers) or 'path' (a model path such as "
                      "\"model.layer[0].head[0].scores\")");
    }
    if (m["rows"]) x.rows = load_labels(in, m["rows"], data, "rows");
    if (m["columns"]) x.columns = load_labels(in, m["columns"], data, "columns");
    if (m["format"]) {
        const std::string f = in.string(m["format"], "format");
        if (f != "number" && f != "percent")
            in.fail(m["format"], "unknown format " + text::quoted(f) + did_you_mean(f, {"number", "percent"}) +
                                     " (expected number or percent)");
        x.format.percent = f == "percent";
        x.format.decimals = x.format.percent ? 0 : 2;
    }
    if (m["decimals"]) x.format.decimals = in.integer(m["decimals"], "decimals", 0, 6);
    if (m["cell_height"]) x.cell_height = in.number(m["cell_height"], "cell_height", 0.1, 10);
    if (m["cell_width"]) x.cell_width = in.number(m["cell_width"], "cell_width", 0.1, 10);
    if (m["brackets"]) x.brackets = in.boolean(m["brackets"], "brackets");
    if (m["shade"]) x.shade = in.color(m["shade"], "shade");
    if (const YAML::Node reveal = m["reveal"]) {
        const std::string r = in.string(reveal, "reveal");
        const std::vector<std::string> names = {"cell", "row", "column"};
        if (r == "cell") x.reveal = MatrixSpec::Reveal::Cell;
        else if (r == "row") x.reveal = MatrixSpec::Reveal::Row;
        else if (r == "column") x.reveal = MatrixSpec::Reveal::Column;
        else in.fail(reveal, "unknown reveal " + text::quoted(r) + did_you_mean(r, names) +
                              " (expected cell, row or column)");
    }
    if (const YAML::Node h = m["highlight"]) {
        if (h.IsSequence())
            for (const auto& item : in.list(h, "highlight", 64)) x.highlights.push_back(load_highlight(in, item));
        else x.highlights.push_back(load_highlight(in, h));
    }
    if (m["highlight_color"]) x.highlight_color = in.color(m["highlight_color"], "highlight_color");
    if (m["font_size"]) x.font_size = in.number(m["font_size"], "font_size", 4, 200);
    return x;
}

}  // namespace attnreel
