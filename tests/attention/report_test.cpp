#include "attention/report.hpp"

#include "attention/synthetic.hpp"

#include "attention/tokens.hpp"

#include <catch2/catch.hpp>

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

TEST_CASE("the analysis table has one aligned line per head, each layer's means and the rollout", "[report]") {
    const SyntheticModel model = lesson_model();
    const ModelAnalysis analysis = analyze_model(model);
    const std::vector<std::string> table = lines(analysis_table(analysis, model.tokens));
    REQUIRE(table.size() >= 1 + 2 * 5);
    CHECK_THAT(table[0], Catch::StartsWith("layer  head  pattern"));
    for (std::size_t l = 0; l < 2; ++l) {
        for (std::size_t h = 0; h <= 4; ++h) {
            const std::string& line = table[1 + l * 5 + h];
            CHECK(display_width(line) == display_width(table[0]));
            if (h == 4) {
                CHECK_THAT(line, Catch::Contains("mean"));
                continue;
            }
            CHECK_THAT(line, Catch::Contains(describe(*analysis.layers[l][h].pattern)));
        }
    }
    const std::string text = analysis_table(analysis, model.tokens);
    CHECK_THAT(text, Catch::Contains("Most specialised heads"));
    CHECK_THAT(text, Catch::Contains("Attention rollout"));
    CHECK_THAT(text, Catch::Contains("Distance profile"));
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
