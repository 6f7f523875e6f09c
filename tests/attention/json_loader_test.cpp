#include "attention/json_loader.hpp"

#include "attention/attention_file.hpp"
#include "core/error.hpp"
#include "temp_dir.hpp"

#include <catch2/catch.hpp>

using namespace attnreel::attention;
using attnreel::InputError;

namespace {

std::string error_of(const std::string& text) {
    try {
        parse_json_attention(text, "w.json");
    } catch (const InputError& error) {
        return error.what();
    }
    return "no error";
}

}  // namespace

TEST_CASE("a bare nested array gives its shape and numbers in row-major order", "[json_loader]") {
    const JsonAttention json = parse_json_attention("[[[1, 0], [0.25, 0.75]], [[1, 0], [0.5, 0.5]]]", "w.json");
    CHECK(json.array.shape == std::vector<std::size_t>{2, 2, 2});
    CHECK(json.array.data == std::vector<double>{1, 0, 0.25, 0.75, 1, 0, 0.5, 0.5});
    CHECK(json.tokens.empty());
}

TEST_CASE("an object carries tokens with the attention", "[json_loader]") {
    TempDir dir;
    const std::string path = dir.write("w.json", R"({"tokens": ["The", "cat"], "attention": [[[[1, 0], [0.3, 0.7]]]]})");
    const LoadedAttention loaded = load_attention_file(path);
    CHECK(loaded.tokens == std::vector<std::string>{"The", "cat"});
    REQUIRE(loaded.stack.size() == 1);
    CHECK(loaded.stack[0][0](1, 1) == 0.7);
    // Tokens given by the caller win over the file's.
    CHECK(load_attention_file(path, std::vector<std::string>{"A", "dog"}).tokens[1] == "dog");
}

TEST_CASE("ragged arrays and non-numbers are input errors naming the place in the array", "[json_loader]") {
    CHECK_THAT(error_of("[[1, 0],\n [0.5]]"), Catch::Contains("w.json: attention[1]: ragged attention array"));
    CHECK_THAT(error_of("[[1, 0], [\"x\", 1]]"),
               Catch::Contains("attention[1][0]: expected a number, found the string \"x\""));
    CHECK_THAT(error_of("[[1, 0], [[0], 1]]"), Catch::Contains("attention[1][0]: expected a number, found an array"));
    CHECK_THAT(error_of(R"({"attention": [[1, 0], [0, true]]})"), Catch::Contains("attention[1][1]: expected a number"));
}

TEST_CASE("bad JSON, and text after the document, are errors at their line and column", "[json_loader]") {
    CHECK_THAT(error_of("[[1, 0], [NaN, 1]]"), Catch::Contains("w.json:1:11: invalid JSON"));
    CHECK_THAT(error_of("[[1, 0], [0, 1]"), Catch::Contains("w.json:1:16: invalid JSON"));
    CHECK_THAT(error_of("[[1, 0], [0, 1]]\n\n  x"), Catch::Contains("w.json:3:3: invalid JSON"));
    CHECK_THAT(error_of("[[1, 0], [0, 1]]\n\n  x"), Catch::Contains("expected end of input"));
    CHECK_THAT(error_of("[[1, 0], [0, 1]] [[1]]"), Catch::Contains("expected end of input"));
    CHECK(error_of("[[1, 0], [0, 1]]  \n") == "no error");  // white space after it is fine
}

TEST_CASE("wrong nesting, unknown keys and mixed token lists are input errors", "[json_loader]") {
    CHECK_THAT(error_of("[1, 0]"), Catch::Contains("at least [queries, keys]"));
    CHECK_THAT(error_of("[[[[[1]]]]]"), Catch::Contains("more than 4 deep"));
    CHECK_THAT(error_of(R"({"tokens": ["a"], "atention": [[1]]})"), Catch::Contains("did you mean 'attention'"));
    CHECK_THAT(error_of(R"({"tokens": ["a"]})"), Catch::Contains("no \"attention\""));
    CHECK_THAT(error_of("[[]]"), Catch::Contains("attention[0]: empty array"));
    CHECK_THAT(error_of(R"({"tokens": ["a"], "queries": ["a"], "keys": ["b"], "attention": [[1]]})"),
               Catch::Contains("not both"));
    CHECK_THAT(error_of(R"({"queries": ["a"], "attention": [[1]]})"), Catch::Contains("needs both"));
    CHECK_THAT(error_of(R"({"tokens": ["a", 3], "attention": [[1]]})"), Catch::Contains("tokens[1]: each token must be a string"));
}

TEST_CASE("a JSON object may name the queries and keys of cross-attention", "[json_loader]") {
    TempDir dir;
    const std::string path =
        dir.write("x.json", R"({"queries": ["Le", "chat"], "keys": ["The", "black", "cat"],
                                "attention": [[0.7, 0.2, 0.1], [0.1, 0.1, 0.8]]})");
    const LoadedAttention loaded = load_attention_file(path);
    CHECK(loaded.cross);
    CHECK(loaded.tokens == std::vector<std::string>{"Le", "chat"});
    CHECK(loaded.keys == std::vector<std::string>{"The", "black", "cat"});
    CHECK(loaded.stack[0][0](1, 2) == 0.8);
}

TEST_CASE("loaded JSON attention is checked like .npy attention", "[json_loader]") {
    TempDir dir;
    const std::string path = dir.write("w.json", "[[1, 0], [0.6, 0.6]]");
    CHECK_THROWS_WITH(load_attention_file(path), Catch::Contains("layer 0 head 0 row 1 sums to 1.2"));
    const std::string negative = dir.write("n.json", "[[1, 0], [-0.5, 1.5]]");
    CHECK_THROWS_WITH(load_attention_file(negative), Catch::Contains("weight (1, 0) is not a finite non-negative number"));
    const std::string huge = dir.write("h.json", "[[1, 0], [1e999, 1]]");
    CHECK_THROWS_WITH(load_attention_file(huge), Catch::Contains("h.json: invalid JSON: number overflow parsing '1e999'"));
}
