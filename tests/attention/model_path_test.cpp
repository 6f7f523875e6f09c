// The model path grammar: what each path says, its canonical text, and the first mistake of
// a wrong one with its byte offset and the nearest valid paths.
#include "attention/model_path.hpp"

#include <catch2/catch.hpp>


using namespace attnreel::attention;
using Kind = PathSlice::Kind;

namespace {

PathError error_of(const std::string& text) {
    try {
        parse_model_path(text);
    } catch (const PathError& e) {
        return e;
    }
    FAIL("expected a PathError for " << text);
    throw std::logic_error("unreachable");
}

void check_error(const std::string& text, std::size_t offset, const std::string& message) {
    const PathError e = error_of(text);
    INFO(text << " → " << e.what());
    CHECK(e.offset() == offset);
    CHECK(std::string(e.what()) == message);
}

}  // namespace

TEST_CASE("a head path names its layer, head and item, alone it is the head's weights", "[path]") {
    const ModelPath p = parse_model_path("model.layer[1].head[2].scaled_scores");
    CHECK_FALSE(p.named);
    CHECK(p.model.empty());
    CHECK(p.layer == std::optional<std::size_t>(1));
    CHECK(p.head == std::optional<std::size_t>(2));
    CHECK(p.item == "scaled_scores");
    CHECK(p.slices.empty());

    const ModelPath w = parse_model_path("model.layer[0].head[3]");
    CHECK(w.item == "weights");
    CHECK(to_string(w) == "model.layer[0].head[3].weights");
}

TEST_CASE("model-, layer- and named-model paths", "[path]") {
    CHECK(parse_model_path("model.embeddings").item == "embeddings");
    CHECK_FALSE(parse_model_path("model.embeddings").layer);
    const ModelPath layer = parse_model_path("model.layer[2].W_O");
    CHECK(layer.layer == std::optional<std::size_t>(2));
    CHECK_FALSE(layer.head);
    CHECK(layer.item == "W_O");

    const ModelPath named = parse_model_path("models.causal.layer[0].head[1].mask");
    CHECK(named.named);
    CHECK(named.model == "causal");
    CHECK(named.item == "mask");
    CHECK(named.model_text() == "models.causal");

    const ModelPath step = parse_model_path("model.step[40].prediction");
    CHECK(step.step == std::optional<std::size_t>(40));
    CHECK(to_string(step) == "model.step[40].prediction");
}

TEST_CASE("analysis paths: figures of a head, a layer, and the whole model", "[path]") {
    const ModelPath head = parse_model_path("analysis.layer[0].head[1].entropy");
    CHECK(head.analysis);
    CHECK(head.head == std::optional<std::size_t>(1));
    CHECK(head.item == "entropy");
    CHECK(to_string(head) == "analysis.layer[0].head[1].entropy");

    const ModelPath layer = parse_model_path("analysis.layer[1].sink");
    CHECK_FALSE(layer.head);
    CHECK(layer.item == "sink");

    CHECK(parse_model_path("analysis.entropy_by_layer").item == "entropy_by_layer");
    const ModelPath named = parse_model_path("models.local.analysis.layer[0].head[0].pattern");
    CHECK(named.analysis);
    CHECK(named.model == "local");
    CHECK(to_string(named) == "models.local.analysis.layer[0].head[0].pattern");
}

TEST_CASE("slices are kept in the order written, with their indices", "[path]") {
    const ModelPath p = parse_model_path("model.layer[0].head[1].weights.rows[1:3].transpose.column[0][1]");
    REQUIRE(p.slices.size() == 4);
    CHECK(p.slices[0].kind == Kind::rows);
    CHECK(p.slices[0].first == 1);
    CHECK(p.slices[0].last == std::optional<std::size_t>(3));
    CHECK(p.slices[1].kind == Kind::transpose);
    CHECK(p.slices[2].kind == Kind::column);
    CHECK(p.slices[2].first == 0);
    CHECK(p.slices[3].kind == Kind::index);
    CHECK(p.slices[3].first == 1);

    // Either end of a range may be left out; [i][j] on a matrix is two indices.
    const ModelPath open = parse_model_path("model.inputs.columns[:2]");
    CHECK(open.slices[0].first == 0);
    CHECK(open.slices[0].last == std::optional<std::size_t>(2));
    CHECK_FALSE(parse_model_path("model.inputs.rows[1:]").slices[0].last);
    const ModelPath entry = parse_model_path("model.layer[0].head[0][2][1]");
    CHECK(entry.item == "weights");
    REQUIRE(entry.slices.size() == 2);
    CHECK(entry.slices[1].first == 1);
    CHECK(to_string(entry) == "model.layer[0].head[0].weights[2][1]");
    CHECK(to_string(parse_model_path("model.rollout.row[3][0:2]")) == "model.rollout.row[3][0:2]");
}

