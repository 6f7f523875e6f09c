// The lessons of the attention chapter (scenes/*.yaml, every file found, so a new lesson is
// tested without editing this file):
//  * each passes `attnreel check --strict` (loads, compiles, no lint warning), and its draft
//    speech, when it has a narration block, never runs into the next line;
//  * each starts with the schema modeline and a `# summary:` line (the gallery reads it),
//    narrates its steps with `say:` and lasts 20 to 90 seconds;
//  * each takes its numbers from its model: no weights, scores or values typed into a
//    data-showing object, no decimal number typed into a text or a narration;
//  * the frame in the middle of each, at 854×480, matches tests/golden/lesson_NN.png within
//    golden_image.hpp's tolerance. After an intended change (or for a new lesson), write the
//    images with   ATTNREEL_UPDATE_GOLDEN=1 ./build/tests_cli "[lessons][golden]"
//    and look at each one before committing it.
#include "golden_image.hpp"
#include "io/scene_file.hpp"
#include "process_support.hpp"
#include "text/font_library.hpp"

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <fstream>
#include <regex>

using namespace attnreel;
using namespace attnreel::test;

namespace {

constexpr int kLessonWidth = 854, kLessonHeight = 480;

std::vector<fs::path> lessons() {
    std::vector<fs::path> found;
    const fs::path dir = fs::path(ATTNREEL_SOURCE_DIR) / "scenes";
    if (fs::is_directory(dir))
        for (const auto& entry : fs::directory_iterator(dir))
            if (entry.path().extension() == ".yaml" && entry.path().filename() != "attnreel.yaml")
                found.push_back(entry.path());
    std::sort(found.begin(), found.end());
    REQUIRE(!found.empty());
    return found;
}

// "scenes/03_scores.yaml" → "lesson_03".
std::string golden_name(const fs::path& lesson) {
    const std::string stem = lesson.stem().string();
    return "lesson_" + stem.substr(0, stem.find('_'));
}

std::vector<std::string> leading_comments(const fs::path& file) {
    std::ifstream in(file);
    std::vector<std::string> lines;
    for (std::string line; std::getline(in, line) && line.rfind("#", 0) == 0;) lines.push_back(line);
    return lines;
}

// A YAML scalar that reads as a number (or ±inf, a masked entry).
bool is_number(const YAML::Node& node) {
    if (!node.IsScalar()) return false;
    static const std::regex number(R"([-+]?(\.inf|\.Inf|inf|(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?))");
    return std::regex_match(node.Scalar(), number);
}

// Where `node` (the value of a data-showing key) holds a number typed in the file.
void find_typed_numbers(const YAML::Node& node, const std::string& where, std::vector<std::string>& found) {
    if (is_number(node)) {
        found.push_back(where + " = " + node.Scalar() + " (line " + std::to_string(node.Mark().line + 1) + ")");
    } else if (node.IsSequence()) {
        for (std::size_t i = 0; i < node.size(); ++i) find_typed_numbers(node[i], where, found);
    } else if (node.IsMap() && node["values"]) {
        find_typed_numbers(node["values"], where, found);  // a line chart's {values, label, color}
    }
}

// The keys through which each kind shows numbers; a model path must fill them.
const std::vector<std::pair<std::string, std::vector<std::string>>> kDataKeys = {
    {"attention_arrows", {"weights"}}, {"heatmap", {"values"}},       {"attention_graph", {"weights"}},
    {"attention_network", {"weights"}}, {"bar_chart", {"values"}},    {"softmax_bars", {"scores"}},
    {"line_chart", {"values", "series"}}, {"vector", {"values"}},     {"embedding", {"values"}},
    {"matrix", {"values"}},
};

// A decimal number (0.49, .5) outside the `{path:format}` a text may take its numbers from.
bool has_typed_decimal(std::string text) {
    text = std::regex_replace(text, std::regex(R"(\{[^{}]*\})"), "");
    static const std::regex decimal(R"(\d?\.\d)");
    return std::regex_search(text, decimal);
}

// The words of a text, a label list, or a panel's, callout's or note's title and text (not
// their sizes).
void find_typed_decimals(const YAML::Node& node, const std::string& where, std::vector<std::string>& found) {
    if (node.IsScalar()) {
        if (has_typed_decimal(node.Scalar()))
            found.push_back(where + ": \"" + node.Scalar() + "\" (line " + std::to_string(node.Mark().line + 1) + ")");
    } else if (node.IsSequence()) {
        for (const auto& child : node) find_typed_decimals(child, where, found);
    } else if (node.IsMap()) {
        for (const char* key : {"text", "title"})
            if (node[key]) find_typed_decimals(node[key], where, found);
    }
}

const std::vector<std::string> kTextKeys = {"text", "math", "note", "callout", "panel"};

}  // namespace

