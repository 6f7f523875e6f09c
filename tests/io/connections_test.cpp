// attention_graph and attention_network in scene files, and the animations made for them:
// numbers from the model by path, select, transform line by line, flow and move_along, and
// errors at their line and column.
#include "loader_test_support.hpp"

#include <algorithm>

using namespace attnreel;
using namespace attnreel::testing;
using Catch::Detail::Approx;

namespace {

const std::string kData = "data:\n"
                          "  tokens: [the, cat, sat, on]\n"
                          "  model: {d_model: 8, heads: 2, seed: 3, mask: causal}\n";

const Object& object(const Scene& s, const std::string& id) {
    const auto i = s.objects.find(id);
    INFO(id);
    REQUIRE(i);
    return s.objects[*i];
}

std::size_t index_of(const Scene& s, const std::string& id) {
    const auto i = s.objects.find(id);
    INFO(id);
    REQUIRE(i);
    return *i;
}

// The state of a leaf at time t, as frame_at would draw it when settled.
ObjectState state_at(const Scene& s, const std::string& id, double t) {
    const TrackSample sample = attnreel::sample(s.tracks[index_of(s, id)], t);
    return sample.active ? interpolate(sample.active->from, sample.active->to, sample.alpha) : sample.state;
}

const std::string kTwoHeads = kData + "objects:\n"
                                      "  - {id: g0, attention_graph: {weights: \"model.layer[0].head[0]\"}}\n"
                                      "  - {id: g1, attention_graph: {weights: \"model.layer[0].head[1]\"}}\n";

}  // namespace

TEST_CASE("a graph takes its weights, tokens, mask and head colour from the model", "[loader][graph]") {
    const Scene s = compiled(kTwoHeads + "timeline: []\n");
    const attention::ModelValue w = s.model->value("model.layer[0].head[1]");
    for (int i = 0; i < 4; ++i)
        for (int j = 0; j < 4; ++j) {
            const std::string id = "g1.lines[" + std::to_string(i) + "][" + std::to_string(j) + "]";
            INFO(id);
            const auto line = s.objects.find(id);
            CHECK(line.has_value() == (j <= i));  // causal: no line into the future
            if (!line) continue;
            const Object& o = s.objects[*line];
            CHECK(o.link->weight == Approx(w.values(i, j)));
            CHECK(o.style.stroke_width == Approx(8 * w.values(i, j)));
            CHECK(o.style.stroke_opacity == Approx(0.3 + 0.6 * w.values(i, j)));
            CHECK(o.style.stroke == *parse_color("#8B5CF6"));  // head 1's colour
            REQUIRE(o.shown.size() == 1);
            CHECK(o.shown[0].path ==
                  "model.layer[0].head[1].weights[" + std::to_string(i) + "][" + std::to_string(j) + "]");
        }
    CHECK(object(s, "g0").tokens == std::vector<std::string>{"the", "cat", "sat", "on"});
    CHECK(object(s, "g0.lines[0][0]").style.stroke == *parse_color("#3B82F6"));
}

TEST_CASE("creating a graph brings its lines in one source at a time", "[loader][graph]") {
    const Scene s = compiled(kTwoHeads + "timeline:\n  - play: {create: g0, run_time: 4}\n");
    const auto start_of = [&](const std::string& id) { return s.tracks[index_of(s, id)].segments.at(0).start; };
    CHECK(start_of("g0.lines[1][0]") == Approx(start_of("g0.lines[1][1]")));  // one source's lines together
    CHECK(start_of("g0.lines[1][0]") > start_of("g0.lines[0][0]"));
    CHECK(start_of("g0.lines[2][0]") > start_of("g0.lines[1][0]"));
    // Asked for, every line at once.
    const Scene at_once = compiled(kTwoHeads + "timeline:\n  - play: {create: g0.lines, lag_ratio: 0}\n");
    CHECK(at_once.tracks[index_of(at_once, "g0.lines[3][0]")].segments.at(0).start == 0);
}

TEST_CASE("select lights one source's lines and dims the others", "[loader][graph]") {
    const Scene s = compiled(kTwoHeads + "timeline:\n"
                                         "  - add: g0\n"
                                         "  - play: {select: g0, source: sat}\n"
                                         "  - play: {select: g0, source: 1, dim: 0.3}\n"
                                         "  - play: {select: g0, source: all}\n");
    CHECK(state_at(s, "g0.lines[2][1]", 1).opacity == Approx(1));
    CHECK(state_at(s, "g0.lines[3][1]", 1).opacity == Approx(0.12));
    CHECK(state_at(s, "g0.lines[1][0]", 1).opacity == Approx(0.12));
    CHECK(state_at(s, "g0.lines[1][0]", 2).opacity == Approx(1));
    CHECK(state_at(s, "g0.lines[2][1]", 2).opacity == Approx(0.3));
    CHECK(state_at(s, "g0.lines[2][1]", 3).opacity == Approx(1));
    CHECK(state_at(s, "g0.lines[3][1]", 3).opacity == Approx(1));
}