TEST_CASE("a wrong name is reported where it starts, with the nearest valid path", "[path]") {
    check_error("model.layer[0].head[1].scroes", 23,
                "unknown name 'scroes' after 'model.layer[0].head[1]'; did you mean "
                "'model.layer[0].head[1].scores'? (valid here: model.layer[0].head[1].weights, "
                "model.layer[0].head[1].mask, model.layer[0].head[1].q, model.layer[0].head[1].k, "
                "model.layer[0].head[1].v, model.layer[0].head[1].scores, model.layer[0].head[1].scaled_scores, "
                "model.layer[0].head[1].output, model.layer[0].head[1].W_Q, model.layer[0].head[1].W_K, "
                "model.layer[0].head[1].W_V)");
    const PathError layer = error_of("model.layr[0].output");
    CHECK(layer.offset() == 6);
    CHECK_THAT(layer.what(), Catch::Contains("did you mean 'model.layer[L]'?"));
    const PathError root = error_of("modle.layer[0].head[0]");
    CHECK(root.offset() == 0);
    CHECK_THAT(root.what(), Catch::Contains("did you mean 'model'?"));
    const PathError metric = error_of("analysis.layer[0].head[0].entropi");
    CHECK_THAT(metric.what(), Catch::Contains("did you mean 'analysis.layer[0].head[0].entropy'?"));
    const PathError slice = error_of("model.inputs.rwo[1]");
    CHECK(slice.offset() == 13);
    CHECK_THAT(slice.what(), Catch::Contains("did you mean 'model.inputs.row[…]'?"));
}

TEST_CASE("malformed indices, ranges and endings are errors at their byte", "[path]") {
    check_error("model.layer.head[0]", 11, "'layer' needs a layer index: layer[0]");
    check_error("model.layer[x]", 12, "expected an index (a whole number) after '['");
    check_error("model.layer[-1]", 12, "indices count from 0 and cannot be negative");
    check_error("model.layer[0", 13, "expected ']' to close the '['");
    check_error("model.layer[0]..output", 15, "expected a name here, found '.'");
    check_error("model.layer[0].", 15, "the path ends where a name was expected");
    check_error("model.layer[0]", 14,
                "'model.layer[0]' names a whole layer; add one of .head[H], .W_Q, .W_K, .W_V, .W_O, .input, "
                ".concat, .attention_output, .output, .head_mean, .rollout");
    check_error("model.inputs.row[1:2]", 16, "'row' takes one index; for several write rows[a:b]");
    check_error("model.inputs.rows[2]", 17,
                "'rows' takes a range: rows[a:b] (rows a to b−1; either end may be left out)");
    check_error("model.inputs.rows[3:1]", 17, "the range [3:1] is empty; write [a:b] with a < b");
    check_error("model.layer[0] head", 14, "expected '.' or '[' after 'model.layer[0]', found ' '");
    check_error("", 0, "the model path is empty");
    CHECK_THAT(error_of("models").what(), Catch::Contains("models.NAME"));
    CHECK_THAT(error_of("model").what(), Catch::Contains("names a whole model"));
}

TEST_CASE("a path longer than the limit is an error, one just within it parses", "[path]") {
    // std::regex recursed once per character and overflowed the stack on inputs like these.
    CHECK(error_of("model.embeddings" + std::string(100000, ']')).offset() == kMaxPathLength);
    std::string slices = "model.inputs";
    while (slices.size() + 10 <= kMaxPathLength) slices += ".transpose";
    CHECK(parse_model_path(slices).slices.size() > 100);
}

TEST_CASE("starts_like_model_path tells paths from other words", "[path]") {
    CHECK(starts_like_model_path("model.layer[0]"));
    CHECK(starts_like_model_path("models.causal.rollout"));
    CHECK(starts_like_model_path("analysis.entropy_by_layer"));
    CHECK_FALSE(starts_like_model_path("modelling"));
    CHECK_FALSE(starts_like_model_path("title"));
}
