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