TEST_CASE("transform between two heads' graphs interpolates each line on its own", "[loader][graph]") {
    const Scene s = compiled(kTwoHeads + "timeline:\n"
                                         "  - add: g0\n"
                                         "  - play: {transform: g0, to: g1, run_time: 2, rate_func: linear}\n");
    // Every line both heads draw morphs into its counterpart: width, opacity and colour
    // interpolated for that line alone.
    std::vector<double> end_widths;
    for (int i = 0; i < 4; ++i)
        for (int j = 0; j <= i; ++j) {
            const std::string suffix = ".lines[" + std::to_string(i) + "][" + std::to_string(j) + "]";
            if (!s.objects.find("g0" + suffix) || !s.objects.find("g1" + suffix)) continue;
            INFO(suffix);
            const Object& a = object(s, "g0" + suffix);
            const Object& b = object(s, "g1" + suffix);
            const Segment& seg = s.tracks[index_of(s, "g0" + suffix)].segments.at(1);
            REQUIRE(seg.kind == SegmentKind::Morph);
            const ObjectState mid = interpolate(seg.from, seg.to, 0.5);
            CHECK(mid.style.stroke_width == Approx((a.style.stroke_width + b.style.stroke_width) / 2));
            CHECK(mid.style.stroke_opacity == Approx((a.style.stroke_opacity + b.style.stroke_opacity) / 2));
            CHECK(mid.style.stroke == mix_oklab(a.style.stroke, b.style.stroke, 0.5));
            end_widths.push_back(seg.to.style.stroke_width);
        }
    REQUIRE(end_widths.size() >= 3);
    // Not one style for all: the lines end at different widths.
    CHECK(*std::max_element(end_widths.begin(), end_widths.end()) >
          *std::min_element(end_widths.begin(), end_widths.end()) + 0.1);
    // At the end the second graph is on screen, the first is not.
    CHECK(state_at(s, "g1.sources[3].box", 2.5).visible);
    CHECK_FALSE(state_at(s, "g0.sources[3].box", 2.5).visible);
    // The legend's "head 0" does not morph glyph by glyph into "head 1": it fades out while
    // the new words fade in; "line width = attention weight" stays.
    CHECK(s.tracks[index_of(s, "g0.legend.head")].segments.at(1).kind == SegmentKind::FadeOut);
    CHECK(s.tracks[index_of(s, "g0.legend.width")].segments.at(1).kind == SegmentKind::Morph);
}

TEST_CASE("flow particles are a pure function of time and the scene's seed", "[loader][flow]") {
    const std::string scene = "scene: {seed: 5}\n" + kTwoHeads +
                              "timeline:\n  - add: g0\n  - play: {flow: g0.lines, run_time: 3}\n";
    const Scene s = compiled(scene);
    const DrawList settled = frame_at(s, 0);
    const DrawList mid = frame_at(s, 1.7);
    CHECK(mid.items.size() > settled.items.size());  // particles on the lines
    // The same frame, computed again after others, is the same.
    frame_at(s, 2.9);
    frame_at(s, 0.2);
    CHECK(frame_at(s, 1.7) == mid);
    CHECK(frame_at(compiled(scene), 1.7) == mid);
    // Another seed places them elsewhere.
    std::string other = scene;
    other.replace(other.find("seed: 5"), 7, "seed: 6");
    CHECK_FALSE(frame_at(compiled(other), 1.7) == mid);
    // No particle is left once the flow is over.
    CHECK(frame_at(s, 3).items.size() == settled.items.size());
}

TEST_CASE("heavier lines carry more particles", "[loader][flow]") {
    const Scene s = compiled("objects:\n"
                             "  - {id: light, line: {from: [-3, 1], to: [3, 1]}}\n"
                             "  - {id: heavy, line: {from: [-3, -1], to: [3, -1]}}\n"
                             "timeline:\n"
                             "  - add: [light, heavy]\n"
                             "  - play: [{flow: light, weight: 0.25}, {flow: heavy, weight: 1}]\n"
                             "    run_time: 6\n");
    int light = 0, heavy = 0;
    for (const DrawItem& item : frame_at(s, 4).items) {
        if (!item.fill) continue;
        (item.path.bounds().center().y() > 0 ? light : heavy)++;
    }
    CHECK(heavy > light);
    CHECK(light >= 2);  // at least one particle (a disc and its halo)
}

TEST_CASE("move_along takes an object's centre along a path", "[loader][flow]") {
    const std::string objects = "objects:\n"
                                "  - {id: a, arrow: {from: [-2, 0], to: [2, 1]}}\n"
                                "  - {id: dot, dot: {}, move_to: [5, 3]}\n";
    for (const std::string play : {"{move_along: dot, path: a, rate_func: linear, run_time: 2}",
                                   "{move_along: {object: dot, path: a}, rate_func: linear, run_time: 2}"}) {
        INFO(play);
        const Scene s = compiled(objects + "timeline:\n  - add: a\n  - play: " + play + "\n");
        const auto centre_at = [&](double t) {
            const DrawList frame = frame_at(s, t);
            return frame.items.back().path.bounds().center();
        };
        CHECK(centre_at(0.0).x() == Approx(-2).margin(1e-6));
        CHECK(centre_at(1.0).x() == Approx(0).margin(1e-3));
        CHECK(centre_at(1.0).y() == Approx(0.5).margin(1e-3));
        CHECK(centre_at(3.0).x() == Approx(2).margin(1e-6));  // stays at the end
        CHECK(centre_at(3.0).y() == Approx(1).margin(1e-6));
    }
}

