// Named sections of the timeline: `check` lists them and `render --section NAME` renders
// one alone.
#include "authoring_scenes.hpp"
#include "process_support.hpp"

#include <catch2/catch.hpp>

using namespace attnreel;
using namespace attnreel::test;

TEST_CASE("check lists the sections with their times", "[cli][sections]") {
    ScratchDir dir;
    write_bytes(dir.path / "scene.yaml", sectioned_scene());
    const Run r = run("check scene.yaml", dir.path);
    INFO(r.output);
    CHECK(r.exit_code == 0);
    CHECK_THAT(r.output, Catch::Contains("section intro: 0.00 – 1.00 s"));
    CHECK_THAT(r.output, Catch::Contains("section attention: 1.00 – 3.00 s"));
}

TEST_CASE("render --section renders that section alone, under a name that carries it", "[cli][sections]") {
    ScratchDir dir;
    write_bytes(dir.path / "scene.yaml", sectioned_scene());
    Run r = run("render scene.yaml --quiet --section attention --format png", dir.path);
    INFO(r.output);
    REQUIRE(r.exit_code == 0);
    const fs::path frames = dir.path / "out" / "scene-attention-360p10";
    REQUIRE(fs::is_directory(frames));
    CHECK(std::distance(fs::directory_iterator(frames), fs::directory_iterator()) == 20);  // 2 s at 10 fps
    // Its first frame is the scene at 1 s.
    r = run("frame scene.yaml --at 1 -o at1.png", dir.path);
    CHECK(read_bytes(frames / "frame_00000.png") == read_bytes(dir.path / "at1.png"));
}

TEST_CASE("an unknown section is a usage error that suggests the nearest", "[cli][sections]") {
    ScratchDir dir;
    write_bytes(dir.path / "scene.yaml", sectioned_scene());
    Run r = run("render scene.yaml --section atention", dir.path);
    CHECK(r.exit_code == 2);
    CHECK_THAT(r.output, Catch::Contains("no section 'atention' in scene.yaml; did you mean 'attention'?"));
    r = run("render scene.yaml --section intro --from 0.5", dir.path);
    CHECK(r.exit_code == 2);
    CHECK_THAT(r.output, Catch::Contains("--section sets the range itself"));
}
