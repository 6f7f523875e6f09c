// The force-directed network: placed inside its box with no two nodes (labels included)
// overlapping, the same every time, fast for 100 tokens; node sizes by attention received;
// edges by mutual attention; clusters.
#include "widgets/attention_network.hpp"
#include "widgets/force_layout.hpp"

#include <catch2/catch.hpp>

#include <cmath>
#include <ctime>

using namespace attnreel;
using Catch::Detail::Approx;

namespace {

const SourceMark kMark{"scene.yaml", 4, 5};

text::FontLibrary& library() {
    static text::FontLibrary fonts;
    return fonts;
}

// Two groups of tokens that attend within their group, a little to the other.
AttentionNetworkSpec two_groups(int n) {
    AttentionNetworkSpec s;
    for (int i = 0; i < n; ++i) s.tokens.push_back("token" + std::to_string(i));
    s.weights.values.assign(std::size_t(n), std::vector<double>(std::size_t(n), 0.0));
    for (int i = 0; i < n; ++i) {
        double sum = 0;
        for (int j = 0; j < n; ++j) sum += s.weights.values[i][j] = (i < n / 2) == (j < n / 2) ? 1.0 + (j == 0) : 0.05;
        for (int j = 0; j < n; ++j) s.weights.values[i][j] /= sum;
    }
    s.clusters = 2;
    return s;
}

struct Built {
    ObjectTable table;
    const Object& at(const std::string& id) const {
        const auto i = table.find(id);
        INFO(id);
        REQUIRE(i);
        return table[*i];
    }
    BBox bounds(const std::string& id) const { return table.bounds(*table.find(id)); }
};

Built build(const AttentionNetworkSpec& spec) {
    Built b;
    SceneFonts fonts{&library(), {}, 0};
    build_attention_network(b.table, fonts, "net", spec, kMark);
    return b;
}

bool boxes_overlap(const BBox& a, const BBox& b) {
    return a.min.x() < b.max.x() && b.min.x() < a.max.x() && a.min.y() < b.max.y() && b.min.y() < a.max.y();
}

}  // namespace

TEST_CASE("network nodes stay inside their box and never overlap", "[widgets][network]") {
    for (int n : {2, 12, 30}) {
        INFO(n << " tokens");
        const AttentionNetworkSpec spec = two_groups(n);
        const Built b = build(spec);
        std::vector<BBox> nodes;
        for (int i = 0; i < n; ++i) nodes.push_back(b.bounds("net.nodes[" + std::to_string(i) + "]"));
        for (const BBox& box : nodes) {
            CHECK(box.min.x() >= -spec.width / 2 - 1e-6);
            CHECK(box.max.x() <= spec.width / 2 + 1e-6);
            CHECK(box.min.y() >= -spec.height / 2 - 1e-6);
            CHECK(box.max.y() <= spec.height / 2 + 1e-6);
        }
        for (int i = 0; i < n; ++i)
            for (int j = i + 1; j < n; ++j) {
                INFO(i << " and " << j);
                CHECK_FALSE(boxes_overlap(nodes[i], nodes[j]));
            }
    }
}

TEST_CASE("the network layout is the same every time", "[widgets][network]") {
    const Built a = build(two_groups(16)), b = build(two_groups(16));
    for (int i = 0; i < 16; ++i) {
        const std::string id = "net.nodes[" + std::to_string(i) + "].circle";
        CHECK(a.at(id).parts == b.at(id).parts);
    }
}

TEST_CASE("tokens of a cluster sit together and share its colour", "[widgets][network]") {
    const Built b = build(two_groups(12));
    const auto centre = [&](int i) { return b.bounds("net.nodes[" + std::to_string(i) + "].circle").center(); };
    double within = 0, across = 0;
    int nw = 0, na = 0;
    for (int i = 0; i < 12; ++i)
        for (int j = i + 1; j < 12; ++j) {
            const double d = (centre(i) - centre(j)).norm();
            if ((i < 6) == (j < 6)) within += d, ++nw;
            else across += d, ++na;
        }
    CHECK(within / nw < across / na);
    CHECK(b.at("net.nodes[1].circle").style.fill == b.at("net.nodes[5].circle").style.fill);
    CHECK_FALSE(b.at("net.nodes[1].circle").style.fill == b.at("net.nodes[7].circle").style.fill);
    CHECK(b.at("net.hulls").children.size() == 2);
}

TEST_CASE("node size follows attention received, edges follow mutual attention", "[widgets][network]") {
    AttentionNetworkSpec spec = two_groups(8);
    const Built b = build(spec);
    // Token 0 receives the most: its own group gives it twice what it gives the others.
    CHECK(b.bounds("net.nodes[0].circle").width() > b.bounds("net.nodes[1].circle").width());
    CHECK(b.bounds("net.nodes[0].circle").width() == Approx(2 * spec.node_max));
    const Object& edge = b.at("net.edges[1][2]");
    REQUIRE(edge.link);
    const double s = (spec.weights.values[1][2] + spec.weights.values[2][1]) / 2;
    CHECK(edge.link->weight == Approx(s));
    CHECK_FALSE(edge.link->directed);
    CHECK(edge.style.stroke_width == Approx(2 + 14 * s));
    CHECK_FALSE(b.table.find("net.edges[1][5]"));  // 0.05-ish across the groups: under min_weight
}

TEST_CASE("100 tokens lay out in under a second", "[widgets][network]") {
    AttentionNetworkSpec spec = two_groups(100);
    spec.clusters = 4;
    // Processor time, not wall time: on a machine shared by many builds the wall clock also
    // counts the time this process waited for a core.
    const std::clock_t start = std::clock();
    const Built b = build(spec);
    const double seconds = double(std::clock() - start) / CLOCKS_PER_SEC;
    CHECK(seconds < 1.0);
    for (int i = 0; i < 100; ++i)
        for (int j = i + 1; j < 100; ++j)
            REQUIRE_FALSE(boxes_overlap(b.bounds("net.nodes[" + std::to_string(i) + "]"),
                                        b.bounds("net.nodes[" + std::to_string(j) + "]")));
}

TEST_CASE("a network needs a square matrix", "[widgets][network]") {
    AttentionNetworkSpec spec = two_groups(4);
    spec.tokens.pop_back();
    spec.tokens_mark = {"scene.yaml", 7, 15};
    try {
        build(spec);
        FAIL("expected an InputError");
    } catch (const InputError& e) {
        CHECK(e.mark().line == 7);
        CHECK(std::string(e.what()).find("expected a 3\u00d73 matrix, one row per token") != std::string::npos);
    }
}
