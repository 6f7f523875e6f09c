// SceneData: which entries of a model matrix the mask hides, for each kind of model the
// data block can declare, and which values are probabilities.
#include "attention/scene_data.hpp"

#include "temp_dir.hpp"

#include <catch2/catch.hpp>

using namespace attnreel;
using namespace attnreel::attention;

namespace {

DataSpec data_of(ModelBlock::Kind kind) {
    DataSpec d;
    d.tokens = {"a", "b", "c"};
    ModelBlock& b = d.models.emplace_back();
    b.kind = kind;
    b.computed.tokens = d.tokens;
    b.computed.d_model = 4;
    b.computed.heads = 2;
    b.computed.mask.kind = MaskKind::causal;
    b.synthetic.tokens = d.tokens;
    b.synthetic.layers = 1;
    b.synthetic.heads = 1;
    b.synthetic.patterns = {{HeadPattern::previous_token}};
    b.queries = d.tokens;
    return d;
}

bool above_diagonal_only(const Mask& m) {
    for (Eigen::Index i = 0; i < m.rows(); ++i)
        for (Eigen::Index j = 0; j < m.cols(); ++j)
            if (m(i, j) != (j > i)) return false;
    return true;
}

}  // namespace

TEST_CASE("a computed head's weights, scores and scaled scores are hidden where its mask hides keys", "[model]") {
    const SceneData data = SceneData::build(data_of(ModelBlock::Kind::computed));
    for (const char* path : {"model.layer[0].head[1]", "model.layer[0].head[1].weights", "model.layer[0].head[1].scores",
                             "model.layer[0].head[1].scaled_scores", "model.layer[0].head_mean"}) {
        INFO(path);
        const ModelValue v = data.value(path);
        REQUIRE(v.hidden.rows() == 3);
        REQUIRE(v.hidden.cols() == 3);
        CHECK(above_diagonal_only(v.hidden));
    }
    // Q, K, V and outputs are not queries × keys: nothing to hide.
    CHECK(data.value("model.layer[0].head[1].q").hidden.size() == 0);
    CHECK(data.value("model.layer[0].output").hidden.size() == 0);
    CHECK_THROWS_AS(data.value("model.layer[0].head[2]"), InputError);
    // The mask itself: 1 where the query may look, 0 where it may not.
    const ModelValue mask = data.value("model.layer[0].head[0].mask");
    CHECK(mask.values(2, 0) == 1.0);
    CHECK(mask.values(0, 2) == 0.0);
}

TEST_CASE("a synthetic model hides with its mask, a file's weights hide nothing, zeros included", "[model]") {
    const SceneData synthetic = SceneData::build(data_of(ModelBlock::Kind::synthetic));
    CHECK(above_diagonal_only(synthetic.value("model.layer[0].head[0]").hidden));

    TempDir dir;
    DataSpec file = data_of(ModelBlock::Kind::file);
    file.models[0].weights_file = dir.write("w.json", "[[1, 0, 0], [0.5, 0.5, 0], [0.2, 0, 0.8]]");
    const Mask m = SceneData::build(file).value("model.layer[0].head[0]").hidden;
    REQUIRE(m.size() == 9);
    // The file has no mask: its zeros are weights of 0, shown as 0.00.
    CHECK_FALSE(m.any());
}

TEST_CASE("attention weights, head means and rollouts are probabilities, scores and slices across rows are not",
          "[model]") {
    const SceneData data = SceneData::build(data_of(ModelBlock::Kind::computed));
    CHECK(data.value("model.layer[0].head[1]").probabilities);
    CHECK(data.value("model.layer[0].head[1].weights.rows[1:3]").probabilities);
    CHECK(data.value("model.layer[0].head[1].row[2]").probabilities);
    CHECK(data.value("model.layer[0].head_mean").probabilities);
    CHECK(data.value("model.rollout").probabilities);
    CHECK_FALSE(data.value("model.layer[0].head[1].scores").probabilities);
    CHECK_FALSE(data.value("model.layer[0].head[1].transpose").probabilities);
    CHECK_FALSE(data.value("model.layer[0].head[1].column[0]").probabilities);
}
