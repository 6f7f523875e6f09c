// `{path:format}` in a text: the value a model path names, printed in the format asked,
// recorded with its path; `{{` and `}}` for braces; errors at the placeholder's column.
#include "loader_test_support.hpp"

#include "io/text_placeholders.hpp"
#include "timeline/text_numbers.hpp"

#include <cmath>
#include <cstdio>

using namespace attnreel;
using namespace attnreel::testing;

namespace {

const std::string kData = "data:\n"
                          "  tokens: [the, cat, sat, on]\n"
                          "  model: {d_model: 8, heads: 2, seed: 3, mask: causal}\n";

std::string scene(const std::string& entries) { return kData + "objects:\n" + entries + "timeline: []\n"; }

// The text of entry `id` once the scene's models fill it in.
std::string filled_text(const std::string& yaml, const std::string& id, std::vector<ShownValue>* shown = nullptr) {
    const SceneSpec spec = parse_scene(yaml, "good.yaml");
    const auto data = attention::SceneData::build(spec.data);
    for (const ObjectSpec& o : spec.objects)
        if (o.id == id) {
            std::vector<ShownValue> values;
            const TextSpec filled = text_from_model(std::get<TextSpec>(o.kind), data, values);
            if (shown) *shown = values;
            return filled.content.text;
        }
    FAIL("no entry " << id);
    return "";
}

std::string fixed(double v, int decimals) {
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.*f", decimals, v);
    std::string s = buf;
    if (s.find_first_not_of("-0.") == std::string::npos && s[0] == '-') return s.substr(1);
    if (s[0] == '-') return "\u2212" + s.substr(1);
    return s;
}

}  // namespace

TEST_CASE("a text shows an analysis figure in the format asked and records its path", "[loader][text][path]") {
    const std::string yaml = scene("  - {id: t, text: \"entropy {analysis.layer[0].head[1].entropy:.2f} bits\"}\n");
    const Scene s = compiled(yaml);
    const double entropy = s.model->value("analysis.layer[0].head[1].entropy").values(0, 0);
    CHECK(filled_text(yaml, "t") == "entropy " + fixed(entropy, 2) + " bits");
    const Object& t = object_named(s, "t");
    REQUIRE(t.shown.size() == 1);
    CHECK(t.shown[0].text == fixed(entropy, 2));
    CHECK(t.shown[0].path == "analysis.layer[0].head[1].entropy");
}

TEST_CASE("text formats: decimals, percent, scientific, whole numbers, names and vectors", "[loader][text][path]") {
    const std::string yaml =
        scene("  - {id: a, text: \"{model.layer[0].head[1][2][1]:.3f}\"}\n"
              "  - {id: b, text: \"{model.layer[0].head[1][2][1]:.1%}\"}\n"
              "  - {id: c, text: \"{model.layer[0].head[0].scores[3][0]:.2e}\"}\n"
              "  - {id: d, text: \"{model.layer[0].head[0].scores[3][0]:d}\"}\n"
              "  - {id: e, text: \"head 1 is {analysis.layer[0].head[1].pattern}\"}\n"
              "  - {id: f, text: \"{analysis.layer[0].head[1].pattern:s}\"}\n"
              "  - {id: g, text: \"{model.layer[0].head[1].row[1]:.1f}\"}\n"
              "  - {id: h, text: \"{model.layer[0].head[1][2][1]}\"}\n");
    const Scene s = compiled(yaml);
    const double w = s.model->value("model.layer[0].head[1][2][1]").values(0, 0);
    const double score = s.model->value("model.layer[0].head[0].scores[3][0]").values(0, 0);
    const std::string pattern = s.model->value("analysis.layer[0].head[1].pattern").name;
    CHECK(filled_text(yaml, "a") == fixed(w, 3));
    CHECK(filled_text(yaml, "b") == fixed(w * 100, 1) + "%");
    char e[64];
    std::snprintf(e, sizeof e, "%.2e", score);
    std::string expected_e = e;
    for (auto at = expected_e.find('-'); at != std::string::npos; at = expected_e.find('-'))
        expected_e.replace(at, 1, "\u2212");
    CHECK(filled_text(yaml, "c") == expected_e);
    CHECK(filled_text(yaml, "d") == fixed(std::round(score), 0));
    CHECK(filled_text(yaml, "e") == "head 1 is " + pattern);
    CHECK(filled_text(yaml, "f") == pattern);
    const attention::ModelValue row = s.model->value("model.layer[0].head[1].row[1]");
    std::vector<ShownValue> shown;
    CHECK(filled_text(yaml, "g", &shown) ==
          "[" + fixed(row.values(0, 0), 1) + ", " + fixed(row.values(0, 1), 1) + ", " + fixed(row.values(0, 2), 1) +
              ", " + fixed(row.values(0, 3), 1) + "]");
    REQUIRE(shown.size() == 4);
    CHECK(shown[2].path == "model.layer[0].head[1].weights.row[1][2]");
    CHECK(filled_text(yaml, "h") == fixed(w, 2));  // no format: 2 decimals, as widgets print
}

TEST_CASE("double braces write a brace and other braces stay as written", "[loader][text]") {
    const std::string yaml = scene("  - {id: t, text: \"{{model.prediction}} and {x} and }} {{\"}\n");
    CHECK(filled_text(yaml, "t") == "{model.prediction} and {x} and } {");
    CHECK(object_named(compiled(yaml), "t").shown.empty());
}

