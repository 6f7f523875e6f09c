#include "encode/open_sink.hpp"

#include "encode/png_sink.hpp"
#include "encode_test_support.hpp"

#include <catch2/catch.hpp>

using namespace attnreel;
using namespace attnreel::test;

TEST_CASE("the output kind follows the extension, case-insensitively") {
    CHECK(output_kind("lesson.mp4") == OutputKind::mp4);
    CHECK(output_kind("out/lesson.MP4") == OutputKind::mp4);
    CHECK(output_kind("guide.gif") == OutputKind::gif);
    CHECK(output_kind("still.png") == OutputKind::png);
    CHECK(output_kind("frames/") == OutputKind::png_sequence);
    ScratchDir dir;
    CHECK(output_kind(dir.path) == OutputKind::png_sequence);  // an existing folder
}

TEST_CASE("an unknown or missing extension is an input error with a suggestion") {
    CHECK_THAT(input_error_message([] { output_kind("lesson.mp5"); }),
               Catch::Matchers::Contains("lesson.mp5") &&
                   Catch::Matchers::Contains("unknown output extension '.mp5'") &&
                   Catch::Matchers::Contains("did you mean '.mp4'"));
    CHECK_THAT(input_error_message([] { output_kind("lesson"); }), Catch::Matchers::Contains("no extension"));
    ScratchDir dir;
    OutputSettings settings;
    settings.width = 320;
    settings.height = 180;
    CHECK_THAT(input_error_message([&] { open_sink(dir.path / "lesson.avi", settings); }),
               Catch::Matchers::Contains("unknown output extension"));
    CHECK(dir.names().empty());
}

TEST_CASE("open_sink writes the format the path names") {
    ScratchDir dir;
    OutputSettings settings;
    settings.width = 320;
    settings.height = 180;
    settings.fps = 10;
    settings.preset = "ultrafast";
    for (const char* name : {"a.mp4", "a.gif", "a.png"}) {
        auto sink = open_sink(dir.path / name, settings);
        sink->write(test_frame(0));
        sink->finish();
    }
    auto sequence = open_sink(dir.path / "seq/", settings);
    sequence->write(test_frame(0));
    sequence->finish();

    CHECK(decode_video(dir.path / "a.mp4").codec == "h264");
    CHECK(decode_video(dir.path / "a.gif").codec == "gif");
    CHECK(read_bytes(dir.path / "a.png").substr(1, 3) == "PNG");
    CHECK(fs::exists(dir.path / "seq" / sequence_frame_name(0)));
}

TEST_CASE("open_sink into an unwritable directory is an input error") {
    OutputSettings settings;
    settings.width = 320;
    settings.height = 180;
    for (const char* path : {"/sys/a.mp4", "/sys/a.gif", "/sys/a.png"}) {
        INFO(path);
        CHECK_THAT(input_error_message([&] { open_sink(path, settings); }), Catch::Matchers::Contains("cannot write"));
    }
}
