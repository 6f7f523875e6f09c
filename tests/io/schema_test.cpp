// docs/scene.schema.json agrees with the loader, checked by a real validator (Debian's
// python3-jsonschema, draft 2020-12): every example and lesson is valid, the loader's own
// error cases are invalid wherever a schema can tell, every property has a description for
// an editor to show on hover, and every example names the schema on its first line.
#include "../temp_dir.hpp"

#include <catch2/catch.hpp>

#include <sys/wait.h>

#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <regex>
#include <sstream>

namespace fs = std::filesystem;

namespace {

const fs::path kSource = ATTNREEL_SOURCE_DIR;
const std::string kSchema = (kSource / "docs" / "scene.schema.json").string();
const std::string kModeline = "# yaml-language-server: $schema=../docs/scene.schema.json";

std::string quoted(const std::string& text) {
    std::string word = "'";
    for (char c : text) word += c == '\'' ? std::string("'\\''") : std::string(1, c);
    return word + "'";
}

// The output of a shell command; fails the test when it does not exit 0.
std::string output_of(const std::string& command) {
    FILE* pipe = popen((command + " 2>&1").c_str(), "r");
    REQUIRE(pipe);
    std::string out;
    std::array<char, 4096> buf{};
    while (const std::size_t n = fread(buf.data(), 1, buf.size(), pipe)) out.append(buf.data(), n);
    const int status = pclose(pipe);
    INFO(command << "\n" << out);
    REQUIRE((WIFEXITED(status) && WEXITSTATUS(status) == 0));
    return out;
}

// The validator: Debian's own Python, where python3-jsonschema is installed.
std::string validator() {
    REQUIRE(fs::exists("/usr/bin/python3"));  // scripts/install-deps.sh installs python3-jsonschema
    return "/usr/bin/python3 " + quoted((kSource / "tests" / "io" / "validate_with_schema.py").string());
}

// "valid FILE" / "invalid FILE: why", one per file, by file.
std::map<std::string, std::string> verdicts(const std::vector<fs::path>& files) {
    std::string command = validator() + " files " + quoted(kSchema);
    for (const auto& f : files) command.append(" ").append(quoted(f.string()));  // GCC 12 warns falsely on " " + word
    std::map<std::string, std::string> out;
    std::istringstream lines(output_of(command));
    for (std::string line; std::getline(lines, line);) {
        for (const std::string& verdict : {std::string("valid "), std::string("invalid ")}) {
            if (line.rfind(verdict, 0) != 0) continue;
            const std::string rest = line.substr(verdict.size());
            for (const auto& f : files)
                if (rest.rfind(f.string(), 0) == 0) out[f.string()] = line;
        }
    }
    return out;
}

std::vector<fs::path> scenes() {
    std::vector<fs::path> files;
    for (const char* folder : {"examples", "scenes"}) {
        if (!fs::is_directory(kSource / folder)) continue;
        for (const auto& entry : fs::directory_iterator(kSource / folder))
            if (entry.path().extension() == ".yaml" && entry.path().filename() != "attnreel.yaml")
                files.push_back(entry.path());
    }
    return files;
}

std::string read_text(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
}

// True when line `line` (from 1) of the YAML holds a markup tag: an error there is about the
// markup inside a text, which no schema reads.
bool markup_at(const std::string& yaml, int line) {
    std::istringstream lines(yaml);
    std::string text;
    for (int k = 0; k < line && std::getline(lines, text); ++k) {
    }
    return text.find('<') != std::string::npos;
}

}  // namespace

TEST_CASE("every example and lesson is valid against the schema", "[schema]") {
    const auto files = scenes();
    REQUIRE(files.size() >= 9);
    const auto result = verdicts(files);
    for (const auto& f : files) {
        INFO(f.string());
        REQUIRE(result.count(f.string()));
        CHECK(result.at(f.string()).rfind("valid ", 0) == 0);
        INFO(result.at(f.string()));
    }
}