TEST_CASE("a placeholder inside markup keeps the style of its run", "[loader][text]") {
    const std::string yaml =
        scene("  - {id: t, text: \"H = <span color='#F59E0B'>{analysis.layer[0].head[0].entropy:.1f}</span> {{bits}}\"}\n");
    const SceneSpec spec = parse_scene(yaml, "good.yaml");
    const auto data = attention::SceneData::build(spec.data);
    std::vector<ShownValue> shown;
    const TextSpec filled = text_from_model(std::get<TextSpec>(spec.objects[0].kind), data, shown);
    const double entropy = data.value("analysis.layer[0].head[0].entropy").values(0, 0);
    const std::string value = fixed(entropy, 1);
    CHECK(filled.content.text == "H = " + value + " {bits}");
    REQUIRE(filled.content.runs.size() == 3);
    CHECK(filled.content.runs[1].begin == 4);
    CHECK(filled.content.runs[1].end == 4 + value.size());
    CHECK(filled.content.runs[1].style.color.has_value());
    CHECK(filled.content.runs[2].end == filled.content.text.size());
}

TEST_CASE("repeat fills its variables first, then the text its model values", "[loader][text][repeat]") {
    const std::string yaml = scene("  - id: \"t{h}\"\n"
                                   "    repeat: {for: h, in: [0, 1]}\n"
                                   "    text: \"head {h}: {analysis.layer[0].head[{h}].entropy:.2f}\"\n"
                                   "    shift: [\"{h * 3}\", 0]\n");
    const Scene s = compiled(yaml);
    for (int h = 0; h < 2; ++h) {
        const std::string path = "analysis.layer[0].head[" + std::to_string(h) + "].entropy";
        const Object& t = object_named(s, "t" + std::to_string(h));
        REQUIRE(t.shown.size() == 1);
        CHECK(t.shown[0].path == path);
        CHECK(t.shown[0].text == fixed(s.model->value(path).values(0, 0), 2));
    }
}

TEST_CASE("a placeholder's path and format are checked at their own column", "[loader][text][errors]") {
    // Plain scalar: columns are exact.
    check_exact(error_of(scene("  - id: t\n    text: entropy {analysis.layer[0].head[1].entrpy:.2f} bits\n")), 6, 46,
                "unknown name 'entrpy' after 'analysis.layer[0].head[1]'; did you mean "
                "'analysis.layer[0].head[1].entropy'? (valid here: analysis.layer[0].head[1].entropy, "
                "analysis.layer[0].head[1].mean_distance, analysis.layer[0].head[1].self, "
                "analysis.layer[0].head[1].previous, analysis.layer[0].head[1].sink, "
                "analysis.layer[0].head[1].punctuation, analysis.layer[0].head[1].induction, "
                "analysis.layer[0].head[1].alignment, analysis.layer[0].head[1].coverage, "
                "analysis.layer[0].head[1].pattern, analysis.layer[0].head[1].fit)");
    check_exact(error_of(scene("  - id: t\n    text: p = {model.layer[0].head[1][2][1]:.2q}\n")), 6, 45,
                "unknown format '.2q'; expected a format such as .2f (2 decimals), .1% (a percentage), .3e "
                "(scientific), d (a whole number) or s (a name)");
    // Found when the scene compiles, still at the placeholder.
    check_exact(error_of(scene("  - id: t\n    text: w = {model.layer[0].head[5][2][1]}\n")), 6, 16,
                "head 5 is out of range (layer 0 has 2)");
    check_exact(error_of(scene("  - id: t\n    text: w = {model.layer[0].head[1]}\n")), 6, 16,
                "'model.layer[0].head[1]' is a 4×4 matrix; a text shows a number, a name or a vector: pick one "
                "entry with [i][j] or one row with .row[i]");
    check_exact(error_of(scene("  - id: t\n    text: \"{analysis.layer[0].head[1].pattern:.2f}\"\n")), 6, 11,
                "'analysis.layer[0].head[1].pattern' is a name: write it without a format, or with ':s' (':.2f' is "
                "for numbers)");
    check_exact(error_of(scene("  - id: t\n    text: '{analysis.layer[0].head[1].entropy:s}'\n")), 6, 47,
                "'analysis.layer[0].head[1].entropy' is a number: ':s' is for names; numbers take a format such as "
                "':.2f'");
}

TEST_CASE("value formats accept Python's spellings and reject the rest", "[text][format]") {
    CHECK(parse_value_format("").kind == ValueFormat::Kind::fixed);
    CHECK(parse_value_format(".0f").decimals == 0);
    CHECK(parse_value_format(".12f").decimals == 12);
    CHECK(parse_value_format("%").kind == ValueFormat::Kind::percent);
    CHECK(parse_value_format(".3e").kind == ValueFormat::Kind::exponent);
    CHECK_THROWS_WITH(parse_value_format(".13f"), "the format '.13f' asks for more than 12 decimals");
    CHECK_THROWS_AS(parse_value_format(".f"), std::invalid_argument);
    CHECK_THROWS_AS(parse_value_format("2f"), std::invalid_argument);
    CHECK_THROWS_AS(parse_value_format(".2ff"), std::invalid_argument);
}
