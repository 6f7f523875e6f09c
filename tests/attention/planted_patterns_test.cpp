// The analysis must tell the truth about heads whose role is known: every head planted with a
// pattern is named for it in the summary of specialised heads, with its parameter, and no
// other role is reported (a uniform head has none).
#include "attention/analysis.hpp"
#include "attention/report.hpp"
#include "attention/synthetic.hpp"

#include <catch2/catch.hpp>

#include <sstream>

using namespace attnreel::attention;

namespace {

std::vector<std::string> words(const std::string& text) {
    std::istringstream in(text);
    std::vector<std::string> tokens;
    for (std::string token; in >> token;) tokens.push_back(token);
    return tokens;
}

std::string planted_role(const SyntheticHead& head) {
    return describe(PatternFit{head.pattern, head.parameter, 1.0});
}

}  // namespace

TEST_CASE("every planted head is named for its pattern and no unplanted role is reported", "[analysis][planted]") {
    const std::vector<std::vector<std::string>> sentences = {
        words("Mr and Mrs Dursley , of number four , Privet Drive , were proud to say that they were normal ."),
        words("the cat sat on the mat , and the dog sat on the log .")};
    const std::vector<PatternChoice> every_pattern = {
        HeadPattern::previous_token, {HeadPattern::local, 2}, HeadPattern::first_token_sink,
        {HeadPattern::positional_offset, 3}, HeadPattern::semantic, HeadPattern::induction,
        HeadPattern::punctuation_sink, HeadPattern::uniform};
    for (const auto& tokens : sentences) {
        for (const MaskKind kind : {MaskKind::causal, MaskKind::none}) {
            for (std::uint64_t seed = 0; seed < 6; ++seed) {
                SyntheticSpec spec;
                spec.tokens = tokens;
                spec.layers = 2;
                spec.heads = static_cast<int>(every_pattern.size());
                spec.seed = seed;
                spec.mask.kind = kind;
                // Layer 1 plants them in another order, so no role is tied to a head index.
                std::vector<PatternChoice> reversed(every_pattern.rbegin(), every_pattern.rend());
                spec.patterns = {every_pattern, reversed};
                const SyntheticModel model = generate_synthetic(spec);
                const ModelAnalysis analysis = analyze_model(model);
                for (std::size_t l = 0; l < model.layers.size(); ++l) {
                    for (std::size_t h = 0; h < model.layers[l].size(); ++h) {
                        const SyntheticHead& planted = model.layers[l][h];
                        INFO("L" << l << " H" << h << " planted " << planted_role(planted) << ", seed " << seed
                                 << ", mask " << to_string(kind) << ", " << tokens.size() << " tokens");
                        std::vector<std::string> reported;
                        for (const Specialisation& s : analysis.specialised)
                            if (s.layer == l && s.head == h) reported.push_back(s.role);
                        if (planted.pattern == HeadPattern::uniform) {
                            CHECK(reported.empty());
                        } else {
                            REQUIRE(reported.size() == 1);
                            CHECK(reported[0] == planted_role(planted));
                        }
                    }
                }
            }
        }
    }
}

TEST_CASE("the table reports each layer's means and the specialised heads", "[analysis][planted][report]") {
    SyntheticSpec spec;
    spec.tokens = words("the cat sat on the mat , and the dog sat on the log .");
    spec.layers = 1;
    spec.heads = 2;
    spec.seed = 1;
    spec.patterns = {{HeadPattern::previous_token, HeadPattern::uniform}};
    const SyntheticModel model = generate_synthetic(spec);
    const ModelAnalysis analysis = analyze_model(model);
    const std::string table = analysis_table(analysis, model.tokens);
    CHECK_THAT(table, Catch::Contains("mean"));
    CHECK_THAT(table, Catch::Contains("Most specialised heads"));
    CHECK_THAT(table, Catch::Contains("L0 H0  previous_token"));
    CHECK_THAT(table, !Catch::Contains("L0 H1"));
    CHECK_THAT(table, Catch::Contains("Distance profile"));
}
