#pragma once
// Paths into a scene's models, as written in scene files: `model.layer[0].head[1].scores`,
// `models.causal.rollout.row[2]`, `analysis.layer[1].head[0].entropy`. This file is the
// grammar alone: it reads the text in one pass (no regex: a long path costs its length) into
// a structured path, or explains the first mistake with the nearest valid paths. Whether
// the indices exist in a model is the resolver's business (scene_data.hpp).
//
//   path     := source [".step[" k "]"] rest
//   source   := "model" | "models." NAME | "analysis"
//   rest     := "." model_item slices | ".layer[" L "]" layer | ".analysis" analysis   (model)
//             | analysis                                                               (analysis)
//   layer    := "." layer_item slices | ".head[" H "]" head
//   head     := ("." head_item)? slices            (no item: the head's attention weights)
//   analysis := "." analysis_item slices | ".layer[" L "]" ("." layer_metric | ".head[" H "]." head_metric)
//   slices   := (".row[" i "]" | ".column[" j "]" | ".rows[" a ":" b "]" | ".columns[" a ":" b "]"
//               | ".transpose" | "[" i "]" | "[" a ":" b "]")*
#include "core/error.hpp"

#include <cstddef>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace attnreel::attention {

// One selection applied, in the order written, to what the path names before it.
struct PathSlice {
    enum class Kind {
        row,        // .row[i]: row i as a vector
        column,     // .column[j]: column j as a vector
        rows,       // .rows[a:b]: rows a..b-1, still a matrix
        columns,    // .columns[a:b]
        transpose,  // .transpose
        index,      // [i]: entry i of a vector; [i][j] on a matrix is two of these
        range,      // [a:b]: entries a..b-1 of a vector
    };
    Kind kind = Kind::row;
    std::size_t first = 0;                // the index, or a range's start (0 when left out)
    std::optional<std::size_t> last;      // a range's end (exclusive); none: to the end
    std::size_t offset = 0;               // byte offset in the path text, for errors
};

struct ModelPath {
    std::string model;                    // the NAME of models.NAME; empty for `model` / `analysis`
    bool named = false;                   // written as models.NAME
    std::optional<std::size_t> step;      // a training checkpoint: model.step[k]
    bool analysis = false;                // analysis.…, models.NAME.analysis.…
    std::optional<std::size_t> layer, head;
    std::string item;                     // what is named there: "weights", "W_Q", "entropy", ...
    std::vector<PathSlice> slices;
    // Byte offsets of the parts, for errors found once the model is known.
    std::size_t model_offset = 0, step_offset = 0, layer_offset = 0, head_offset = 0, item_offset = 0;

    // The model part as written ("model", "models.causal", "model.step[3]").
    std::string model_text() const;
};

// A path as a scene file wrote it: the text, what it says (checked when the file loads) and
// where it was written (a key's value, or a {placeholder} inside a text).
struct PathRef {
    std::string text;
    ModelPath path;
    SourceMark mark;
};

// A mistake at byte `offset` of the path; the message names the nearest valid paths.
class PathError : public std::runtime_error {
public:
    PathError(std::size_t offset, const std::string& message) : std::runtime_error(message), offset_(offset) {}
    std::size_t offset() const { return offset_; }

private:
    std::size_t offset_;
};

// Paths are at most this long (bytes); a longer one is an error, not a slow parse.
inline constexpr std::size_t kMaxPathLength = 1024;

// Reads a path; throws PathError at the first mistake.
ModelPath parse_model_path(std::string_view text);

// The path written out in its canonical form (the head's weights spelt `.weights`).
std::string to_string(const ModelPath& path);

// Whether `text` starts like a model path (its first word is model, models or analysis):
// what a key that takes "numbers or a path" uses to tell a path from a typo elsewhere.
bool starts_like_model_path(std::string_view text);

// The names each level accepts, in the order the docs list them.
const std::vector<std::string>& model_items();    // embeddings, positions, inputs, ...
const std::vector<std::string>& layer_items();    // W_Q, W_K, W_V, W_O, input, concat, ...
const std::vector<std::string>& head_items();     // weights, mask, q, k, v, scores, ...
const std::vector<std::string>& analysis_items(); // entropy_by_layer, distance_profile, ...
const std::vector<std::string>& layer_metrics();  // analysis.layer[L].<metric>: averages over heads
const std::vector<std::string>& head_metrics();   // analysis.layer[L].head[H].<metric>, pattern

}  // namespace attnreel::attention
