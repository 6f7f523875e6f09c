#pragma once
// What a scene file says about head grids and layer stacks (io/matrix_loader reads them):
// thumbnails of each head's (or each layer's) attention, one of which is selected and shown
// large, and for heads an optional diagram heads → concatenate → W_O → output. The numbers
// are filled from the model when the scene compiles (timeline/head_grid_numbers).
#include "core/color.hpp"
#include "core/error.hpp"

#include <optional>
#include <string>
#include <vector>

namespace attnreel {

struct HeadGridSpec {
    bool layers = false;          // a layer_stack: one thumbnail per layer
    std::string model;            // the NAME of models.NAME; empty: `model:`
    SourceMark mark;              // of the widget's map: errors from the model point here
    int layer = 0;                // head_grid: whose heads
    std::optional<int> head;      // layer_stack: this head of every layer; none: the heads' mean
    SourceMark layer_mark, head_mark;
    std::size_t columns = 0;      // thumbnails per row; 0: up to 4 (head_grid), all (layer_stack)
    double thumb_size = 1.1;
    enum class Thumbnail { Heatmap, Graph };
    Thumbnail thumbnail = Thumbnail::Heatmap;
    bool patterns = true;         // the analysis's pattern (or a layer's entropy) under each thumbnail
    std::optional<int> select;    // the thumbnail selected at first; none: no selection
    SourceMark select_mark;
    bool view = false;            // the selected head large beside the grid, switched by `select`
    double view_size = 3;
    bool diagram = false;         // head_grid: heads → concatenate → W_O → output under the grid
    std::optional<int> token;     // the query whose outputs the diagram shows; none: the last
    SourceMark token_mark;
    std::vector<Color> colors;    // one per head or layer, cycled; empty: the head palette
    double font_size = 22;

    // Filled from the model.
    struct Item {
        std::string title;      // "H1", "L0"
        std::string caption;    // the pattern's name, or a layer's mean entropy
        std::vector<std::vector<double>> weights;  // −inf where masked
        std::string source;     // the weights' path
        Color color;
    };
    std::vector<Item> items;
    std::vector<std::string> queries, keys;
    struct Vector {
        std::vector<double> values;
        std::string source;
    };
    std::vector<Vector> head_outputs;  // the diagram's: head h's output row for `token`
    Vector concat, output;
};

}  // namespace attnreel
