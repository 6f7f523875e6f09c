#pragma once
// What a model path names: a number, a name, a vector or a matrix, with the entries the mask
// hides; and the selections a path applies to it (.row[i], .rows[a:b], .transpose, [i][j]...).
#include "attention/masks.hpp"
#include "attention/model_path.hpp"

#include <Eigen/Core>
#include <string>
#include <vector>

namespace attnreel::attention {

struct ModelValue {
    enum class Shape { number, name, vector, matrix };
    Shape shape = Shape::matrix;
    Eigen::MatrixXd values;      // number: 1×1; vector: 1×n; matrix: rows × columns
    std::string name;            // Shape::name: a head's pattern
    Mask hidden;                 // where the model's mask hides an entry (same size as values), or empty
    bool probabilities = false;  // every row is a distribution (attention weights, rollout): shown on [0, 1]
    std::string path;            // the canonical path; one entry of it is path + "[i][j]" (a vector's: "[i]")

    bool is_hidden(Eigen::Index i, Eigen::Index j) const { return hidden.size() > 0 && hidden(i, j); }
};

// "a number", "a name", "a vector of 6 numbers", "a 4×6 matrix": for messages.
std::string describe_shape(const ModelValue& value);

// Applies the slices in order. Throws PathError at the slice's offset for an index out of
// range, or a slice that does not fit what it is applied to (.row[i] of a vector...).
ModelValue apply_slices(ModelValue value, const std::vector<PathSlice>& slices);

// Row i of a matrix as a vector (its path extended with .row[i]); i must be in range.
ModelValue select_row(const ModelValue& matrix, Eigen::Index i);

}  // namespace attnreel::attention
