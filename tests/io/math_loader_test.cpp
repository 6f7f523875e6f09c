// Formula entries through the loader and compile: TeX errors point at the line and column
// of the mistake inside the formula, formula keys are checked, parts resolve.
#include "loader_test_support.hpp"

using namespace attnreel;
using namespace attnreel::testing;

TEST_CASE("a formula's syntax errors point into the formula", "[loader][math]") {
    // Single-quoted: the formula's first byte is in column 12 ("    math: '" is 11 wide).
    check_exact(error_of(scene_with("  - id: f\n    math: 'a + \\fracc{1}{2}'\n")), 3, 16,
                "unknown command '\\fracc'; did you mean '\\frac'?");
    check_exact(error_of(scene_with("  - id: f\n    math: '\\frac{a}'\n")), 3, 12, "\\frac needs 2 arguments");
    check_exact(error_of(scene_with("  - id: f\n    math: 'x + {y'\n")), 3, 16, "missing '}' for the '{' here");
    check_exact(error_of(scene_with("  - id: f\n    math: 'x}'\n")), 3, 13, "unexpected '}'");
    // A block scalar: the error is on the formula's second line.
    check_exact(error_of(scene_with("  - id: f\n    math: |\n      a +\n      \\overrightarrow{b}\n")), 5, 7,
                "'\\overrightarrow' is not supported; write \\vec{x} or \\overset{\\to}{x}");
    // A symbol \boldsymbol cannot make bold is named where it stands.
    check_exact(error_of(scene_with("  - id: f\n    math: '\\boldsymbol{x+y}'\n")), 3, 25,
                "'+' has no bold form in the maths font; \\boldsymbol makes letters, digits and Greek bold");
}

TEST_CASE("formula keys are checked where they are written", "[loader][math]") {
    check_exact(error_of(scene_with("  - {id: f, math: 'x', display: maybe}\n")), 2, 33,
                "expected true or false for 'display', found 'maybe'");
    check_exact(error_of(scene_with("  - {id: r, rectangle: {}, colors: {a: red}}\n")), 2, 28,
                "'colors' applies to math, and 'r' is a rectangle");
    check_exact(error_of(scene_with("  - {id: t, text: x, parts: {a: b}}\n")), 2, 22,
                "'parts' applies to math, and 't' is a text");
    check_exact(error_of(scene_with("  - {id: f, math: 'x+y', parts: {z: 'z'}}\n")), 2, 34,
                "'z' does not occur in the formula 'x+y' as whole symbols");
    check_exact(error_of(scene_with("  - {id: f, math: 'x+y', colors: {x: blu}}\n")), 2, 38,
                "unknown colour 'blu'; did you mean 'blue'?");
}

TEST_CASE("a part must be a formula of its own, not any run of characters", "[loader][math]") {
    check_exact(error_of(scene_with("  - id: f\n    math: '\\frac{a}{b}'\n    parts: {top: 'c}{d'}\n")), 4, 20,
                "part 'top' is not a formula of its own: unexpected '}'");
    check_exact(error_of(scene_with("  - id: f\n    math: 'a+b^2'\n    colors: {'b^': red}\n")), 4, 16,
                "'b^' is not a formula of its own: ^ needs an argument");
    // A colour keyed by a part's name is not read as TeX.
    CHECK_NOTHROW(compiled(scene_with("  - id: f\n    math: 'a+b'\n    parts: {'x}': 'a'}\n    colors: {'x}': red}\n")));
}

TEST_CASE("parts and colours of a loaded formula are targets", "[loader][math]") {
    const Scene scene = compiled("objects:\n"
                                 "  - id: f\n"
                                 "    math: '\\frac{QK^\\top}{\\sqrt{d_k}}'\n"
                                 "    color: '#FFFFFF'\n"
                                 "    colors: {K: '#10B981'}\n"
                                 "    parts: {den: '\\sqrt{d_k}'}\n"
                                 "timeline:\n"
                                 "  - play: {write: f.den}\n"
                                 "  - add: f\n"
                                 "  - play: {indicate: f.K}\n");
    const auto den = scene.objects.leaves(*scene.objects.find("f.den"));
    CHECK(den.size() == 3);
    const auto ks = scene.objects.leaves(*scene.objects.find("f.K"));
    REQUIRE(ks.size() == 1);
    // The part's colour wins over the entry's colour.
    CHECK(scene.objects[ks[0]].style.fill == Color{0x10 / 255.0, 0xb9 / 255.0, 0x81 / 255.0, 1});
}
