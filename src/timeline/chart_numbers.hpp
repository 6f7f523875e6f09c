#pragma once
// Charts take their numbers from the model here, when the scene compiles, through the one
// path API of attention/scene_data.hpp: each series becomes the vector its path names,
// with the entries the mask hides as −inf, its canonical path (so every label records
// where its number came from), and the tokens its entries run over.
#include "attention/scene_data.hpp"
#include "scene/scene_spec.hpp"

namespace attnreel {

NumberSeries series_from_model(NumberSeries series, const attention::SceneData& data);

BarChartSpec bar_chart_from_model(BarChartSpec spec, const attention::SceneData& data);
SoftmaxBarsSpec softmax_bars_from_model(SoftmaxBarsSpec spec, const attention::SceneData& data);
LineChartSpec line_chart_from_model(LineChartSpec spec, const attention::SceneData& data);
VectorSpec vector_from_model(VectorSpec spec, const attention::SceneData& data);
// A matrix path's numbers, −inf where the mask hides an entry; a vector is one row.
MatrixSpec matrix_from_model(MatrixSpec spec, const attention::SceneData& data);

}  // namespace attnreel
