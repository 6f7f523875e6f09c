// What users of other tools try first: --version, the last frame by name, times from the
// end, output folders made on demand, default names that carry the quality, Manim's short
// options, and a project file of defaults beside the scenes.
#include "authoring_scenes.hpp"
#include "process_support.hpp"

#include <catch2/catch.hpp>

using namespace attnreel;
using namespace attnreel::test;

TEST_CASE("attnreel --version prints the version", "[cli][habits]") {
    const Run r = run("--version");
    CHECK(r.exit_code == 0);
    CHECK_THAT(r.output, Catch::Matches("attnreel \\d+\\.\\d+\\.\\d+\n"));
}

TEST_CASE("frame --at end is the last frame, and a negative time counts back from the end", "[cli][habits]") {
    ScratchDir dir;
    const fs::path scene = dir.path / "scene.yaml";
    write_bytes(scene, two_second_scene());
    for (const std::string at : {"end", "2", "-0.5", "1.5"}) {
        const Run r = run("frame " + quoted(scene) + " --at " + at + " -o " + quoted(dir.path / (at + ".png")));
        INFO(r.output);
        REQUIRE(r.exit_code == 0);
    }
    CHECK(read_bytes(dir.path / "end.png") == read_bytes(dir.path / "2.png"));
    CHECK(read_bytes(dir.path / "-0.5.png") == read_bytes(dir.path / "1.5.png"));
    CHECK(read_bytes(dir.path / "end.png") != read_bytes(dir.path / "1.5.png"));
    const Run before = run("frame " + quoted(scene) + " --at -3 -o " + quoted(dir.path / "x.png"));
    CHECK(before.exit_code == 2);
    CHECK_THAT(before.output, Catch::Contains("time -1 s is outside the scene, which lasts 2 s"));
}

TEST_CASE("frame and render make the folders their -o needs", "[cli][habits]") {
    ScratchDir dir;
    const fs::path scene = dir.path / "scene.yaml";
    write_bytes(scene, two_second_scene());
    const fs::path png = dir.path / "new" / "folder" / "f.png";
    Run r = run("frame " + quoted(scene) + " --at 1 -o " + quoted(png));
    INFO(r.output);
    CHECK(r.exit_code == 0);
    CHECK(fs::is_regular_file(png));
    const fs::path gif = dir.path / "out" / "arrows.gif";
    r = run("render " + quoted(scene) + " --quiet --size 160x90 --fps 5 -o " + quoted(gif));
    CHECK(r.exit_code == 0);
    CHECK(fs::is_regular_file(gif));
}

TEST_CASE("default output names carry the quality, so two qualities do not overwrite each other", "[cli][habits]") {
    ScratchDir dir;
    write_bytes(dir.path / "scene.yaml", two_second_scene());
    Run r = run("render scene.yaml --quiet --quality low", dir.path);
    INFO(r.output);
    CHECK(r.exit_code == 0);
    r = run("render scene.yaml --quiet -qm", dir.path);  // Manim's spelling of --quality medium
    CHECK(r.exit_code == 0);
    CHECK(fs::is_regular_file(dir.path / "out" / "scene-480p15.mp4"));
    CHECK(fs::is_regular_file(dir.path / "out" / "scene-720p30.mp4"));
    CHECK(decode_video(dir.path / "out" / "scene-480p15.mp4").height == 480);
    r = run("render scene.yaml --quiet", dir.path);  // the scene's own size and rate
    CHECK(fs::is_regular_file(dir.path / "out" / "scene-360p10.mp4"));
}

TEST_CASE("Manim's -s saves the last frame and --format gif picks the format", "[cli][habits]") {
    ScratchDir dir;
    write_bytes(dir.path / "scene.yaml", two_second_scene());
    Run r = run("render scene.yaml -ql -s", dir.path);
    INFO(r.output);
    CHECK(r.exit_code == 0);
    CHECK(fs::is_regular_file(dir.path / "out" / "scene-480p15.png"));
    r = run("frame scene.yaml --at end --size 854x480 -o last.png", dir.path);
    CHECK(read_bytes(dir.path / "out" / "scene-480p15.png") == read_bytes(dir.path / "last.png"));
    r = run("render scene.yaml --quiet -ql --format gif", dir.path);
    CHECK(r.exit_code == 0);
    CHECK(read_bytes(dir.path / "out" / "scene-480p15.gif").substr(0, 6) == "GIF89a");
}

TEST_CASE("Manim options attnreel spells differently are answered with attnreel's spelling", "[cli][habits]") {
    ScratchDir dir;
    write_bytes(dir.path / "scene.yaml", two_second_scene());
    const std::pair<std::string, std::string> cases[] = {
        {"-p", "'attnreel preview SCENE.yaml'"},
        {"-qp", "--size 2560x1440 --fps 60"},
        {"-r 1280,720", "--size WIDTHxHEIGHT"},
        {"--save_last_frame", "-s or --save-last-frame"},
        {"-n 3", "--section NAME"},
        {"--quality production", "unknown quality 'production'"},
        {"--format avi", "unknown format 'avi'"},
    };
    for (const auto& [option, advice] : cases) {
        const Run r = run("render scene.yaml " + option, dir.path);
        INFO(option << "\n" << r.output);
        CHECK(r.exit_code == 2);
        CHECK_THAT(r.output, Catch::Contains(advice));
    }
    CHECK_FALSE(fs::exists(dir.path / "out"));  // a usage error writes nothing
}

TEST_CASE("attnreel.yaml beside the scene sets the quality, format and output folder", "[cli][habits]") {
    ScratchDir dir;
    write_bytes(dir.path / "scene.yaml", two_second_scene());
    write_bytes(dir.path / "attnreel.yaml", "# defaults for the scenes here\nquality: low\nformat: gif\noutput: renders\n");
    Run r = run("render scene.yaml --quiet", dir.path);
    INFO(r.output);
    CHECK(r.exit_code == 0);
    CHECK(fs::is_regular_file(dir.path / "renders" / "scene-480p15.gif"));
    r = run("render scene.yaml --quiet -qm --format mp4", dir.path);  // options win over the project file
    CHECK(fs::is_regular_file(dir.path / "renders" / "scene-720p30.mp4"));
    // The output folder is the project file's, wherever the command runs from.
    r = run("render " + quoted(dir.path / "scene.yaml") + " --quiet -s", fs::temp_directory_path());
    CHECK(fs::is_regular_file(dir.path / "renders" / "scene-480p15.png"));
}

TEST_CASE("a mistake in attnreel.yaml is reported at its line and column", "[cli][habits]") {
    ScratchDir dir;
    write_bytes(dir.path / "scene.yaml", two_second_scene());
    write_bytes(dir.path / "attnreel.yaml", "quality: low\nouptut: renders\n");
    Run r = run("check scene.yaml", dir.path);
    CHECK(r.exit_code == 2);
    CHECK_THAT(r.output, Catch::Contains("attnreel.yaml:2:1: unknown key 'ouptut' in the project file; did you mean "
                                         "'output'?"));
    write_bytes(dir.path / "attnreel.yaml", "quality: lo\n");
    r = run("render scene.yaml", dir.path);
    CHECK(r.exit_code == 2);
    CHECK_THAT(r.output, Catch::Contains("attnreel.yaml:1:10: unknown quality 'lo'; did you mean 'low'?"));
    write_bytes(dir.path / "attnreel.yaml", "fonts: [missing.ttf]\n");
    r = run("check scene.yaml", dir.path);
    CHECK(r.exit_code == 2);
    CHECK_THAT(r.output, Catch::Contains("attnreel.yaml:1:9: "));
}
