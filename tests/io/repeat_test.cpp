// `repeat` on object entries: copies per loop value with {expressions} substituted in
// ids, paths, texts and numbers; nested loops; the group of copies; limits and errors.
#include "loader_test_support.hpp"

#include "io/repeat.hpp"

#include <stdexcept>

using namespace attnreel;
using namespace attnreel::testing;
using Catch::Detail::Approx;

namespace {

std::string substituted(const std::string& text, const LoopValues& values) {
    return substitute(text, values, [](const std::string& m) { throw std::runtime_error(m); });
}

}  // namespace

TEST_CASE("substitute replaces expressions of the loop variables and leaves other braces", "[loader][repeat]") {
    const LoopValues v = {{"h", "3"}, {"l", "1"}, {"m", "Q"}};
    CHECK(substituted("head{h}", v) == "head3");
    CHECK(substituted("model.layer[{l}].head[{h}]", v) == "model.layer[1].head[3]");
    CHECK(substituted("Head {h+1} of {l * 4 + h}", v) == "Head 4 of 7");
    CHECK(substituted("{h / 2}", v) == "1.5");
    CHECK(substituted("{-(h - 5) * 0.5}", v) == "1");
    CHECK(substituted("{m}", v) == "Q");
    CHECK(substituted("{ h }", v) == "3");
    // TeX groups and braces around anything but the loop variables stay.
    CHECK(substituted("\\frac{QK^\\top}{\\sqrt{d_k}}", v) == "\\frac{QK^\\top}{\\sqrt{d_k}}");
    CHECK(substituted("x^{2} {x} {h x} {", v) == "x^{2} {x} {h x} {");
    CHECK(substituted("x_{h}", v) == "x_3");
    CHECK_THROWS_WITH(substituted("{h / (l - 1)}", v), "division by zero in '{h / (l - 1)}'");
    CHECK_THROWS_WITH(substituted("{m + 1}", v), "'m' is 'Q', not a number, in '{m + 1}'");
}

TEST_CASE("a repeated entry makes one object per value", "[loader][repeat]") {
    const Scene s = compiled("data:\n"
                             "  tokens: [a, b, c]\n"
                             "  model: {synthetic: true, layers: 2, heads: 2, seed: 1}\n" +
                             scene_with("  - id: \"hm{l}_{h}\"\n"
                                        "    repeat:\n"
                                        "      - {for: l, in: [0, 1], group: heads}\n"
                                        "      - {for: h, in: {range: 2}}\n"
                                        "    heatmap: {matrix: \"model.layer[{l}].head[{h}]\", numbers: false}\n"
                                        "    move_to: [\"{h * 3}\", \"{-l * 2.5}\"]\n"
                                        "  - id: \"t{k}\"\n"
                                        "    repeat: {for: k, in: {from: 1, to: 5, step: 2}}\n"
                                        "    text: \"head {k}\"\n"));
    for (int l = 0; l < 2; ++l)
        for (int h = 0; h < 2; ++h) {
            const std::string id = "hm" + std::to_string(l) + "_" + std::to_string(h);
            const auto& o = object_named(s, id);
            CHECK(s.objects.bounds(*s.objects.find(id)).center().x() == Approx(h * 3.0).margin(1e-9));
            CHECK(s.objects.bounds(*s.objects.find(id)).center().y() == Approx(-l * 2.5).margin(1e-9));
            CHECK(o.is_group());
        }
    // The group holds every copy, outer loop first.
    const Object& heads = object_named(s, "heads");
    REQUIRE(heads.children.size() == 4);
    CHECK(s.objects[heads.children[1]].id == "hm0_1");
    CHECK(s.objects[heads.children[2]].id == "hm1_0");
    CHECK(s.objects.find("t1"));
    CHECK(s.objects.find("t3"));
    CHECK(s.objects.find("t5"));
    CHECK_FALSE(s.objects.find("t2"));
    // Different heads of the model, not one copied: their cells differ somewhere.
    bool differ = false;
    for (int i = 0; i < 3; ++i)
        for (int j = 0; j < 3; ++j) {
            std::string c = "[";  // piece by piece: GCC 12 misreads "[" + std::to_string(i) as overlapping
            c += std::to_string(i);
            c += "][";
            c += std::to_string(j);
            c += "].box";
            differ = differ || object_named(s, "hm0_0" + c).style.fill != object_named(s, "hm1_1" + c).style.fill;
        }
    CHECK(differ);
}

TEST_CASE("bad repeats are errors at their place", "[loader][repeat][errors]") {
    const auto entry = [](const std::string& repeat, const std::string& id = "\"c{h}\"") {
        return scene_with("  - id: " + id + "\n    repeat: " + repeat + "\n    circle:\n");
    };
    check_exact(error_of(entry("{for: h, inn: [1]}")), 3, 22, "unknown key 'inn' in a repeat; did you mean 'in'?");
    check_exact(error_of(entry("{for: h}")), 3, 13, "a repeat needs 'in'");
    check_exact(error_of(entry("{for: h, in: {range: 5000}}")), 3, 26,
                "this range has 5000 values; a repeat makes at most 1000 copies");
    check_exact(error_of(entry("[{for: a, in: {range: 40}}, {for: h, in: {range: 40}}]")), 3, 41,
                "these loops make 1600 copies; a repeat makes at most 1000");
    check_exact(error_of(entry("{for: h, in: {from: 3, to: 1}}")), 3, 26,
                "this range is empty: from 3 never reaches 1 in steps of 1");
    check_exact(error_of(entry("{for: h, in: [1, 2]}", "c")), 2, 9,
                "every copy of a repeated entry needs its own id, and 'c' comes twice: use {h} in it");
    check_exact(error_of(scene_with("  - id: \"c{h}\"\n    repeat: {for: h, in: [1]}\n    move_to: [{h}, 0]\n")), 4, 15,
                "put \"{h}\" in quotes: unquoted, YAML reads it as a map");
    check_exact(error_of(scene_with("  - id: \"c{h}\"\n    repeat: {for: h, in: [0]}\n"
                                    "    circle: {radius: \"{1 / h}\"}\n")),
                4, 22, "division by zero in '{1 / h}'");
}

TEST_CASE("a repeat over large widgets stops at the object limit instead of stalling", "[loader][repeat][errors]") {
    std::string row = "[";
    for (int j = 0; j < 64; ++j) row += std::string(j ? ", " : "") + "0.5";
    row += "]";
    std::string values = "[";
    for (int i = 0; i < 64; ++i) values += std::string(i ? ", " : "") + row;
    values += "]";
    const InputError e = error_of(scene_with("  - id: \"hm{h}\"\n"
                                             "    repeat: {for: h, in: {range: 1000}}\n"
                                             "    heatmap: {values: " + values + ", numbers: false}\n"));
    CHECK(e.mark().line == 2);
    CHECK_THAT(e.message(), Catch::Contains("a scene may have at most 250000"));
}
