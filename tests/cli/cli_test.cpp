// The attnreel executable as a user runs it: exit codes, messages and files.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <sys/wait.h>

namespace fs = std::filesystem;

namespace {

struct Run {
    int exit_code;
    std::string output;  // stdout and stderr together
};

Run run(const std::string& arguments) {
    const std::string command = std::string(ATTNREEL_BINARY) + " " + arguments + " 2>&1";
    FILE* pipe = popen(command.c_str(), "r");
    REQUIRE(pipe);
    std::string out;
    std::array<char, 4096> buf{};
    while (const std::size_t n = fread(buf.data(), 1, buf.size(), pipe)) out.append(buf.data(), n);
    const int status = pclose(pipe);
    return {WIFEXITED(status) ? WEXITSTATUS(status) : -1, out};
}

std::string read_file(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
}

const std::string kExample = std::string(ATTNREEL_SOURCE_DIR) + "/examples/self_attention_arrows.yaml";

struct TempDir {
    fs::path path = fs::temp_directory_path() / ("attnreel_cli_" + std::to_string(::getpid()));
    TempDir() { fs::create_directories(path); }
    ~TempDir() { fs::remove_all(path); }
};

// Width and height from a PNG's IHDR chunk.
std::pair<int, int> png_size(const fs::path& p) {
    const std::string bytes = read_file(p);
    REQUIRE(bytes.size() > 24);
    REQUIRE(bytes.substr(1, 3) == "PNG");
    auto be32 = [&](std::size_t at) {
        return (unsigned char)bytes[at] << 24 | (unsigned char)bytes[at + 1] << 16 | (unsigned char)bytes[at + 2] << 8 |
               (unsigned char)bytes[at + 3];
    };
    return {int(be32(16)), int(be32(20))};
}

}  // namespace

TEST_CASE("attnreel --help lists the commands and exits 0, and no command exits 2", "[cli]") {
    const Run help = run("--help");
    CHECK(help.exit_code == 0);
    for (const char* command : {"frame", "check", "render"}) CHECK_THAT(help.output, Catch::Contains(command));
    CHECK(run("").exit_code == 2);
    const Run frame_help = run("frame --help");
    CHECK(frame_help.exit_code == 0);
    CHECK_THAT(frame_help.output, Catch::Contains("--at SECONDS"));
}

TEST_CASE("an unknown command or option is a usage error with a suggestion", "[cli]") {
    const Run cmd = run("fram x.yaml");
    CHECK(cmd.exit_code == 2);
    CHECK_THAT(cmd.output, Catch::Contains("did you mean 'frame'?"));
    const Run opt = run("frame " + kExample + " --att 1 -o x.png");
    CHECK(opt.exit_code == 2);
    CHECK_THAT(opt.output, Catch::Contains("did you mean '--at'?"));
}

TEST_CASE("check prints every step's times, the duration and the object count", "[cli]") {
    const Run r = run("check " + kExample);
    REQUIRE(r.exit_code == 0);
    CHECK_THAT(r.output, Catch::Contains("0.00 –    1.20 s  play write(title)"));
    CHECK_THAT(r.output, Catch::Contains("play grow_arrow(arrows)"));
    CHECK_THAT(r.output, Catch::Contains("duration 5.80 s, 174 frames"));
}

TEST_CASE("frame writes a PNG of the requested size, and SVG and PDF from the same picture", "[cli]") {
    TempDir dir;
    const Run png = run("frame " + kExample + " --at 1.5 --size 640x360 -o " + (dir.path / "f.png").string());
    REQUIRE(png.exit_code == 0);
    CHECK(png_size(dir.path / "f.png") == std::pair{640, 360});

    REQUIRE(run("frame " + kExample + " --frame 173 -o " + (dir.path / "f.svg").string()).exit_code == 0);
    const std::string svg = read_file(dir.path / "f.svg");
    CHECK_THAT(svg, Catch::StartsWith("<?xml"));
    CHECK_THAT(svg, Catch::Contains("<svg"));
    CHECK_THAT(svg, Catch::Contains("width=\"1920px\" height=\"1080px\" viewBox=\"0 0 1920 1080\""));

    REQUIRE(run("frame " + kExample + " --at 5 -o " + (dir.path / "f.pdf").string()).exit_code == 0);
    CHECK_THAT(read_file(dir.path / "f.pdf"), Catch::StartsWith("%PDF"));
}

