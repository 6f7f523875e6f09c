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

TEST_CASE("a number written with hundreds of digits is cut in the message like any long value", "[loader][errors]") {
    const auto radius = [](const std::string& r) {
        return "objects:\n  - {id: a, circle: {radius: " + r + "}}\ntimeline: []\n";
    };
    const InputError e = error_of(radius(std::string(400, '9')));
    CHECK(e.message() == "'radius' must be between 0.001 and 1000, found '" + std::string(56, '9') + "…" +
                             std::string(16, '9') + "' (400 bytes), beyond what a number can hold");
    // Within a double's range but written long: the number as its shortest form.
    const InputError f = error_of(radius("1" + std::string(300, '0')));
    CHECK(f.message() == "'radius' must be between 0.001 and 1000, found 1e+300");
}

TEST_CASE("the text a scene draws is limited in all, however it is written: one huge text or many aliases",
          "[loader][limits]") {
    const auto start = std::chrono::steady_clock::now();
    // One text of 1 MB (it took 5 s of CPU and 900 MB to shape) is refused before shaping.
    const InputError one = error_of("objects:\n  - id: a\n    text: " + std::string(1000000, 'w') + "\ntimeline: []\n");
    CHECK(one.mark().line == 3);  // the text's value
    CHECK(one.message() == "this text brings the scene's texts to 1000000 bytes; a scene may draw at most 262144 "
                           "bytes of text in all (texts, labels, tokens and titles count)");
    // A 10,000-byte title used by a hundred texts: the 27th passes the limit.
    std::string yaml = "objects:\n  - {id: t0, text: &t " + std::string(10000, 'w') + "}\n";
    for (int i = 1; i < 100; ++i) yaml += "  - {id: t" + std::to_string(i) + ", text: *t}\n";
    const InputError many = error_of(yaml + "timeline: []\n");
    CHECK(many.mark().line == 28);
    CHECK_THAT(many.message(), Catch::StartsWith("this text brings the scene's texts to 270000 bytes"));
    // Token labels count too: 512 tokens of 600 bytes.
    std::string tokens = "objects:\n  - id: row\n    token_row: {tokens: [";
    for (int i = 0; i < 512; ++i) tokens += (i ? ", " : "") + std::string(600, 'a' + i % 26);
    const InputError labels = error_of(tokens + "]}\ntimeline: []\n");
    CHECK(labels.mark().line == 2);
    CHECK_THAT(labels.message(), Catch::StartsWith("this text brings the scene's texts to "));
    CHECK(std::chrono::steady_clock::now() - start < std::chrono::seconds(20));
    // A lesson's worth of text is far inside: 200 texts of 1000 bytes.
    std::string lesson = "objects:\n";
    for (int i = 0; i < 200; ++i)
        lesson += "  - {id: t" + std::to_string(i) + ", text: " + std::string(1000, 'w') + "}\n";
    CHECK(compiled(lesson + "timeline: []\n").objects.size() == 200);
}
