#include "attention/report.hpp"

#include "attention/model_report.hpp"
#include "attention/tokens.hpp"

#include <catch2/catch.hpp>
#include <yaml-cpp/yaml.h>

#include <sstream>

using namespace attnreel::attention;

namespace {

SyntheticModel lesson_model() {
    SyntheticSpec spec;
    spec.tokens = {"the", "cat", "sat", "on", "the", "mat"};
    spec.layers = 2;
    spec.heads = 4;
    spec.seed = 7;
    return generate_synthetic(spec);
}

std::vector<std::string> lines(const std::string& text) {
    std::vector<std::string> result;
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);) result.push_back(line);
    return result;
}

}  // namespace

TEST_CASE("the analysis JSON parses back with every head's scores", "[report]") {
    const SyntheticModel model = lesson_model();
    const ModelAnalysis analysis = analyze_model(model);
    const YAML::Node root = YAML::Load(analysis_json(analysis, model.tokens));
    REQUIRE(root["layers"].size() == 2);
    for (std::size_t l = 0; l < 2; ++l) {
        REQUIRE(root["layers"][l]["heads"].size() == 4);
        for (std::size_t h = 0; h < 4; ++h) {
            const YAML::Node head = root["layers"][l]["heads"][h];
            const HeadAnalysis& expected = analysis.layers[l][h];
            CHECK(head["entropy"].as<double>() == expected.entropy);
            CHECK(head["mean_distance"].as<double>() == expected.mean_distance);
            CHECK(head["self"].as<double>() == expected.self);
            CHECK(head["previous"].as<double>() == expected.previous);
            CHECK(head["sink"].as<double>() == expected.sink);
            REQUIRE(expected.induction);  // "the" repeats
            CHECK(head["induction"].as<double>() == *expected.induction);
            CHECK(head["pattern"].as<std::string>() == to_string(expected.pattern->pattern));
            CHECK(head["fit"].as<double>() == *expected.pattern->fit);
        }
    }
    REQUIRE(root["rollout"].size() == 6);
    for (std::size_t i = 0; i < 6; ++i)
        for (std::size_t j = 0; j < 6; ++j)
            CHECK(root["rollout"][i][j].as<double>() == analysis.rollout(static_cast<Eigen::Index>(i), static_cast<Eigen::Index>(j)));
    CHECK(root["tokens"][1].as<std::string>() == "cat");
}

TEST_CASE("absent scores are JSON null", "[report]") {
    ModelAnalysis analysis;
    analysis.layers = {{analyze_head(Eigen::MatrixXd::Identity(3, 3), {"a", "b", "c"})}};
    const YAML::Node root = YAML::Load(analysis_json(analysis, {"a", "b", "c"}));
    CHECK(root["layers"][0]["heads"][0]["induction"].IsNull());
    CHECK(root["rollout"].IsNull());
}

TEST_CASE("the analysis table has one aligned line per head and the rollout", "[report]") {
    const SyntheticModel model = lesson_model();
    const ModelAnalysis analysis = analyze_model(model);
    const std::vector<std::string> table = lines(analysis_table(analysis, model.tokens));
    REQUIRE(table.size() >= 1 + 8);
    CHECK_THAT(table[0], Catch::StartsWith("layer  head  pattern"));
    for (int row = 1; row <= 8; ++row) {
        CHECK(display_width(table[static_cast<std::size_t>(row)]) == display_width(table[0]));
        const HeadAnalysis& head = analysis.layers[(row - 1) / 4][(row - 1) % 4];
        CHECK_THAT(table[static_cast<std::size_t>(row)], Catch::Contains(describe(*head.pattern)));
    }
    const std::string text = analysis_table(analysis, model.tokens);
    CHECK_THAT(text, Catch::Contains("Attention rollout"));
    CHECK(lines(text).size() == 1 + 8 + 3 + 6);  // header, heads, blank + title + tokens, rows
}

TEST_CASE("long tokens are shortened in the rollout to keep the columns aligned", "[report]") {
    ModelAnalysis analysis;
    const std::vector<std::string> tokens = {"a", "extraordinarily"};
    analysis.layers = {{analyze_head(Eigen::MatrixXd::Identity(2, 2), tokens)}};
    analysis.rollout = Eigen::MatrixXd::Identity(2, 2);
    const std::vector<std::string> table = lines(analysis_table(analysis, tokens));
    const std::size_t width = display_width(table[table.size() - 1]);
    CHECK(display_width(table[table.size() - 2]) == width);
    CHECK(display_width(table[table.size() - 3]) == width);
    CHECK_THAT(table.back(), Catch::StartsWith("extraordi…"));
}

TEST_CASE("the model JSON parses back with every intermediate", "[report]") {
    ModelSpec spec;
    spec.tokens = {"The", "cat", "\"sat\""};
    spec.d_model = 4;
    spec.heads = 2;
    spec.layers = 2;
    spec.mask.kind = MaskKind::causal;
    const ComputedModel model = build_model(spec);
    const YAML::Node root = YAML::Load(model_json(model));
    CHECK(root["tokens"][2].as<std::string>() == "\"sat\"");
    CHECK(root["d_k"].as<int>() == 2);
    CHECK(root["mask"].as<std::string>() == "causal");
    CHECK(root["embeddings"][2][3].as<double>() == model.embeddings(2, 3));
    REQUIRE(root["layers"].size() == 2);
    const YAML::Node head = root["layers"][1]["heads"][0];
    const HeadComputation& expected = model.layers[1].heads[0];
    for (const char* key : {"W_Q", "W_K", "W_V", "Q", "K", "V", "scores", "scaled_scores", "mask", "weights", "output"})
        CHECK(head[key].IsSequence());
    CHECK(head["W_K"].size() == 4);
    CHECK(head["W_K"][3].size() == 2);
    CHECK(head["W_K"][3][1].as<double>() == expected.W_K(3, 1));
    CHECK(head["scaled_scores"][2][1].as<double>() == expected.scaled_scores(2, 1));
    CHECK(head["weights"][1][0].as<double>() == expected.weights(1, 0));
    CHECK(head["mask"][0][1].as<int>() == 0);
    CHECK(head["mask"][1][0].as<int>() == 1);
    CHECK(root["layers"][1]["W_O"][3][3].as<double>() == model.layers[1].W_O(3, 3));
    CHECK(root["layers"][1]["output"][2][0].as<double>() == model.layers[1].output(2, 0));
}

TEST_CASE("the synthetic JSON parses back with patterns and weights", "[report]") {
    const SyntheticModel model = lesson_model();
    const YAML::Node root = YAML::Load(synthetic_json(model));
    REQUIRE(root["layers"].size() == 2);
    const YAML::Node head = root["layers"][1]["heads"][3];
    CHECK(head["pattern"].as<std::string>() == to_string(model.layers[1][3].pattern));
    CHECK(head["weights"][5][2].as<double>() == model.layers[1][3].weights(5, 2));
    CHECK(root["mask"][0][5].as<int>() == 0);
}
