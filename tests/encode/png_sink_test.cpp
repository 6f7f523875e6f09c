#include "encode/png_sink.hpp"

#include "encode_test_support.hpp"

#include <catch2/catch.hpp>
#include <cstring>

using namespace attnreel;
using namespace attnreel::test;

namespace {

// Reads a PNG back through Cairo into a Frame.
Frame read_png(const fs::path& path) {
    cairo_surface_t* surface = cairo_image_surface_create_from_png(path.c_str());
    REQUIRE(cairo_surface_status(surface) == CAIRO_STATUS_SUCCESS);
    cairo_surface_flush(surface);
    Frame frame(cairo_image_surface_get_width(surface), cairo_image_surface_get_height(surface));
    const unsigned char* data = cairo_image_surface_get_data(surface);
    const int stride = cairo_image_surface_get_stride(surface);
    for (int y = 0; y < frame.height; ++y)
        std::memcpy(frame.bytes() + static_cast<std::ptrdiff_t>(y) * frame.stride_bytes(),
                    data + static_cast<std::ptrdiff_t>(y) * stride, static_cast<std::size_t>(frame.stride_bytes()));
    cairo_surface_destroy(surface);
    return frame;
}

}  // namespace

TEST_CASE("a PNG file holds exactly the frame's pixels") {
    ScratchDir dir;
    const fs::path path = dir.path / "still.png";
    const Frame frame = test_frame(3);
    PngFileSink sink(path);
    sink.write(frame);
    CHECK(dir.names().size() == 1);
    CHECK_FALSE(fs::exists(path));  // not until finish
    sink.finish();
    CHECK(frame_hash(read_png(path)) == frame_hash(frame));
    CHECK(dir.names() == std::vector<std::string>{"still.png"});
}

TEST_CASE("a PNG file sink takes exactly one frame") {
    ScratchDir dir;
    PngFileSink sink(dir.path / "still.png");
    CHECK_THROWS_AS(sink.finish(), std::logic_error);
    sink.write(test_frame(0));
    CHECK_THROWS_AS(sink.write(test_frame(1)), std::logic_error);
}

TEST_CASE("sequence frame names and indices convert both ways, other names have no index") {
    CHECK(sequence_frame_name(42) == "frame_00042.png");
    CHECK(sequence_frame_name(123456) == "frame_123456.png");
    CHECK(sequence_frame_index("frame_00042.png") == 42);
    CHECK(sequence_frame_index(sequence_frame_name(123456)) == 123456);
    CHECK(sequence_frame_index("frame_42.png") == -1);
    CHECK(sequence_frame_index("frame_0004a.png") == -1);
    CHECK(sequence_frame_index("frame_00042.png.bak") == -1);
    CHECK(sequence_frame_index("notes.txt") == -1);
}

TEST_CASE("a PNG sequence writes numbered frames into a new folder") {
    ScratchDir dir;
    const fs::path folder = dir.path / "frames";
    {
        PngSequenceSink sink(folder);
        for (int i = 0; i < 3; ++i) sink.write(test_frame(i));
        sink.finish();
    }
    std::vector<std::string> names;
    for (const auto& entry : fs::directory_iterator(folder)) names.push_back(entry.path().filename().string());
    std::sort(names.begin(), names.end());
    CHECK(names == std::vector<std::string>{"frame_00000.png", "frame_00001.png", "frame_00002.png"});
    CHECK(frame_hash(read_png(folder / "frame_00002.png")) == frame_hash(test_frame(2)));
}

TEST_CASE("a PNG sequence replaces an older, longer one but leaves other files alone") {
    ScratchDir dir;
    const fs::path folder = dir.path / "frames";
    fs::create_directory(folder);
    for (int i = 0; i < 5; ++i) write_bytes(folder / sequence_frame_name(i), "old");
    write_bytes(folder / "notes.txt", "mine");
    {
        PngSequenceSink sink(folder);
        for (int i = 0; i < 2; ++i) sink.write(test_frame(i));
        sink.finish();
    }
    std::vector<std::string> names;
    for (const auto& entry : fs::directory_iterator(folder)) names.push_back(entry.path().filename().string());
    std::sort(names.begin(), names.end());
    CHECK(names == std::vector<std::string>{"frame_00000.png", "frame_00001.png", "notes.txt"});
    CHECK(read_bytes(folder / "notes.txt") == "mine");
    CHECK(frame_hash(read_png(folder / "frame_00001.png")) == frame_hash(test_frame(1)));
}

TEST_CASE("an unfinished PNG sequence leaves the folder as it was") {
    ScratchDir dir;
    const fs::path existing = dir.path / "existing";
    fs::create_directory(existing);
    write_bytes(existing / "frame_00000.png", "old");
    {
        PngSequenceSink sink(existing);
        sink.write(test_frame(0));
    }
    CHECK(read_bytes(existing / "frame_00000.png") == "old");
    CHECK(std::distance(fs::directory_iterator(existing), fs::directory_iterator()) == 1);

    {
        PngSequenceSink sink(dir.path / "fresh");
        sink.write(test_frame(0));
    }
    CHECK_FALSE(fs::exists(dir.path / "fresh"));  // the folder it created is gone again
}

TEST_CASE("PNG outputs that cannot be written are input errors") {
    ScratchDir dir;
    write_bytes(dir.path / "a_file", "x");
    CHECK_THAT(input_error_message([&] { PngSequenceSink sink(dir.path / "a_file"); }),
               Catch::Matchers::Contains("folder"));
    CHECK_THAT(input_error_message([&] { PngSequenceSink sink(dir.path / "missing" / "frames"); }),
               Catch::Matchers::Contains("cannot create"));
    CHECK_THAT(input_error_message([&] { PngFileSink sink("/sys/still.png"); }),
               Catch::Matchers::Contains("cannot write"));
}
