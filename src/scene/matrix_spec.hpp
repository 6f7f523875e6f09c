#pragma once
// What a scene file says about vectors, embeddings and matrices of numbers (io/matrix_loader
// reads them, timeline/chart_numbers fills them from the model, widgets/ builds them).
#include "scene/chart_spec.hpp"

#include <optional>
#include <string>
#include <vector>

namespace attnreel {

// A row (or column) of boxes, each coloured by its value: towards `positive` above 0 and
// `negative` below, more strongly the larger the magnitude.
struct VectorSpec {
    NumberSeries values;
    bool column = false;
    std::string label;          // TeX ("q_2"): left of a row, above a column; empty: none
    double cell_size = 0.55;    // the pitch, gap included
    bool numbers = true;        // each value printed in its box
    int decimals = 2;
    std::optional<Color> positive;  // none: blue (the Q colour), or an embedding's token colour
    std::vector<Color> colors;      // per entry, instead of `positive` (a concatenation of heads)
    Color negative{0xf4 / 255.0, 0x3f / 255.0, 0x5e / 255.0, 1};  // rose
    std::optional<double> max_abs;  // the magnitude at full colour; none: the values' largest
    bool legend = false;            // a colour bar with −max, 0 and +max under the boxes
    double font_size = 26;          // the label's (numbers fit their boxes)
    // An embedding: small squares without numbers, coloured by its token (`token:`).
    bool embedding = false;
    std::optional<int> token;
    SourceMark token_mark;
};

// A highlight drawn around a row, a column or the diagonal of a matrix.
struct MatrixHighlight {
    enum class Kind { Row, Column, Diagonal };
    Kind kind = Kind::Row;
    std::size_t index = 0;
    SourceMark mark;
};

struct MatrixSpec {
    std::vector<std::vector<double>> values;  // −inf: masked
    std::optional<attention::PathRef> path;
    SourceMark values_mark;
    std::string source;          // filled from the model: the matrix's canonical path
    bool source_is_vector = false;
    bool probabilities = false;
    Labels rows, columns;
    NumberFormat format;
    double cell_height = 0.5;
    std::optional<double> cell_width;  // none: fitted to the widest number the format can print
    bool brackets = true;
    std::optional<Color> shade;        // tint cells by their value with this colour (rose below 0)
    enum class Reveal { Cell, Row, Column };
    Reveal reveal = Reveal::Cell;      // the units `create: m` with a lag_ratio goes through
    std::vector<MatrixHighlight> highlights;
    Color highlight_color{0xfa / 255.0, 0xcc / 255.0, 0x15 / 255.0, 1};  // yellow
    double font_size = 26;
};

}  // namespace attnreel
