// attnreel.yaml: defaults for the scenes of its folder, validated like a scene.
#include "../temp_dir.hpp"
#include "io/project_file.hpp"
#include "io/scene_file.hpp"

#include <catch2/catch.hpp>

#include <filesystem>

using namespace attnreel;

namespace {

const std::string kScene = "objects:\n  - {id: a, text: Hi}\ntimeline:\n  - add: a\n";

}  // namespace

TEST_CASE("a scene without a project file has no project settings", "[project]") {
    TempDir dir;
    CHECK_FALSE(find_project(dir.write("scene.yaml", kScene)));
}

TEST_CASE("the project file beside a scene gives its defaults, paths resolved against its folder", "[project]") {
    TempDir dir;
    const std::string scene = dir.write("scene.yaml", kScene);
    dir.write("attnreel.yaml", "quality: low\nformat: gif\noutput: ../renders\n");
    const auto project = find_project(scene);
    REQUIRE(project);
    CHECK(project->file == dir.file("attnreel.yaml"));
    CHECK(project->quality == "low");
    CHECK(project->quality_mark.line == 1);
    CHECK(project->format == "gif");
    CHECK(project->output == (dir.path().parent_path() / "renders").string());
}

TEST_CASE("an empty project file, or one of comments, sets nothing", "[project]") {
    TempDir dir;
    const std::string scene = dir.write("scene.yaml", kScene);
    dir.write("attnreel.yaml", "# nothing yet\n");
    const auto project = find_project(scene);
    REQUIRE(project);
    CHECK_FALSE(project->quality);
    CHECK(project->fonts.empty());
}

TEST_CASE("an unknown key in the project file names its place and the nearest key", "[project]") {
    TempDir dir;
    dir.write("attnreel.yaml", "qualty: low\n");
    try {
        load_project_file(dir.file("attnreel.yaml"));
        FAIL("expected an InputError");
    } catch (const InputError& e) {
        CHECK(e.mark().line == 1);
        CHECK(e.mark().column == 1);
        CHECK_THAT(e.what(), Catch::Contains("unknown key 'qualty' in the project file; did you mean 'quality'?"));
    }
}

TEST_CASE("the project's fonts come after the scene's own, and are among the files the scene reads", "[project]") {
    TempDir dir;
    const std::string scene = dir.write("scene.yaml", kScene);
    const std::string font = (std::filesystem::path(ATTNREEL_SOURCE_DIR) / "fonts" / "dejavu" / "DejaVuSans.ttf").string();
    dir.write("attnreel.yaml", "fonts: ['" + font + "']\n");
    text::FontLibrary fonts;
    std::vector<std::string> inputs;
    const LoadedScene loaded = load_scene(scene, fonts, &inputs);
    REQUIRE(loaded.spec.settings.fonts.size() == 1);
    CHECK(loaded.spec.settings.fonts[0].path == font);
    CHECK(inputs == std::vector<std::string>{scene, dir.file("attnreel.yaml"), font});
}
