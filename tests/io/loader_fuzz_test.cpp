// Seeded mutation fuzzing of the loader and compiler: whatever bytes a scene file holds,
// loading, compiling and drawing a frame either works or raises an InputError. Any other
// exception, a crash or a hang fails the run.
#include "io/scene_loader.hpp"
#include "text/font_library.hpp"
#include "timeline/compile_scene.hpp"

#include <catch2/catch.hpp>

#include <fstream>
#include <random>
#include <sstream>

using namespace attnreel;

namespace {

std::string read(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
}

// Fragments that stress the loader more than random bytes do.
const std::vector<std::string> kNasty = {
    ".nan", "-.inf", "1e308", "-1", "0", "99999999999", "~", "[]", "{}", "[[[[", "}}", "\"\xff\xfe\"",
    "&a [1, *a]", "!!binary AA==", "? x", "- - -", ": :", "'", "\t", "\n  - ", "id", "row", "cat",
    "title", "arrows.labels", "arrows[2]", "row[1].box", "grow_arrow", "transform", "set", "lag_ratio: 5",
    // formulas and markup
    "\\frac", "\\left(", "\\right]", "{", "}", "^", "_", "&", "\\\\", "\\sqrt[", "\\begin{bmatrix}",
    "\\end{pmatrix}", "\\text{", "scaled.denominator", "attention.K", "<b>", "</i>", "<span color='x'>", "&amp;",
    "&#0;", "width: 0.001", "align: right",
    // heatmaps
    "-inf", "scores[1][2]", "scores.row[9]", "weights.cells", ".scaled_scores", "head[7]", "range: [1, 1]",
};

std::string mutate(std::string text, std::mt19937_64& rng) {
    std::uniform_int_distribution<int> op(0, 5);
    const int edits = 1 + static_cast<int>(rng() % 4);
    for (int e = 0; e < edits && !text.empty(); ++e) {
        const std::size_t at = rng() % text.size();
        switch (op(rng)) {
        case 0: text[at] = static_cast<char>(rng() % 256); break;                       // flip a byte
        case 1: text.erase(at, 1 + rng() % 12); break;                                  // cut
        case 2: text.insert(at, kNasty[rng() % kNasty.size()]); break;                   // splice
        case 3: {                                                                          // duplicate a line
            const std::size_t start = text.rfind('\n', at), end = text.find('\n', at);
            if (start != std::string::npos && end != std::string::npos)
                text.insert(end, text.substr(start, end - start));
            break;
        }
        case 4: {                                                                          // replace a number
            const std::size_t digit = text.find_first_of("0123456789", at);
            if (digit != std::string::npos) text.replace(digit, 1, kNasty[rng() % 6]);
            break;
        }
        default: text.insert(at, std::string(1 + rng() % 3, ' ')); break;               // break indentation
        }
    }
    return text;
}

}  // namespace

TEST_CASE("mutated scenes load, compile and draw or fail with an InputError", "[loader][fuzz]") {
    // One seed per kind of content: widgets, formulas with parts and morphs, rich text, heatmaps.
    const auto [seed_file, iterations] = GENERATE(table<std::string, int>({{"self_attention_arrows.yaml", 1500},
                                                                           {"formulas.yaml", 700},
                                                                           {"rich_text.yaml", 700},
                                                                           {"attention_heatmap.yaml", 400}}));
    const std::string seed_scene = read(std::string(ATTNREEL_SOURCE_DIR) + "/examples/" + seed_file);
    REQUIRE(!seed_scene.empty());
    text::FontLibrary fonts;
    std::mt19937_64 rng(20261123);
    int accepted = 0, rejected = 0;
    for (int i = 0; i < iterations; ++i) {
        const std::string text = mutate(seed_scene, rng);
        try {
            const Scene scene = compile_scene(parse_scene(text, "fuzz.yaml"), fonts);
            frame_at(scene, scene.duration / 2);
            frame_at(scene, scene.duration);
            ++accepted;
        } catch (const InputError& e) {
            // Every rejection names the file, so the author knows where to look.
            if (std::string(e.what()).rfind("fuzz.yaml", 0) != 0) FAIL("error without the file name: " << e.what());
            ++rejected;
        } catch (const std::exception& e) {
            FAIL(seed_file << " mutation " << i << " raised a non-input error: " << e.what() << "\n---\n" << text);
        }
    }
    // Both outcomes must occur, or the mutations are not exercising the loader.
    INFO(seed_file);
    CHECK(accepted > iterations / 30);
    CHECK(rejected > iterations / 30);
}
