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

TEST_CASE("ragged arrays and non-numbers are input errors with line and column", "[json_loader]") {
    CHECK_THAT(error_of("[[1, 0],\n [0.5]]"), Catch::Contains("w.json:2:2: ragged attention array"));
    CHECK_THAT(error_of("[[1, 0], [\"x\", 1]]"), Catch::Contains("'x' is not a number"));
    CHECK_THAT(error_of("[[1, 0], [[0], 1]]"), Catch::Contains("expected a number"));
    CHECK_THAT(error_of("[[1, 0], [NaN, 1]]"), Catch::Contains("'NaN' is not a number"));
}

TEST_CASE("wrong nesting, unknown keys and bad JSON are input errors", "[json_loader]") {
    CHECK_THAT(error_of("[1, 0]"), Catch::Contains("at least [queries, keys]"));
    CHECK_THAT(error_of("[[[[[1]]]]]"), Catch::Contains("more than 4 deep"));
    CHECK_THAT(error_of(R"({"tokens": ["a"], "atention": [[1]]})"), Catch::Contains("did you mean 'attention'"));
    CHECK_THAT(error_of(R"({"tokens": ["a"]})"), Catch::Contains("no \"attention\""));
    CHECK_THAT(error_of("[[1, 0], [0, 1]"), Catch::Contains("invalid JSON"));
    CHECK_THAT(error_of("[[]]"), Catch::Contains("empty array"));
}

TEST_CASE("loaded JSON attention is checked like .npy attention", "[json_loader]") {
    TempDir dir;
    const std::string path = dir.write("w.json", "[[1, 0], [0.6, 0.6]]");
    CHECK_THROWS_WITH(load_attention_file(path), Catch::Contains("row 1 sums to 1.2"));
    const std::string nan_path = dir.write("n.json", "[[1, 0], [.nan, 1]]");
    CHECK_THROWS_WITH(load_attention_file(nan_path), Catch::Contains("not a finite non-negative number"));
}
