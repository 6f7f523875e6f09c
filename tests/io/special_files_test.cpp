// Every file a scene names (its fonts, its attention weights) is checked to be a regular
// file of bounded size before it is read: a FIFO, a device, a directory or a huge file is
// an error at the place in the scene that names it, at once, and never a hang.
#include "loader_test_support.hpp"

#include "core/limits.hpp"

#include "../temp_dir.hpp"

#include <sys/stat.h>

#include <chrono>
#include <filesystem>
#include <fstream>

using namespace attnreel;
namespace fs = std::filesystem;

namespace {

// Loads and compiles `scene.yaml` written into `dir`; the InputError's full text.
std::string error_loading(const TempDir& dir, const std::string& yaml) {
    const std::string path = dir.write("scene.yaml", yaml);
    text::FontLibrary fonts;
    const auto start = std::chrono::steady_clock::now();
    try {
        compile_scene(load_scene_file(path), fonts);
    } catch (const InputError& e) {
        CHECK(std::chrono::steady_clock::now() - start < std::chrono::seconds(10));
        return e.what();
    }
    FAIL("no error for:\n" << yaml);
    return "";
}

std::string weights_scene(const std::string& file) {
    return "data:\n  tokens: [a, b]\n  model: {weights: " + file + "}\nobjects: []\ntimeline: []\n";
}

std::string fonts_scene(const std::string& file) {
    return "scene:\n  fonts: [" + file + "]\nobjects: []\ntimeline: []\n";
}

}  // namespace

TEST_CASE("a scene font that is a FIFO, a directory or a device is refused where the scene names it",
          "[loader][files]") {
    TempDir dir;
    REQUIRE(::mkfifo(dir.file("pipe.ttf").c_str(), 0600) == 0);
    fs::create_directory(dir.file("folder.ttf"));
    fs::create_symlink("/dev/zero", dir.file("zero.ttf"));
    const std::string at = dir.file("scene.yaml") + ":2:11: ";
    CHECK(error_loading(dir, fonts_scene("pipe.ttf")) ==
          at + "font file '" + dir.file("pipe.ttf") + "': is a FIFO (named pipe), not a font file");
    CHECK(error_loading(dir, fonts_scene("folder.ttf")) ==
          at + "font file '" + dir.file("folder.ttf") + "': is a directory, not a font file");
    CHECK(error_loading(dir, fonts_scene("zero.ttf")) ==
          at + "font file '" + dir.file("zero.ttf") + "': is a character device, not a font file");
    CHECK(error_loading(dir, fonts_scene("missing.ttf")) ==
          at + "font file '" + dir.file("missing.ttf") + "': no such file");
}

TEST_CASE("a scene font that cannot be read as a font says so where the scene names it", "[loader][files]") {
    TempDir dir;
    dir.write("text.ttf", "plain text, not a font\n");
    CHECK(error_loading(dir, fonts_scene("text.ttf")) ==
          dir.file("scene.yaml") + ":2:11: font file '" + dir.file("text.ttf") + "': not a font file FreeType can read");
    // The same check for a font named by an object.
    CHECK(error_loading(dir, "objects:\n  - {id: t, text: Hi, font: " + dir.file("text.ttf") + "}\ntimeline: []\n") ==
          dir.file("scene.yaml") + ":2:29: font file '" + dir.file("text.ttf") + "': not a font file FreeType can read");
}

TEST_CASE("weights that are a symlink to a device, a FIFO or a directory are refused at once", "[loader][files]") {
    TempDir dir;
    fs::create_symlink("/dev/zero", dir.file("zero.npy"));
    fs::create_symlink("/dev/urandom", dir.file("random.json"));
    REQUIRE(::mkfifo(dir.file("pipe.npy").c_str(), 0600) == 0);
    fs::create_directory(dir.file("folder.json"));
    CHECK_THAT(error_loading(dir, weights_scene("zero.npy")), Catch::EndsWith("is a character device, not a weights file"));
    CHECK_THAT(error_loading(dir, weights_scene("random.json")),
               Catch::EndsWith("is a character device, not a weights file"));
    CHECK_THAT(error_loading(dir, weights_scene("pipe.npy")), Catch::EndsWith("is a FIFO (named pipe), not a weights file"));
    CHECK_THAT(error_loading(dir, weights_scene("folder.json")), Catch::EndsWith("is a directory, not a weights file"));
}

TEST_CASE("weights files past their size limit are refused before they are read", "[loader][files]") {
    TempDir dir;
    // Sparse files: the size is what counts, and nothing is read.
    for (const auto& [name, bytes] : {std::pair{std::string("big.npy"), limits::weights_npy_bytes},
                                      std::pair{std::string("big.json"), limits::weights_json_bytes}}) {
        { std::ofstream(dir.file(name)) << "["; }
        fs::resize_file(dir.file(name), bytes + 1);
        CHECK_THAT(error_loading(dir, weights_scene(name)),
                   Catch::Contains("the file is " + std::to_string(bytes + 1) + " bytes; a weights file may be at most " +
                                   std::to_string(bytes) + " bytes"));
    }
}

TEST_CASE("a scene file past its size limit is refused before it is read", "[loader][files]") {
    TempDir dir;
    const std::string path = dir.write("huge.yaml", "objects: []\ntimeline: []\n");
    fs::resize_file(path, limits::scene_file_bytes + 1);
    try {
        load_scene_file(path);
        FAIL("no error");
    } catch (const InputError& e) {
        CHECK(e.what() == path + ": the file is " + std::to_string(limits::scene_file_bytes + 1) +
                              " bytes; a scene file may be at most 1048576 bytes (1 MiB)");
    }
}

TEST_CASE("an error in a weights file is reported where the scene names it, with the file and the place in it",
          "[loader][files]") {
    TempDir dir;
    fs::create_symlink("/dev/zero", dir.file("zero.npy"));
    dir.write("text.json", "[[0.5, 0.5], [0.5, \"x\"]]");
    dir.write("trailing.json", "[[0.5, 0.5], [0.5, 0.5]] and more");
    dir.write("rows.json", "[[0.5, 0.5], [0.5, 1.5]]");
    const std::string at = dir.file("scene.yaml") + ":3:20: weights file '";
    CHECK(error_loading(dir, weights_scene("zero.npy")) ==
          at + dir.file("zero.npy") + "': is a character device, not a weights file");
    CHECK(error_loading(dir, weights_scene("text.json")) ==
          at + dir.file("text.json") + "': attention[1][1]: expected a number, found the string \"x\"");
    CHECK_THAT(error_loading(dir, weights_scene("trailing.json")),
               Catch::StartsWith(at + dir.file("trailing.json") + "', line 1 column 26: invalid JSON"));
    CHECK_THAT(error_loading(dir, weights_scene("rows.json")),
               Catch::StartsWith(at + dir.file("rows.json") + "': layer 0 head 0 row 1 sums to 2, not 1"));
}
