#include "attention/model_value.hpp"

namespace attnreel::attention {

namespace {

using Shape = ModelValue::Shape;

std::string count(Eigen::Index n, const char* one, const char* many) {
    return std::to_string(n) + " " + (n == 1 ? one : many);
}

// The end of a range, checked against `size`; a missing end is `size`.
Eigen::Index range_end(const PathSlice& s, Eigen::Index size, const char* one, const char* many) {
    const auto first = static_cast<Eigen::Index>(s.first);
    const Eigen::Index last = s.last ? static_cast<Eigen::Index>(*s.last) : size;
    if (first >= size || last > size)
        throw PathError(s.offset, "the range [" + std::to_string(first) + ":" + std::to_string(last) +
                                      "] is out of range (there are " + count(size, one, many) + ")");
    return last;
}

void check_index(const PathSlice& s, Eigen::Index size, const std::string& what, const std::string& whose) {
    if (static_cast<Eigen::Index>(s.first) >= size)
        throw PathError(s.offset, what + " " + std::to_string(s.first) + " is out of range (" + whose + " has " +
                                      std::to_string(size) + ")");
}

ModelValue block(const ModelValue& v, Eigen::Index row, Eigen::Index col, Eigen::Index rows, Eigen::Index cols) {
    ModelValue out = v;
    out.values = v.values.block(row, col, rows, cols);
    if (v.hidden.size() > 0) out.hidden = v.hidden.block(row, col, rows, cols);
    return out;
}

}  // namespace

std::string describe_shape(const ModelValue& value) {
    switch (value.shape) {
        case Shape::number: return "a number";
        case Shape::name: return "a name";
        case Shape::vector: return "a vector of " + count(value.values.cols(), "number", "numbers");
        case Shape::matrix:
            return "a " + std::to_string(value.values.rows()) + "×" + std::to_string(value.values.cols()) + " matrix";
    }
    return "";
}

ModelValue apply_slices(ModelValue v, const std::vector<PathSlice>& slices) {
    using Kind = PathSlice::Kind;
    for (std::size_t k = 0; k < slices.size(); ++k) {
        const PathSlice& s = slices[k];
        const bool matrix_slice = s.kind == Kind::row || s.kind == Kind::column || s.kind == Kind::rows ||
                                  s.kind == Kind::columns || s.kind == Kind::transpose;
        if (v.shape == Shape::number || v.shape == Shape::name)
            throw PathError(s.offset, "'" + v.path + "' is " + describe_shape(v) + ": nothing to select in it");
        if (matrix_slice && v.shape == Shape::vector)
            throw PathError(s.offset, "'" + v.path + "' is " + describe_shape(v) +
                                          ": select with [i] or [a:b] (.row, .column, .rows, .columns and "
                                          ".transpose are for matrices)");
        const Eigen::Index rows = v.values.rows(), cols = v.values.cols();
        const auto first = static_cast<Eigen::Index>(s.first);
        std::string suffix;
        switch (s.kind) {
            case Kind::row:
                check_index(s, rows, "row", "the matrix");
                v = block(v, first, 0, 1, cols);
                v.shape = Shape::vector;
                suffix = ".row[" + std::to_string(first) + "]";
                break;
            case Kind::column:
                check_index(s, cols, "column", "the matrix");
                v = block(v, 0, first, rows, 1);
                v.values.transposeInPlace();
                if (v.hidden.size() > 0) v.hidden.transposeInPlace();
                v.shape = Shape::vector;
                v.probabilities = false;
                suffix = ".column[" + std::to_string(first) + "]";
                break;
            case Kind::rows: {
                const Eigen::Index last = range_end(s, rows, "row", "rows");
                v = block(v, first, 0, last - first, cols);
                suffix = ".rows[" + std::to_string(first) + ":" + std::to_string(last) + "]";
                break;
            }
            case Kind::columns: {
                const Eigen::Index last = range_end(s, cols, "column", "columns");
                v = block(v, 0, first, rows, last - first);
                v.probabilities = false;  // part of each row no longer sums to 1
                suffix = ".columns[" + std::to_string(first) + ":" + std::to_string(last) + "]";
                break;
            }
            case Kind::transpose:
                v.values.transposeInPlace();
                if (v.hidden.size() > 0) v.hidden.transposeInPlace();
                v.probabilities = false;
                suffix = ".transpose";
                break;
            case Kind::index:
                if (v.shape == Shape::matrix) {
                    // [i][j]: both indices at once; [i] alone on a matrix is ambiguous.
                    if (k + 1 >= slices.size() || slices[k + 1].kind != Kind::index)
                        throw PathError(s.offset, "'" + v.path + "' is " + describe_shape(v) +
                                                      ": one entry is [i][j], one row .row[i]");
                    check_index(s, rows, "row", "the matrix");
                    const PathSlice& j = slices[++k];
                    check_index(j, cols, "column", "the matrix");
                    v = block(v, first, static_cast<Eigen::Index>(j.first), 1, 1);
                    suffix = "[" + std::to_string(first) + "][" + std::to_string(j.first) + "]";
                } else {
                    check_index(s, cols, "entry", "the vector");
                    v = block(v, 0, first, 1, 1);
                    suffix = "[" + std::to_string(first) + "]";
                }
                v.shape = Shape::number;
                v.probabilities = false;
                break;
            case Kind::range: {
                if (v.shape == Shape::matrix)
                    throw PathError(s.offset, "'" + v.path + "' is " + describe_shape(v) +
                                                  ": select rows with .rows[a:b], columns with .columns[a:b]");
                const Eigen::Index last = range_end(s, cols, "entry", "entries");
                v = block(v, 0, first, 1, last - first);
                v.probabilities = false;
                suffix = "[" + std::to_string(first) + ":" + std::to_string(last) + "]";
                break;
            }
        }
        v.path += suffix;
    }
    return v;
}

ModelValue select_row(const ModelValue& matrix, Eigen::Index i) {
    PathSlice row;
    row.kind = PathSlice::Kind::row;
    row.first = static_cast<std::size_t>(i);
    return apply_slices(matrix, {row});
}

}  // namespace attnreel::attention
