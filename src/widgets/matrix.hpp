#pragma once
// A matrix as it is written on a blackboard: its numbers in a grid between square brackets,
// with row and column labels (tokens), optionally shaded by value. Masked entries read −∞
// (a probability matrix: 0) in grey. Highlights outline a row, a column or the diagonal.
//
// The grid is centred on the origin, row 0 at the top. Ids, for `m`:
//   m              group: m.brackets, m.rows, m.columns, then the reveal units in order:
//                  every cell (reveal: cell), the rows m.row[i] (row) or the columns m.column[j]
//                  (column), so `create: m` with a lag_ratio reveals them one by one
//   m[i][j]        cell: group of m[i][j].box (when shaded) and m[i][j].value
//   m.row[i], m.column[j], m.diagonal, m.cells, m.grid (the rows)   groups of cells
//   m.rows[i], m.columns[j]   labels          m.brackets   group of m.brackets.left/.right
//   m.highlight[k] the k-th highlight (not a member of m: show it with create)
// Leaves are keyed by their place, so `transform` between two matrices of one shape moves
// every cell into its counterpart and counts each number to its new value (scores → scaled
// scores → weights), the shading blending as it goes.
#include "scene/matrix_spec.hpp"
#include "widgets/widget_parts.hpp"

namespace attnreel {

// Validates the sizes (values rectangular, one label per row and column, at most 32×32,
// highlights in range) and adds the matrix.
std::size_t build_matrix(ObjectTable& table, SceneFonts& fonts, const std::string& id, const MatrixSpec& spec,
                         const SourceMark& mark);

constexpr std::size_t kMaxMatrixSide = 32;

}  // namespace attnreel
