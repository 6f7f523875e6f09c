#include "attention/model.hpp"

#include "attention/embeddings.hpp"
#include "attention/layer_norm.hpp"
#include "attention/positional.hpp"
#include "core/error.hpp"
#include "naive.hpp"

#include <catch2/catch.hpp>

using namespace attnreel::attention;
using attnreel::InputError;

namespace {

ModelSpec small_spec() {
    ModelSpec spec;
    spec.tokens = {"The", "cat", "sat", "on", "the", "mat"};
    spec.d_model = 8;
    spec.heads = 2;
    spec.layers = 3;
    spec.seed = 7;
    spec.mask.kind = MaskKind::causal;
    return spec;
}

}  // namespace

TEST_CASE("the model keeps every intermediate with the right shapes", "[model]") {
    const ComputedModel model = build_model(small_spec());
    REQUIRE(model.layers.size() == 3);
    CHECK(model.d_k == 4);
    CHECK(model.embeddings.rows() == 6);
    CHECK(model.embeddings.cols() == 8);
    for (const LayerComputation& layer : model.layers) {
        REQUIRE(layer.heads.size() == 2);
        for (const HeadComputation& head : layer.heads) {
            CHECK(head.W_Q.rows() == 8);
            CHECK(head.W_Q.cols() == 4);
            CHECK(head.Q.rows() == 6);
            CHECK(head.K.cols() == 4);
            CHECK(head.scores.rows() == 6);
            CHECK(head.scores.cols() == 6);
            CHECK(head.output.cols() == 4);
            for (Eigen::Index i = 0; i < 6; ++i) CHECK(head.weights.row(i).sum() == Approx(1.0));
        }
        CHECK(layer.W_O.rows() == 8);
        CHECK(layer.output.rows() == 6);
        CHECK(layer.output.cols() == 8);
    }
}

TEST_CASE("every layer is the residual sum of its input and naive multi-head attention", "[model]") {
    const ComputedModel model = build_model(small_spec());
    const Mask mask = make_mask(small_spec().mask, 6, 6);
    Eigen::MatrixXd stream = model.embeddings;
    for (const LayerComputation& layer : model.layers) {
        Eigen::MatrixXd concat(6, 8);
        for (int h = 0; h < 2; ++h) {
            const HeadComputation& head = layer.heads[h];
            concat.middleCols(4 * h, 4) = naive::attention(stream, stream, head.W_Q, head.W_K, head.W_V, mask, true);
        }
        const Eigen::MatrixXd expected = stream + naive::matmul(concat, layer.W_O);
        CHECK(layer.input.isApprox(stream, 1e-12));
        CHECK(layer.output.isApprox(expected, 1e-10));
        stream = expected;
    }
}

TEST_CASE("embeddings are keyed by token text and positions are added on request", "[model]") {
    ModelSpec spec = small_spec();
    const ComputedModel with_positions = build_model(spec);
    CHECK(with_positions.token_embeddings.row(0) != with_positions.token_embeddings.row(4));  // "The" ≠ "the"
    spec.tokens[4] = "The";
    const ComputedModel repeated = build_model(spec);
    CHECK(repeated.token_embeddings.row(0) == repeated.token_embeddings.row(4));
    CHECK(repeated.embeddings.isApprox(repeated.token_embeddings + sinusoidal_positions(6, 8)));
    spec.positional = false;
    const ComputedModel without = build_model(spec);
    CHECK(without.embeddings == without.token_embeddings);
    CHECK(without.token_embeddings == token_embeddings(spec.tokens, 8, 7));
}

TEST_CASE("the same spec gives the same numbers and another seed different ones", "[model]") {
    const ComputedModel a = build_model(small_spec());
    const ComputedModel b = build_model(small_spec());
    CHECK(a.layers.back().output == b.layers.back().output);
    ModelSpec other = small_spec();
    other.seed = 8;
    CHECK(build_model(other).layers.front().heads.front().W_Q != a.layers.front().heads.front().W_Q);
}

TEST_CASE("adding a layer keeps the earlier layers' weights", "[model]") {
    ModelSpec deeper = small_spec();
    deeper.layers = 4;
    const ComputedModel a = build_model(small_spec());
    const ComputedModel b = build_model(deeper);
    for (std::size_t l = 0; l < 3; ++l) {
        CHECK(a.layers[l].heads[1].W_V == b.layers[l].heads[1].W_V);
        CHECK(a.layers[l].W_O == b.layers[l].W_O);
    }
}

TEST_CASE("switching scaling off leaves the scores unscaled", "[model]") {
    ModelSpec spec = small_spec();
    spec.scale = false;
    const ComputedModel model = build_model(spec);
    CHECK(model.layers[0].heads[0].scaled_scores == model.layers[0].heads[0].scores);
    const ComputedModel scaled = build_model(small_spec());
    CHECK(scaled.layers[0].heads[0].scaled_scores.isApprox(scaled.layers[0].heads[0].scores / 2.0));
}