TEST_CASE("every example starts with the schema modeline", "[schema]") {
    for (const auto& f : scenes()) {
        INFO(f.string());
        const std::string text = read_text(f);
        CHECK(text.substr(0, text.find('\n')) == kModeline);
    }
}

TEST_CASE("every property of the schema has a description", "[schema]") {
    CHECK(output_of(validator() + " descriptions " + quoted(kSchema)).empty());
}

// The loader's error cases are those its tests check: running them with
// ATTNREEL_RECORD_ERROR_CASES writes each bad scene and its error to a folder. The schema
// must reject each one whose mistake a schema can express (a key, a type, a range, a
// name from a list); references, cycles, formulas and markup are the loader's alone.
TEST_CASE("the loader's own error cases are invalid against the schema wherever it can tell", "[schema]") {
    TempDir dir;
    const std::string tests = std::string(ATTNREEL_BUILD_DIR) + "/tests_io";
    output_of("ATTNREEL_RECORD_ERROR_CASES=" + quoted(dir.path().string()) + " " + quoted(tests) +
              " '~[schema]' '~[fuzz]' > /dev/null; true");
    std::vector<fs::path> cases;
    for (const auto& entry : fs::directory_iterator(dir.path()))
        if (entry.path().extension() == ".yaml") cases.push_back(entry.path());
    REQUIRE(cases.size() >= 80);
    const auto result = verdicts(cases);

    const std::regex expressible(
        "unknown key '|unknown animation '|unknown colour '|unknown rate function '|unknown direction '|"
        "unknown alignment '|must be between|expected a number for|expected a whole number|use #rrggbb|"
        "invalid id '|invalid section name|needs '[a-z_]+'$|expected a list|expected a map|expected true or false");
    int checked = 0;
    std::string accepted;
    for (const auto& c : cases) {
        fs::path txt = c;
        txt.replace_extension(".txt");
        std::string error = read_text(txt);
        while (!error.empty() && error.back() == '\n') error.pop_back();
        if (!std::regex_search(error, expressible)) continue;
        if (markup_at(read_text(c), std::stoi(error))) continue;  // a colour in a <span>: markup's own
        ++checked;
        if (result.at(c.string()).rfind("valid ", 0) == 0)
            accepted += "\n" + error + "\n" + read_text(c) + "---";
    }
    INFO("error cases the schema accepts although it could tell:" << accepted);
    CHECK(accepted.empty());
    CHECK(checked >= 25);
}

TEST_CASE("the project file's schema takes what the project loader takes, with a description for each key",
          "[schema]") {
    TempDir dir;
    const std::string schema = (kSource / "docs" / "project.schema.json").string();
    const fs::path good = dir.write("good.yaml", "quality: low\nformat: gif\noutput: ../renders\nfonts: [a.ttf]\n");
    const fs::path comments = dir.write("comments.yaml", "# nothing yet\n");
    const fs::path misspelt = dir.write("misspelt.yaml", "qualty: low\n");
    const fs::path unknown = dir.write("unknown.yaml", "quality: ultra\n");
    const std::string out = output_of(validator() + " files " + quoted(schema) + " " + quoted(good.string()) + " " +
                                      quoted(comments.string()) + " " + quoted(misspelt.string()) + " " +
                                      quoted(unknown.string()));
    INFO(out);
    CHECK_THAT(out, Catch::Contains("valid " + good.string()) && !Catch::Contains("invalid " + good.string()));
    CHECK_THAT(out, Catch::Contains("valid " + comments.string()) && !Catch::Contains("invalid " + comments.string()));
    CHECK_THAT(out, Catch::Contains("invalid " + misspelt.string()));
    CHECK_THAT(out, Catch::Contains("invalid " + unknown.string()));
    CHECK(output_of(validator() + " descriptions " + quoted(schema)).empty());
}
