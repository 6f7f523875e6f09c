// SceneModel::masked: which cells of a model matrix the head's mask hides, for each kind of
// model the data block can declare.
#include "timeline/scene_model.hpp"

#include "../attention/temp_dir.hpp"

#include <catch2/catch.hpp>

using namespace attnreel;

namespace {

DataSpec data_of(DataSpec::ModelKind kind) {
    DataSpec d;
    d.tokens = {"a", "b", "c"};
    d.kind = kind;
    d.computed.tokens = d.tokens;
    d.computed.d_model = 4;
    d.computed.heads = 2;
    d.computed.mask.kind = attention::MaskKind::causal;
    d.synthetic.tokens = d.tokens;
    d.synthetic.layers = 1;
    d.synthetic.heads = 1;
    d.synthetic.patterns = {{attention::HeadPattern::previous_token}};
    return d;
}

bool above_diagonal_only(const attention::Mask& m) {
    for (Eigen::Index i = 0; i < m.rows(); ++i)
        for (Eigen::Index j = 0; j < m.cols(); ++j)
            if (m(i, j) != (j > i)) return false;
    return true;
}

}  // namespace

TEST_CASE("a computed head's weights, scores and scaled scores are masked where its mask hides keys", "[model]") {
    const SceneModel model = SceneModel::build(data_of(DataSpec::ModelKind::Computed));
    for (const char* path : {"model.layer[0].head[1]", "model.layer[0].head[1].weights", "model.layer[0].head[1].scores",
                             "model.layer[0].head[1].scaled_scores"}) {
        INFO(path);
        const attention::Mask m = model.masked(path, {});
        REQUIRE(m.rows() == 3);
        REQUIRE(m.cols() == 3);
        CHECK(above_diagonal_only(m));
    }
    // Q, K, V and outputs are not queries × keys: nothing to mask.
    CHECK(model.masked("model.layer[0].head[1].q", {}).size() == 0);
    CHECK(model.masked("model.layer[0].output", {}).size() == 0);
    CHECK_THROWS_AS(model.masked("model.layer[0].head[2]", {}), InputError);
}

TEST_CASE("a synthetic model masks with its mask; a file's weights are masked where exactly 0", "[model]") {
    const SceneModel synthetic = SceneModel::build(data_of(DataSpec::ModelKind::Synthetic));
    CHECK(above_diagonal_only(synthetic.masked("model.layer[0].head[0]", {})));

    TempDir dir;
    DataSpec file = data_of(DataSpec::ModelKind::File);
    file.weights_file = dir.write("w.json", "[[1, 0, 0], [0.5, 0.5, 0], [0.2, 0, 0.8]]");
    const attention::Mask m = SceneModel::build(file).masked("model.layer[0].head[0]", {});
    REQUIRE(m.size() == 9);
    CHECK(m(2, 1));   // a weight of exactly 0 below the diagonal: the file says nothing else
    CHECK_FALSE(m(2, 2));
    CHECK(m(0, 1));
}

TEST_CASE("names_weights tells a head's weights from its other matrices", "[model]") {
    CHECK(SceneModel::names_weights("model.layer[0].head[1]"));
    CHECK(SceneModel::names_weights("model.layer[2].head[0].weights"));
    CHECK_FALSE(SceneModel::names_weights("model.layer[0].head[1].scores"));
    CHECK_FALSE(SceneModel::names_weights("model.layer[0].output"));
    CHECK_FALSE(SceneModel::names_weights("not a path"));
}
