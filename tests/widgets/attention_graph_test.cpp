// The bipartite attention graph: where its boxes and lines are, what each line's width,
// opacity and colour say, and the errors for weights that do not fit.
#include "core/head_palette.hpp"
#include "core/token_palette.hpp"
#include "widgets/attention_graph.hpp"

#include <catch2/catch.hpp>

#include <cmath>
#include <limits>

using namespace attnreel;
using Catch::Detail::Approx;

namespace {

constexpr double kMasked = -std::numeric_limits<double>::infinity();
const SourceMark kMark{"scene.yaml", 4, 5};

text::FontLibrary& library() {
    static text::FontLibrary fonts;
    return fonts;
}

AttentionGraphSpec causal_spec() {
    AttentionGraphSpec s;
    s.sources = {"<SOS>", "Ayam", "makan", "Taufik"};
    s.sources_mark = {"scene.yaml", 6, 13};
    s.weights.mark = {"scene.yaml", 5, 15};
    s.weights.values = {{1.0, kMasked, kMasked, kMasked},
                        {0.6, 0.4, kMasked, kMasked},
                        {0.5, 0.3, 0.2, kMasked},
                        {0.1, 0.2, 0.3, 0.4}};
    return s;
}

struct Built {
    ObjectTable table;
    std::size_t index = 0;
    const Object& at(const std::string& id) const {
        const auto i = table.find(id);
        INFO(id);
        REQUIRE(i);
        return table[*i];
    }
    bool has(const std::string& id) const { return table.find(id).has_value(); }
    BBox bounds(const std::string& id) const { return table.bounds(*table.find(id)); }
};

Built build(const AttentionGraphSpec& spec) {
    Built b;
    SceneFonts fonts{&library(), {}, 0};
    b.index = build_attention_graph(b.table, fonts, "g", spec, kMark);
    return b;
}

InputError error_of(const AttentionGraphSpec& spec) {
    try {
        build(spec);
    } catch (const InputError& e) {
        return e;
    }
    FAIL("expected an InputError");
    throw std::logic_error("unreachable");
}

}  // namespace

TEST_CASE("a graph draws one line per unmasked pair, 8·w wide at 0.3 + 0.6·w", "[widgets][graph]") {
    const Built b = build(causal_spec());
    int lines = 0;
    for (int i = 0; i < 4; ++i)
        for (int j = 0; j < 4; ++j) {
            const std::string id = "g.lines[" + std::to_string(i) + "][" + std::to_string(j) + "]";
            INFO(id);
            // The causal mask leaves no line into the future.
            CHECK(b.has(id) == (j <= i));
            if (!b.has(id)) continue;
            ++lines;
            const Object& line = b.at(id);
            const double w = causal_spec().weights.values[i][j];
            CHECK(line.style.stroke_width == Approx(8 * w));
            CHECK(line.style.stroke_opacity == Approx(0.3 + 0.6 * w));
            CHECK(line.style.stroke == head_color(0));
            REQUIRE(line.link);
            CHECK(line.link->from == i);
            CHECK(line.link->to == j);
            CHECK(line.link->weight == Approx(w));
        }
    CHECK(lines == 10);
    CHECK(b.at("g.lines").children.size() == 4);
    CHECK(b.at("g").stagger > 0);  // lines come one source at a time unless asked
    CHECK(b.at("g").tokens == causal_spec().sources);
}

TEST_CASE("graph lines run from each source's box to its target's box", "[widgets][graph]") {
    const Built b = build(causal_spec());
    for (int i = 0; i < 4; ++i) {
        const BBox source = b.bounds("g.sources[" + std::to_string(i) + "].box");
        const BBox target = b.bounds("g.targets[" + std::to_string(i) + "].box");
        CHECK(source.max.x() < target.min.x());  // sources on the left
        CHECK(source.center().y() == Approx(target.center().y()));
        const Object& line = b.at("g.lines[3][" + std::to_string(i) + "]");
        const Vec2 start = line.parts[0].point_at(0), end = line.parts[0].point_at(1);
        const BBox from = b.bounds("g.sources[3].box");
        CHECK(start.x() == Approx(from.max.x() + 0.05));
        CHECK(start.y() == Approx(from.center().y()));
        CHECK(end.x() == Approx(target.min.x() - 0.05));
        CHECK(end.y() == Approx(target.center().y()));
    }
    // Sources go top to bottom in order; the boxes take the token palette.
    CHECK(b.bounds("g.sources[0].box").center().y() > b.bounds("g.sources[1].box").center().y());
    CHECK(b.at("g.sources[1].box").style.fill == *token_color(default_token_palette(), 1));
    // The whole graph is centred before its layout, the legend under it.
    CHECK(b.bounds("g").center().x() == Approx(0).margin(1e-9));
    CHECK(b.bounds("g.legend").max.y() < b.bounds("g.sources[3].box").min.y());
}

