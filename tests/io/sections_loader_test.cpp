// `section:` steps: named places in the timeline, from each marker to the next.
#include "loader_test_support.hpp"

using namespace attnreel;
using namespace attnreel::testing;

namespace {

const std::string kObjects = "objects:\n  - {id: a, circle: {}}\n";

}  // namespace

TEST_CASE("sections run from their marker to the next one, the last to the end", "[loader][sections]") {
    const Scene scene = compiled(kObjects + "timeline:\n"
                                            "  - play: {create: a}\n"
                                            "  - section: intro\n"
                                            "  - wait: 2\n"
                                            "  - section: outro\n"
                                            "  - play: {fade_out: a, run_time: 0.5}\n");
    REQUIRE(scene.sections.size() == 2);
    CHECK(scene.sections[0].name == "intro");
    CHECK(scene.sections[0].start == Approx(1));
    CHECK(scene.sections[0].end == Approx(3));
    CHECK(scene.sections[0].mark.line == 5);
    CHECK(scene.sections[1].name == "outro");
    CHECK(scene.sections[1].start == Approx(3));
    CHECK(scene.sections[1].end == Approx(3.5));
    CHECK(scene.duration == Approx(3.5));  // markers take no time
    CHECK(scene.steps[1].description == "section intro");
}

TEST_CASE("a section name goes into file names, so it is letters, digits, '_' and '-'", "[loader][sections]") {
    check_exact(error_of(kObjects + "timeline:\n  - section: 'my intro'\n"), 4, 14,
                "invalid section name 'my intro': use 1 to 200 letters, digits, '_' and '-' (it goes into file names)");
}

TEST_CASE("two sections of one name are an error at the second", "[loader][sections]") {
    check_exact(error_of(kObjects + "timeline:\n  - section: intro\n  - wait: 1\n  - section: intro\n"), 6, 14,
                "duplicate section 'intro' (first at line 4)");
}

TEST_CASE("a section step holds nothing else", "[loader][sections]") {
    check_exact(error_of(kObjects + "timeline:\n  - {section: intro, run_time: 1}\n"), 4, 22,
                "unknown key 'run_time' in a section step");
}