TEST_CASE("layer norm gives each output row mean 0 and variance 1", "[model]") {
    ModelSpec spec = small_spec();
    spec.layer_norm = true;
    const ComputedModel model = build_model(spec);
    for (const LayerComputation& layer : model.layers) {
        CHECK(layer.output.isApprox(layer_norm_rows(layer.input + layer.attention_output)));
        for (Eigen::Index i = 0; i < 6; ++i) {
            CHECK(layer.output.row(i).mean() == Approx(0.0).margin(1e-12));
            CHECK(layer.output.row(i).squaredNorm() / 8 == Approx(1.0).epsilon(1e-4));
        }
    }
}

TEST_CASE("given embeddings and weights replace the seeded ones", "[model]") {
    std::mt19937_64 rng(31);
    ModelSpec spec;
    spec.tokens = {"a", "b", "c"};
    spec.d_model = 4;
    spec.heads = 1;
    spec.layers = 1;
    spec.positional = false;
    spec.embeddings = naive::random_matrix(rng, 3, 4);
    const HeadWeights head{naive::random_matrix(rng, 4, 4), naive::random_matrix(rng, 4, 4),
                           naive::random_matrix(rng, 4, 4)};
    spec.weights = {LayerWeights{{head}, Eigen::MatrixXd::Identity(4, 4)}};
    const ComputedModel model = build_model(spec);
    const Mask all = naive::all_visible(3, 3);
    const Eigen::MatrixXd X = *spec.embeddings;
    CHECK(model.layers[0].output.isApprox(X + naive::attention(X, X, head.W_Q, head.W_K, head.W_V, all, true), 1e-12));
}

TEST_CASE("cross-attention takes keys and values from the source sequence", "[model]") {
    ModelSpec spec = small_spec();
    spec.mask = {};
    spec.source_tokens = {"Le", "chat", "est", "assis"};
    const ComputedModel model = build_model(spec);
    REQUIRE(model.cross_attention());
    CHECK(model.source_embeddings.rows() == 4);
    for (const LayerComputation& layer : model.layers) {
        CHECK(layer.heads[0].weights.rows() == 6);
        CHECK(layer.heads[0].weights.cols() == 4);
        CHECK(layer.heads[0].K.isApprox(naive::matmul(model.source_embeddings, layer.heads[0].W_K)));
        CHECK(layer.heads[0].Q.isApprox(naive::matmul(layer.input, layer.heads[0].W_Q)));
    }
}

TEST_CASE("invalid specs are input errors that say what is wrong", "[model]") {
    auto error_of = [](ModelSpec spec) {
        try {
            build_model(spec);
        } catch (const InputError& error) {
            return error.message();
        }
        return std::string("no error");
    };
    ModelSpec spec = small_spec();
    spec.d_model = 10;
    spec.heads = 4;
    CHECK_THAT(error_of(spec), Catch::Contains("not divisible"));
    spec = small_spec();
    spec.tokens.clear();
    CHECK_THAT(error_of(spec), Catch::Contains("at least one token"));
    spec = small_spec();
    spec.d_model = 0;
    CHECK_THAT(error_of(spec), Catch::Contains("d_model must be between 1"));
    spec = small_spec();
    spec.d_model = 51200;
    CHECK_THAT(error_of(spec), Catch::Contains("d_model must be between 1"));
    spec = small_spec();
    spec.layers = 1000;
    CHECK_THAT(error_of(spec), Catch::Contains("layers must be between 1"));
    spec = small_spec();
    spec.tokens.assign(400, "x");
    spec.d_model = 1024;
    spec.heads = 64;
    spec.layers = 48;
    CHECK_THAT(error_of(spec), Catch::Contains("too large"));
    spec = small_spec();
    spec.mask = {MaskKind::local, 0, {}, {}};
    CHECK_THAT(error_of(spec), Catch::Contains("window must be at least 1"));
    spec = small_spec();
    spec.mask.padding = {0};
    CHECK_THAT(error_of(spec), Catch::Contains("token 0 ('The') can see no key"));
    spec = small_spec();
    spec.embeddings = Eigen::MatrixXd::Zero(6, 7);
    CHECK_THAT(error_of(spec), Catch::Contains("embeddings is 6×7 but must be 6×8"));
    spec = small_spec();
    spec.weights.resize(2);
    CHECK_THAT(error_of(spec), Catch::Contains("weights are given for 2 layers"));
    spec = small_spec();
    spec.tokens[2] = "";
    CHECK_THAT(error_of(spec), Catch::Contains("token 2 is empty"));
}
