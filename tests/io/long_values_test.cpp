// Values far longer or larger than any real scene's: checked in time linear in their length,
// with no recursion per character (std::regex's matcher overflowed the stack on a 30k id),
// and printed readably in messages.
#include "loader_test_support.hpp"

#include <chrono>

using namespace attnreel;
using namespace attnreel::testing;

TEST_CASE("a very long object id is checked without recursion, valid or not", "[loader][limits]") {
    const std::string id(200000, 'a');
    CHECK(compiled("objects:\n  - {id: " + id + ", circle: {}}\ntimeline: [{play: {create: " + id + "}}]\n")
              .objects.size() == 1);
    const InputError bad = error_of("objects:\n  - {id: " + id + "!, circle: {}}\ntimeline: []\n");
    CHECK_THAT(bad.message(), Catch::StartsWith("invalid id 'aaaa") && Catch::EndsWith("starting with a letter"));
}

TEST_CASE("a very long reference to a missing object is an error, not a crash", "[loader][limits]") {
    const InputError e = error_of("objects:\n  - {id: a, circle: {}}\ntimeline: [{play: {create: " +
                                  std::string(200000, 'b') + "}}]\n");
    CHECK_THAT(e.message(), Catch::StartsWith("unknown object 'bbbb"));
}

TEST_CASE("numbers in range messages are written in full, without rounding", "[loader][errors]") {
    const InputError e = error_of("data:\n  tokens: [a, b]\n  model: {seed: 1e300}\nobjects: []\ntimeline: []\n");
    CHECK(e.message() == "'seed' must be between 0 and 1073741824, found 1e300");
}

TEST_CASE("a timeline longer than four hours is refused at the step that passes it", "[loader][limits]") {
    // Each wait is within its own limit; together they would pass what a frame count can hold.
    std::string yaml = "objects: []\ntimeline:\n";
    for (int i = 0; i < 5; ++i) yaml += "  - wait: 3600\n";
    const InputError e = error_of(yaml);
    CHECK(e.mark().line == 7);
    CHECK(e.message() == "the timeline lasts 18000 s by the end of this step; a scene may last at most 14400 s (4 hours)");
    CHECK(compiled("objects: []\ntimeline:\n  - wait: 3600\n  - wait: 3600\n  - wait: 3600\n  - wait: 3600\n")
              .frame_count(240) == 3456000);
}

TEST_CASE("groups that share members at every level are measured once per member, not per path",
          "[loader][limits]") {
    // g_k holds g_(k-1) directly and again through h_k: 2^60 paths to the one circle.
    std::string yaml = "objects:\n  - {id: g0, circle: {}}\n";
    for (int k = 1; k <= 60; ++k) {
        const std::string prev = "g" + std::to_string(k - 1), h = "h" + std::to_string(k);
        yaml += "  - {id: " + h + ", group: [" + prev + "]}\n";
        yaml += "  - {id: g" + std::to_string(k) + ", group: [" + prev + ", " + h + "], shift: [1, 0]}\n";
    }
    yaml += "timeline: [{play: {create: g60}}]\n";
    const auto start = std::chrono::steady_clock::now();
    const Scene scene = compiled(yaml);
    CHECK(std::chrono::steady_clock::now() - start < std::chrono::seconds(10));
    CHECK(scene.objects.leaves(*scene.objects.find("g60")).size() == 1);
    // Each shift moved the circle once: 60 units right of the origin.
    CHECK(scene.objects.bounds(*scene.objects.find("g0")).center().x() == Approx(60));
}

TEST_CASE("a chain of references is followed up to its limit, then refused where it goes deeper",
          "[loader][limits]") {
    const auto chain = [](int length) {
        std::string yaml = "objects:\n";
        for (int k = 0; k < length; ++k)
            yaml += "  - {id: d" + std::to_string(k) + ", dot: {}, next_to: d" + std::to_string(k + 1) + "}\n";
        return yaml + "  - {id: d" + std::to_string(length) + ", dot: {}}\ntimeline: []\n";
    };
    CHECK(compiled(chain(200)).objects.size() == 201);
    const InputError e = error_of(chain(20000));
    CHECK_THAT(e.message(), Catch::StartsWith("references are followed more than 256 deep here (d0 → … → d255 → d256)"));
    CHECK(e.mark().line == 257);
}
