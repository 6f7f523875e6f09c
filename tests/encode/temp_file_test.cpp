#include "encode/temp_file.hpp"

#include "encode_test_support.hpp"

#include <catch2/catch.hpp>

using namespace attnreel;
using namespace attnreel::test;

TEST_CASE("a temporary file is hidden beside its target and replaces it on commit") {
    ScratchDir dir;
    const fs::path target = dir.path / "out.mp4";
    write_bytes(target, "old");
    TempFile temp(target);
    CHECK(temp.path().parent_path() == dir.path);
    CHECK(temp.path().filename().string().rfind(".out.mp4.tmp-", 0) == 0);
    write_bytes(temp.path(), "new");
    CHECK(read_bytes(target) == "old");
    temp.commit();
    CHECK(read_bytes(target) == "new");
    CHECK(dir.names() == std::vector<std::string>{"out.mp4"});
}

TEST_CASE("an uncommitted temporary file is removed and the target untouched") {
    ScratchDir dir;
    const fs::path target = dir.path / "out.gif";
    write_bytes(target, "old");
    {
        TempFile temp(target);
        write_bytes(temp.path(), "half-written");
    }
    CHECK(read_bytes(target) == "old");
    CHECK(dir.names() == std::vector<std::string>{"out.gif"});
}

TEST_CASE("two temporary files for one target do not collide") {
    ScratchDir dir;
    TempFile a(dir.path / "x.png");
    TempFile b(dir.path / "x.png");
    CHECK(a.path() != b.path());
}

TEST_CASE("a temporary file needs an existing, writable directory and a file name") {
    ScratchDir dir;
    CHECK_THAT(input_error_message([&] { TempFile t(dir.path / "nope" / "x.mp4"); }),
               Catch::Matchers::Contains("does not exist"));
    CHECK_THAT(input_error_message([&] { TempFile t(dir.path); }), Catch::Matchers::Contains("is a directory"));
    CHECK_THAT(input_error_message([] { TempFile t("/sys/x.mp4"); }), Catch::Matchers::Contains("cannot write"));
}

TEST_CASE("a write that fails says which file and the system's reason") {
    try {
        write_file("/dev/full", std::string(100000, 'x'), "out/clip.png");
        FAIL("no error");
    } catch (const OutputError& e) {
        CHECK(std::string(e.what()) == "out/clip.png: cannot write: No space left on device");
    }
}

TEST_CASE("a target name as long as the system allows still gets a temporary name beside it") {
    ScratchDir dir;
    const std::string name = std::string(240, 'n') + "\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9.mp4";  // 254 bytes
    const fs::path sibling = hidden_sibling(dir.path / name, ".tmp-");
    CHECK(sibling.parent_path() == dir.path);
    CHECK(sibling.filename().string().size() <= 255);
    CHECK(sibling.filename().string().rfind(".nnnn", 0) == 0);
    // Cut between characters, never inside one.
    const std::string base = sibling.filename().string();
    CHECK(base.find(".tmp-") != std::string::npos);
    CHECK((static_cast<unsigned char>(base[base.find(".tmp-") - 1]) & 0xC0) != 0xC0);
    TempFile temp(dir.path / name);
    temp.write("new");
    temp.commit();
    CHECK(read_bytes(dir.path / name) == "new");
}
