// Captions from a compiled scene's say: lines: timing, splitting, the caption of time t.
#include "captions/cues.hpp"

#include <catch2/catch.hpp>

using namespace attnreel;
using namespace attnreel::captions;

namespace {

// A scene whose steps are already timed: each say: with its step's start and end.
Scene scene_with(std::vector<SpokenLine> lines, double duration) {
    Scene s;
    s.narration = std::move(lines);
    s.duration = duration;
    return s;
}

SpokenLine line(const std::string& text, double start, double end, double voice = 0) {
    SpokenLine l;
    l.text = text;
    l.start = start;
    l.step_end = end;
    l.voice_seconds = voice;
    return l;
}

std::size_t characters(const std::string& s) {
    std::size_t n = 0;
    for (unsigned char c : s) n += (c & 0xC0) != 0x80;
    return n;
}

}  // namespace

TEST_CASE("each say: is one cue spanning its step", "[captions]") {
    const auto cues = make_cues(scene_with({line("Queries ask.", 0, 1.5), line("Keys answer.", 1.5, 4)}, 5));
    REQUIRE(cues.size() == 2);
    CHECK(cues[0].start == 0);
    CHECK(cues[0].end == 1.5);
    CHECK(cues[0].lines == std::vector<std::string>{"Queries ask."});
    CHECK(cues[1].start == 1.5);
    CHECK(cues[1].end == 4);
}

TEST_CASE("a cue lasts as long as its voice when that runs past the step, but not into the next line", "[captions]") {
    const auto cues =
        make_cues(scene_with({line("First.", 0, 1, 2.5), line("Second.", 2, 3), line("Third.", 4, 5, 3)}, 6));
    REQUIRE(cues.size() == 3);
    CHECK(cues[0].end == 2);  // its voice lasts 2.5 s, but the next line starts at 2
    CHECK(cues[1].end == 3);
    CHECK(cues[2].end == 6);  // voice to 7, cut at the end of the video
}

TEST_CASE("a say: on an instant step shows for at least a second", "[captions]") {
    const auto cues = make_cues(scene_with({line("Look.", 1, 1), line("Then this.", 3, 4)}, 4));
    REQUIRE(cues.size() == 2);
    CHECK(cues[0].start == 1);
    CHECK(cues[0].end == Approx(1 + kMinCueSeconds));
}

TEST_CASE("long text splits into cues of at most two lines of at most 42 characters", "[captions]") {
    const std::string text =
        "The weights of one row come from a softmax over the scaled scores, so they are positive and add up to "
        "exactly one; the largest score gets the largest share, but every token keeps a little.";
    const auto chunks = split_caption(text);
    REQUIRE(chunks.size() >= 2);
    std::string joined;
    for (const auto& chunk : chunks) {
        CHECK(chunk.size() <= kMaxCueLines);
        for (const auto& l : chunk) {
            CHECK(characters(l) <= kMaxLineCharacters);
            joined += (joined.empty() ? "" : " ") + l;
        }
    }
    CHECK(joined == text);  // nothing lost, nothing reordered

    const auto cues = make_cues(scene_with({line(text, 2, 10)}, 10));
    REQUIRE(cues.size() == chunks.size());
    CHECK(cues.front().start == 2);
    CHECK(cues.back().end == 10);
    for (std::size_t i = 1; i < cues.size(); ++i) CHECK(cues[i].start == cues[i - 1].end);
}

TEST_CASE("lines break at spaces, a word longer than a line is cut, characters, not bytes, are counted", "[captions]") {
    CHECK(split_caption("a  b\n c") == std::vector<std::vector<std::string>>{{"a b c"}});
    const auto cut = split_caption(std::string(50, 'x'), 42);
    REQUIRE(cut.size() == 1);
    CHECK(cut[0] == std::vector<std::string>{std::string(42, 'x'), std::string(8, 'x')});
    // 40 Greek letters are 80 bytes but fit one line.
    std::string greek;
    for (int i = 0; i < 40; ++i) greek += "α";
    CHECK(split_caption(greek + " β").front().size() == 1);
}

TEST_CASE("split cues of draft speech start when their first word is spoken", "[captions]") {
    SpokenLine l = line("one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
                        "sixteen seventeen eighteen nineteen twenty", 1, 1, 8);
    // A word every 0.4 s.
    std::size_t byte = 0;
    for (int w = 0; w < 20; ++w) {
        l.words.push_back({0.4 * w, byte});
        byte = l.text.find(' ', byte) + 1;
    }
    const auto chunks = split_caption(l.text);
    REQUIRE(chunks.size() == 2);
    const auto cues = make_cues(scene_with({l}, 10));
    REQUIRE(cues.size() == 2);
    std::size_t first_words = 0;  // words in the first cue
    for (const auto& ln : chunks[0])
        for (char c : ln + " ") first_words += c == ' ';
    CHECK(cues[1].start == Approx(1 + 0.4 * static_cast<double>(first_words)));
    CHECK(cues[1].end == 9);
}

TEST_CASE("caption_at gives the cue showing at t, none between cues", "[captions]") {
    const auto cues = make_cues(scene_with({line("A.", 0, 1.5), line("B.", 3, 4.5)}, 5));
    REQUIRE(caption_at(cues, 0) != nullptr);
    CHECK(caption_at(cues, 0)->text() == "A.");
    CHECK(caption_at(cues, 1.49)->text() == "A.");
    CHECK(caption_at(cues, 1.5) == nullptr);
    CHECK(caption_at(cues, 2.9) == nullptr);
    CHECK(caption_at(cues, 3)->text() == "B.");
    CHECK(caption_at(cues, 4.5) == nullptr);
    CHECK(caption_at({}, 1) == nullptr);
}

TEST_CASE("cues_in_range shifts cues to the range's clock and cuts them to it", "[captions]") {
    const auto cues = make_cues(scene_with({line("A.", 0, 2), line("B.", 2, 4), line("C.", 4, 6)}, 6));
    const auto in = cues_in_range(cues, 1, 3);
    REQUIRE(in.size() == 2);
    CHECK(in[0].start == 0);
    CHECK(in[0].end == 1);
    CHECK(in[1].start == 1);
    CHECK(in[1].end == 2);
    CHECK(in[1].text() == "B.");
}