TEST_CASE("frame --frame takes the video's frame numbers, 0 to the count less one", "[cli]") {
    TempDir dir;
    // The example lasts 5.8 s at 30 fps: 174 frames, numbered 0 to 173.
    const Run last = run("frame " + kExample + " --frame 173 -o " + (dir.path / "last.png").string());
    CHECK(last.exit_code == 0);
    const Run past = run("frame " + kExample + " --frame 174 -o " + (dir.path / "past.png").string());
    CHECK(past.exit_code == 2);
    CHECK_THAT(past.output, Catch::Contains("frame 174 is outside the scene, which has 174 frames (0 to 173)"));
    CHECK_FALSE(fs::exists(dir.path / "past.png"));
}

TEST_CASE("a bad scene exits 2 with file:line:col and writes nothing", "[cli]") {
    TempDir dir;
    const fs::path scene = dir.path / "bad.yaml";
    std::ofstream(scene) << "objects:\n  - {id: t, text: Hi}\ntimeline:\n  - play: {wirte: t}\n";
    const Run r = run("frame " + scene.string() + " --at 0 -o " + (dir.path / "out.png").string());
    CHECK(r.exit_code == 2);
    CHECK_THAT(r.output, Catch::Contains(scene.string() + ":4:12: unknown animation 'wirte'; did you mean 'write'?"));
    CHECK_FALSE(fs::exists(dir.path / "out.png"));
}

TEST_CASE("a failed frame leaves the previous output byte-identical and no temporary file", "[cli]") {
    TempDir dir;
    const fs::path out = dir.path / "keep.png";
    REQUIRE(run("frame " + kExample + " --at 1 --size 320x180 -o " + out.string()).exit_code == 0);
    const std::string before = read_file(out);
    const Run late = run("frame " + kExample + " --at 99 -o " + out.string());
    CHECK(late.exit_code == 2);
    CHECK_THAT(late.output, Catch::Contains("outside the scene"));
    CHECK(read_file(out) == before);
    CHECK(std::distance(fs::directory_iterator(dir.path), fs::directory_iterator{}) == 1);
}

TEST_CASE("a missing scene file and a directory are input errors", "[cli]") {
    TempDir dir;
    const Run missing = run("check " + (dir.path / "nope.yaml").string());
    CHECK(missing.exit_code == 2);
    CHECK_THAT(missing.output, Catch::Contains("nope.yaml: no such file"));
    const Run directory = run("check " + dir.path.string());
    CHECK(directory.exit_code == 2);
    CHECK_THAT(directory.output, Catch::Contains("is a directory"));
}

TEST_CASE("analyze recovers the heads' patterns of the example's synthetic model", "[cli][attention]") {
    const std::string scene = std::string(ATTNREEL_SOURCE_DIR) + "/examples/attention_from_model.yaml";
    const Run table = run("analyze " + scene);
    REQUIRE(table.exit_code == 0);
    CHECK_THAT(table.output, Catch::Contains("previous_token"));
    CHECK_THAT(table.output, Catch::Contains("induction"));
    CHECK_THAT(table.output, Catch::Contains("Attention rollout"));
    const Run json = run("analyze " + scene + " --json");
    REQUIRE(json.exit_code == 0);
    const nlohmann::json analysis = nlohmann::json::parse(json.output);
    CHECK(analysis["model"]["analysis"]["layer"][1]["head"][1]["pattern"].is_string());
    CHECK(analysis["model"]["analysis"]["entropy_by_layer"].size() == 2);
    const Run model = run("model " + scene + " --json");
    REQUIRE(model.exit_code == 0);
    const nlohmann::json numbers = nlohmann::json::parse(model.output);
    CHECK(numbers["model"]["tokens"] == std::vector<std::string>{"the", "cat", "sat", "on", "the", "mat"});
    CHECK(numbers["model"]["rollout"].size() == 6);
}