TEST_CASE("every lesson passes check --strict", "[cli][lessons]") {
    for (const auto& lesson : lessons()) {
        const Run run_check = test::run("check --strict " + quoted(lesson));
        INFO(lesson.filename().string() << ":\n" << run_check.output);
        CHECK(run_check.exit_code == 0);
        CHECK(run_check.output.find("warning") == std::string::npos);
        // With draft speech, no line may still be spoken when the next begins.
        CHECK(run_check.output.find("into the next line") == std::string::npos);
    }
}

TEST_CASE("every lesson has its modeline and summary and narration and lasts 20 to 90 seconds", "[lessons]") {
    for (const auto& lesson : lessons()) {
        INFO(lesson.filename().string());
        const auto comments = leading_comments(lesson);
        REQUIRE(!comments.empty());
        CHECK(comments[0] == "# yaml-language-server: $schema=../docs/scene.schema.json");
        const auto summary = std::find_if(comments.begin(), comments.end(),
                                          [](const std::string& c) { return c.rfind("# summary: ", 0) == 0; });
        REQUIRE(summary != comments.end());
        CHECK(summary->size() > std::string("# summary: ").size() + 10);

        const YAML::Node root = YAML::LoadFile(lesson.string());
        int narrated = 0;
        for (const auto& step : root["timeline"])
            if (step["say"]) ++narrated;
        CHECK(narrated >= 3);

        text::FontLibrary fonts;
        const LoadedScene loaded = load_scene(lesson.string(), fonts);
        CHECK(loaded.scene.duration >= 20.0);
        CHECK(loaded.scene.duration <= 90.0);
    }
}

TEST_CASE("every number a lesson shows comes from its model", "[lessons]") {
    for (const auto& lesson : lessons()) {
        INFO(lesson.filename().string());
        const YAML::Node root = YAML::LoadFile(lesson.string());
        // The numbers come from the scene's data block: a model, or several.
        REQUIRE(root["data"]);
        CHECK((root["data"]["model"] || root["data"]["models"]));

        std::vector<std::string> typed;
        for (const auto& entry : root["objects"]) {
            const std::string id = entry["id"] ? entry["id"].Scalar() : "?";
            for (const auto& [kind, keys] : kDataKeys)
                if (entry[kind] && entry[kind].IsMap())
                    for (const auto& key : keys)
                        if (entry[kind][key]) find_typed_numbers(entry[kind][key], id + "." + kind + "." + key, typed);
            for (const auto& key : kTextKeys)
                if (entry[key]) find_typed_decimals(entry[key], id + "." + key, typed);
            for (const char* key : {"title", "label", "labels", "x_labels", "rows", "columns"})
                for (const auto& [kind, keys] : kDataKeys)
                    if (entry[kind] && entry[kind].IsMap() && entry[kind][key])
                        find_typed_decimals(entry[kind][key], id + "." + kind + "." + key, typed);
        }
        for (const auto& step : root["timeline"])
            if (step["say"]) find_typed_decimals(step["say"], "say", typed);
        std::string list;
        for (const auto& t : typed) list += "\n  " + t;
        INFO("typed where the model should speak:" << list);
        CHECK(typed.empty());
    }
}

TEST_CASE("the middle frame of every lesson matches its golden image", "[lessons][golden]") {
    for (const auto& lesson : lessons()) {
        INFO(lesson.filename().string());
        text::FontLibrary fonts;
        const LoadedScene loaded = load_scene(lesson.string(), fonts);
        testing::check_golden(loaded.scene, loaded.scene.duration / 2, golden_name(lesson), kLessonWidth,
                              kLessonHeight);
    }
}