TEST_CASE("a network from the model: nodes, edges and select from either end", "[loader][network]") {
    const Scene s = compiled(kData + "objects:\n"
                                     "  - id: net\n"
                                     "    attention_network: {weights: \"model.layer[0].head[0]\", min_weight: 0}\n"
                                     "timeline:\n  - add: net\n  - play: {select: net, source: cat}\n");
    CHECK(object(s, "net").tokens.size() == 4);
    CHECK(state_at(s, "net.edges[0][1]", 1).opacity == Approx(1));  // touches "cat"
    CHECK(state_at(s, "net.edges[1][2]", 1).opacity == Approx(1));
    CHECK(state_at(s, "net.edges[2][3]", 1).opacity == Approx(0.12));
}

TEST_CASE("connection widgets' bad input is an error at its line and column", "[loader][graph]") {
    // The tokens and the matrix disagree in size.
    check_exact(error_of(kData + "objects:\n"
                                 "  - id: g\n"
                                 "    attention_graph: {weights: \"model.layer[0].head[0]\", tokens: [a, b, c]}\n"
                                 "timeline: []\n"),
                6, 32, "expected a 3\u00d73 matrix, one row per source token, and 'model.layer[0].head[0].weights' "
                       "is 4\u00d74");
    // A weight outside [0, 1], written...
    check_exact(error_of("objects:\n"
                         "  - {id: g, attention_graph: {tokens: [a, b], weights: [[0.5, 0.5], [1.5, 0]]}}\n"
                         "timeline: []\n"),
                2, 70, "'weights' must be between 0 and 1, found 1.5");
    // ...or from the model: scores are not weights.
    const InputError scores = error_of(kData + "objects:\n"
                                               "  - id: g\n"
                                               "    attention_graph: {weights: \"model.layer[0].head[0].scores\"}\n"
                                               "timeline: []\n");
    CHECK(scores.mark().line == 6);
    CHECK(scores.mark().column == 32);
    CHECK(scores.message().find("expected attention weights in [0, 1]") != std::string::npos);
    // An unknown head.
    const InputError head = error_of(kData + "objects:\n"
                                             "  - {id: g, attention_graph: {weights: \"model.layer[0].head[7]\"}}\n"
                                             "timeline: []\n");
    CHECK(head.mark().line == 5);
    CHECK(head.message().find("head 7 is out of range") != std::string::npos);
    // A path with no model at all.
    const InputError missing = error_of("objects:\n"
                                        "  - {id: g, attention_graph: {weights: \"model.layer[0].head[0]\"}}\n"
                                        "timeline: []\n");
    CHECK(missing.mark().line == 2);
    CHECK(missing.message().find("needs a model in the data block") != std::string::npos);
    // A misspelt direction, an expression with a mistake, a token select cannot find.
    check_exact(error_of("objects:\n"
                         "  - {id: g, attention_graph: {tokens: [a], weights: [[1]], direction: dwon}}\n"
                         "timeline: []\n"),
                2, 71, "unknown direction 'dwon' for attention_graph; did you mean 'down'? (expected right: sources "
                       "in a column on the left, or down: sources in a row on top)");
    const InputError expression = error_of("objects:\n"
                                           "  - {id: g, attention_graph: {tokens: [a], weights: [[1]], width: '8*x'}}\n"
                                           "timeline: []\n");
    CHECK(expression.mark().line == 2);
    CHECK(expression.mark().column == 70);
    const InputError token = error_of(kTwoHeads + "timeline:\n  - add: g0\n  - play: {select: g0, source: dog}\n");
    CHECK(token.mark().line == 9);
    CHECK(token.message().find("'dog' is not a token of 'g0'") != std::string::npos);
    // Bytes of UTF-8 (negative chars) are not digits: a name such as "é" is an unknown token, not an index.
    const InputError accented = error_of(kTwoHeads + "timeline:\n  - add: g0\n  - play: {select: g0, source: é}\n");
    CHECK(accented.message().find("'é' is not a token of 'g0'") != std::string::npos);
    // select before the graph is on screen.
    const InputError early = error_of(kTwoHeads + "timeline:\n  - play: {select: g0, source: cat}\n");
    CHECK(early.message().find("shows no connections on screen") != std::string::npos);
    // move_along without a path.
    const InputError path = error_of("objects:\n  - {id: d, dot: {}}\n"
                                     "timeline:\n  - play: {move_along: d}\n");
    CHECK(path.mark().line == 4);
    CHECK(path.message().find("move_along needs a path") != std::string::npos);
}