TEST_CASE("analyze reads a .npy weights file with tokens, and rejects a mismatch", "[cli][attention]") {
    TempDir dir;
    const fs::path npy = dir.path / "w.npy";
    {
        // float64 [2, 2]: rows [1, 0] and [0.25, 0.75], C order, little-endian.
        std::string header = "{'descr': '<f8', 'fortran_order': False, 'shape': (2, 2), }";
        header.append(128 - 10 - header.size() - 1, ' ');  // 10 + header length is a multiple of 64
        header += '\n';
        std::ofstream out(npy, std::ios::binary);
        out << "\x93NUMPY" << char(1) << char(0) << char(header.size()) << char(0) << header;
        for (double v : {1.0, 0.0, 0.25, 0.75}) out.write(reinterpret_cast<const char*>(&v), sizeof v);
    }
    const Run ok = run("analyze " + npy.string() + " --tokens \"a b\" --json");
    REQUIRE(ok.exit_code == 0);
    CHECK_THAT(ok.output, Catch::Contains("\"a\""));
    const Run bad = run("analyze " + npy.string() + " --tokens \"a b c\"");
    CHECK(bad.exit_code == 2);
    CHECK_THAT(bad.output, Catch::Contains("w.npy"));
}

TEST_CASE("a bad model path names its line and column", "[cli][attention]") {
    TempDir dir;
    const fs::path scene = dir.path / "m.yaml";
    std::ofstream(scene) << "data:\n  tokens: [a, b]\n  model: {synthetic: true, layers: 1, heads: 2}\n"
                            "objects:\n  - {id: r, token_row: {tokens: $tokens}}\n"
                            "  - {id: w, attention_arrows: {row: r, source: 1, weights: \"model.layer[3].head[0]\"}}\n"
                            "timeline:\n  - wait: 1\n";
    const Run r = run("check " + scene.string());
    CHECK(r.exit_code == 2);
    CHECK_THAT(r.output, Catch::Contains(scene.string() + ":6:60: layer 3 is out of range (the model has 1)"));
}

TEST_CASE("every example scene checks and renders its last frame", "[cli][examples]") {
    TempDir dir;
    int examples = 0;
    for (const auto& entry : fs::directory_iterator(std::string(ATTNREEL_SOURCE_DIR) + "/examples")) {
        if (entry.path().extension() != ".yaml") continue;
        ++examples;
        INFO(entry.path());
        const Run check = run("check " + entry.path().string());
        REQUIRE(check.exit_code == 0);
        const std::string duration = check.output.substr(check.output.rfind("duration ") + 9);
        const Run frame = run("frame " + entry.path().string() + " --at " + duration.substr(0, duration.find(' ')) +
                              " --size 480x270 -o " + (dir.path / "last.png").string());
        CHECK(frame.exit_code == 0);
        CHECK(png_size(dir.path / "last.png") == std::pair{480, 270});
    }
    CHECK(examples >= 5);
}

TEST_CASE("a message never carries raw bytes from its input: invalid UTF-8 and controls are escaped",
          "[cli][errors]") {
    // A file name with a byte that is not UTF-8 and a terminal escape.
    const Run r = run("check '/nonexistent/bad\xFF\x1B[31m.yaml'");
    CHECK(r.exit_code == 2);
    CHECK(r.output == "error: /nonexistent/bad\\xFF\\e[31m.yaml: no such file\n");
}

TEST_CASE("a message shows a NUL byte of a value visibly and goes on, and cuts a huge value short", "[cli][errors]") {
    TempDir dir;
    // YAML's "\0" escape puts a NUL byte into the value; the message used to end there.
    std::ofstream(dir.path / "nul.yaml") << "objects:\n  - {id: a, circle: {}, color: \"re\\0d\"}\ntimeline: []\n";
    const Run nul = run("check " + (dir.path / "nul.yaml").string());
    CHECK(nul.exit_code == 2);
    CHECK(nul.output == "error: " + (dir.path / "nul.yaml").string() +
                            ":2:32: unknown colour 're\\0d'; did you mean 'red'?\n");
    // A 200,000-character value: its start and end, its length, and the line ends.
    std::ofstream(dir.path / "long.yaml") << "objects:\n  - {id: a, circle: {}, color: " << std::string(200000, 'x')
                                          << "}\ntimeline: []\n";
    const Run long_value = run("check " + (dir.path / "long.yaml").string());
    CHECK(long_value.exit_code == 2);
    CHECK(long_value.output == "error: " + (dir.path / "long.yaml").string() + ":2:32: unknown colour '" +
                                   std::string(56, 'x') + "…" + std::string(16, 'x') + "' (200000 bytes)\n");
}