TEST_CASE("graph options: expressions, colour, head, min_weight, direction", "[widgets][graph]") {
    AttentionGraphSpec s = causal_spec();
    s.width = WeightExpression::parse("2 + 10*w");
    s.opacity = WeightExpression::parse("1");
    s.min_weight = 0.25;
    s.head = 2;
    const Built b = build(s);
    CHECK_FALSE(b.has("g.lines[3][0]"));  // 0.1 < min_weight
    CHECK(b.at("g.lines[3][3]").style.stroke_width == Approx(6.0));
    CHECK(b.at("g.lines[3][3]").style.stroke_opacity == Approx(1.0));
    CHECK(b.at("g.lines[3][3]").style.stroke == head_color(2));

    AttentionGraphSpec down = causal_spec();
    down.down = true;
    const Built d = build(down);
    CHECK(d.bounds("g.sources[0].box").min.y() > d.bounds("g.targets[0].box").max.y());  // sources on top
    CHECK(d.bounds("g.sources[0].box").max.x() < d.bounds("g.sources[1].box").min.x());
}

TEST_CASE("a graph of many tokens shrinks its font to fit its extent", "[widgets][graph]") {
    AttentionGraphSpec s;
    for (int i = 0; i < 30; ++i) s.sources.push_back("tok" + std::to_string(i));
    s.weights.values.assign(30, std::vector<double>(30, 1.0 / 30));
    const Built b = build(s);
    const BBox first = b.bounds("g.sources[0].box"), last = b.bounds("g.sources[29].box");
    CHECK(first.max.y() - last.min.y() <= s.extent + 1e-9);
    for (int i = 0; i + 1 < 30; ++i)  // no two boxes overlap
        CHECK(b.bounds("g.sources[" + std::to_string(i) + "].box").min.y() >
              b.bounds("g.sources[" + std::to_string(i + 1) + "].box").max.y());
}

TEST_CASE("cross-attention: other tokens on the target side", "[widgets][graph]") {
    AttentionGraphSpec s;
    s.sources = {"le", "chat"};
    s.targets = {"the", "black", "cat"};
    s.weights.values = {{0.8, 0.1, 0.1}, {0.1, 0.2, 0.7}};
    const Built b = build(s);
    CHECK(b.has("g.targets[2]"));
    CHECK_FALSE(b.has("g.targets[3]"));
    CHECK(b.at("g.lines[1][2]").style.stroke_width == Approx(5.6));
}

TEST_CASE("graph weights that do not fit are errors at their place", "[widgets][graph]") {
    AttentionGraphSpec s = causal_spec();
    s.weights.values.pop_back();
    InputError e = error_of(s);
    CHECK(e.mark().line == 6);  // the tokens, which the matrix does not match
    CHECK(std::string(e.what()).find("expected a 4\u00d74 matrix, one row per source token") != std::string::npos);

    s = causal_spec();
    s.weights.values[2][1] = 1.5;
    e = error_of(s);
    CHECK(e.mark().line == 5);
    CHECK(std::string(e.what()).find("expected attention weights in [0, 1]") != std::string::npos);
    CHECK(std::string(e.what()).find("1.500 at [2][1]") != std::string::npos);

    s = causal_spec();
    s.weights.values[1].push_back(0.0);
    e = error_of(s);
    CHECK(std::string(e.what()).find("expected 4 weights in each row") != std::string::npos);
}
