// WebVTT and SRT as written, read back by a strict parser of the W3C syntax.
#include "captions/subtitle_files.hpp"
#include "webvtt_parser.hpp"

#include <catch2/catch.hpp>

using namespace attnreel;
using namespace attnreel::captions;
using attnreel::test::parse_webvtt;

namespace {

Cue cue(double start, double end, std::vector<std::string> lines) { return {start, end, std::move(lines), {}}; }

}  // namespace

TEST_CASE("timestamps are hh:mm:ss.ttt for WebVTT and hh:mm:ss,ttt for SRT", "[captions]") {
    CHECK(timestamp(0, '.') == "00:00:00.000");
    CHECK(timestamp(3723.0456, '.') == "01:02:03.046");
    CHECK(timestamp(59.9996, ',') == "00:01:00,000");
}

TEST_CASE("WebVTT output parses strictly and gives back every cue's times and lines", "[captions]") {
    const std::vector<Cue> cues = {cue(0, 1.25, {"Queries ask,"}), cue(1.25, 3.5, {"keys answer,", "values carry."}),
                                   cue(70, 3725.5, {"The end."})};
    const std::string vtt = to_webvtt(cues);
    CHECK(vtt.rfind("WEBVTT\n\n", 0) == 0);
    const auto parsed = parse_webvtt(vtt);
    REQUIRE(parsed.size() == 3);
    for (std::size_t i = 0; i < cues.size(); ++i) {
        CHECK(parsed[i].start == Approx(cues[i].start));
        CHECK(parsed[i].end == Approx(cues[i].end));
        CHECK(parsed[i].lines == cues[i].lines);
    }
    CHECK(parse_webvtt(to_webvtt({})).empty());
}

TEST_CASE("markup characters and '-->' in captions are escaped so the cue text stays text", "[captions]") {
    const auto parsed = parse_webvtt(to_webvtt({cue(0, 1, {"a < b & c --> d"})}));
    REQUIRE(parsed.size() == 1);
    CHECK(parsed[0].lines == std::vector<std::string>{"a < b & c --> d"});
}

TEST_CASE("captions of a scene that reserves its lower third sit at the top (line:0)", "[captions]") {
    const auto parsed = parse_webvtt(to_webvtt({cue(0, 1, {"Top."})}, {true}));
    REQUIRE(parsed.size() == 1);
    CHECK(parsed[0].settings == "line:0");
}

TEST_CASE("the strict parser rejects what the syntax forbids", "[captions]") {
    CHECK_THROWS(parse_webvtt("WEBVTT\n00:00.000 --> 00:01.000\nno blank line\n"));
    CHECK_THROWS(parse_webvtt("WEBVTTX\n\n"));
    CHECK_THROWS(parse_webvtt("WEBVTT\n\n00:00:01.000 --> 00:00:00.500\nbackwards\n"));
    CHECK_THROWS(parse_webvtt("WEBVTT\n\n00:00:00.000 --> 00:00:01.00\nshort ms\n"));
    CHECK_THROWS(parse_webvtt("WEBVTT\n\n00:00:00.000 --> 00:00:01.000\na & b\n"));
    CHECK_THROWS(parse_webvtt("WEBVTT\n\n00:00:02.000 --> 00:00:03.000\nx\n\n00:00:01.000 --> 00:00:04.000\ny\n"));
    CHECK_THROWS(parse_webvtt("WEBVTT\n\n00:61.000 --> 01:02.000\nx\n"));
    CHECK(parse_webvtt("WEBVTT\n\nid\n00:01.000 --> 00:02.000 align:start\nok\n").size() == 1);
}

TEST_CASE("SRT output numbers its cues from 1 with comma milliseconds", "[captions]") {
    const std::string srt = to_srt({cue(0, 1.5, {"One."}), cue(1.5, 2, {"Two,", "lines."})});
    CHECK(srt == "1\n00:00:00,000 --> 00:00:01,500\nOne.\n\n2\n00:00:01,500 --> 00:00:02,000\nTwo,\nlines.\n");
}
