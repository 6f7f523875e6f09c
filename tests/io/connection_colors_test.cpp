// The token colours of attention_graph and attention_network: `palette` and `colors` as
// every widget showing tokens takes them, `palette: none` for neutral tokens (never a
// crash), and errors at their line and column.
#include "loader_test_support.hpp"

using namespace attnreel;
using namespace attnreel::testing;

namespace {

const std::string kData = "data:\n"
                          "  tokens: [the, cat, sat]\n"
                          "  model: {d_model: 8, heads: 2, seed: 3, mask: causal}\n";

Color fill_of(const Scene& s, const std::string& id) { return object_named(s, id).style.fill; }

Color hex(const char* text) { return *parse_color(text); }

}  // namespace

TEST_CASE("an attention graph's boxes take its palette and colors on both sides", "[io][connections]") {
    const Scene s = compiled(kData + "objects:\n"
                                     "  - id: g\n"
                                     "    attention_graph:\n"
                                     "      weights: \"model.layer[0].head[1]\"\n"
                                     "      palette: ['#111111', '#222222']\n"
                                     "      colors: {sat: '#00ff00'}\n"
                                     "timeline: []\n");
    CHECK(fill_of(s, "g.sources[0].box") == hex("#111111"));
    CHECK(fill_of(s, "g.sources[1].box") == hex("#222222"));
    CHECK(fill_of(s, "g.sources[2].box") == hex("#00ff00"));
    CHECK(fill_of(s, "g.targets[0].box") == hex("#111111"));
    CHECK(fill_of(s, "g.targets[2].box") == hex("#00ff00"));
    // The default is the token palette, as in a token row.
    const Scene d = compiled(kData + "objects:\n  - {id: g, attention_graph: {weights: \"model.layer[0].head[1]\"}}\n"
                                     "timeline: []\n");
    CHECK(fill_of(d, "g.sources[1].box") == hex("#4ECDC4"));
}

TEST_CASE("palette: none gives neutral tokens in a graph and a network, without crashing", "[io][connections]") {
    const Scene s = compiled(kData + "objects:\n"
                                     "  - {id: g, attention_graph: {weights: \"model.layer[0].head[0]\", palette: none}}\n"
                                     "  - id: net\n"
                                     "    attention_network: {weights: \"model.layer[0].head[0]\", palette: none,"
                                     " clusters: 2}\n"
                                     "timeline: []\n");
    CHECK(fill_of(s, "g.sources[0].box") == fill_of(s, "g.targets[2].box"));
    CHECK(fill_of(s, "net.nodes[0].circle") == fill_of(s, "net.nodes[2].circle"));
    CHECK(fill_of(s, "net.hulls[0]") == fill_of(s, "net.hulls[1]"));
}

TEST_CASE("a network's nodes take their own colors over their cluster's", "[io][connections]") {
    const Scene s = compiled(kData + "objects:\n"
                                     "  - id: net\n"
                                     "    attention_network:\n"
                                     "      weights: \"model.layer[0].head[0]\"\n"
                                     "      palette: ['#123456']\n"
                                     "      colors: [~, '#ff0000', ~]\n"
                                     "timeline: []\n");
    CHECK(fill_of(s, "net.nodes[0].circle") == hex("#123456"));
    CHECK(fill_of(s, "net.nodes[1].circle") == hex("#ff0000"));
    CHECK(fill_of(s, "net.nodes[2].circle") == hex("#123456"));
}

TEST_CASE("colors of connection widgets name their tokens, with errors at line and column", "[io][connections]") {
    const InputError dog = error_of(kData + "objects:\n"
                                            "  - {id: g, attention_graph: {weights: \"model.layer[0].head[0]\", "
                                            "colors: {dog: red}}}\n"
                                            "timeline: []\n");
    CHECK(dog.mark().line == 5);
    CHECK(dog.mark().column == 75);
    CHECK_THAT(dog.message(), Catch::StartsWith("'dog' is not one of the tokens"));
    const InputError count = error_of(kData + "objects:\n"
                                              "  - {id: g, attention_graph: {weights: [[1]], tokens: [a], "
                                              "colors: [red, blue]}}\n"
                                              "timeline: []\n");
    CHECK(count.mark().line == 5);
    CHECK_THAT(count.message(), Catch::Contains("expected 1 colours in 'colors'"));
    const InputError empty = error_of(kData + "objects:\n"
                                              "  - {id: g, attention_network: {weights: \"model.layer[0].head[0]\", "
                                              "palette: []}}\n"
                                              "timeline: []\n");
    CHECK_THAT(empty.message(), Catch::Contains("'palette' needs at least one colour"));
}
