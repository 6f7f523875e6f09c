#include "attention/npy_loader.hpp"

#include "attention/attention_file.hpp"
#include "core/error.hpp"
#include "naive.hpp"
#include "temp_dir.hpp"

#include <catch2/catch.hpp>

#include <bit>
#include <cstdint>
#include <limits>

using namespace attnreel::attention;
using attnreel::InputError;

namespace {

std::string little_endian_bytes(std::uint64_t value, int count) {
    std::string bytes;
    for (int i = 0; i < count; ++i) bytes += static_cast<char>((value >> (8 * i)) & 0xFF);
    return bytes;
}

std::string big_endian_bytes(std::uint64_t value, int count) {
    std::string bytes = little_endian_bytes(value, count);
    return std::string(bytes.rbegin(), bytes.rend());
}

std::string shape_tuple(const std::vector<std::size_t>& shape) {
    std::string text = "(";
    for (std::size_t extent : shape) text += std::to_string(extent) + ", ";
    return text + ")";
}

// A .npy file as numpy writes it: magic, version, header length, dict padded with spaces to
// a multiple of 64 bytes and ended by '\n', then the data.
std::string npy_file(const std::string& descr, const std::vector<std::size_t>& shape, const std::string& data,
                     bool fortran = false, int version = 1) {
    std::string header = "{'descr': '" + descr + "', 'fortran_order': " + (fortran ? "True" : "False") +
                         ", 'shape': " + shape_tuple(shape) + ", }";
    const std::size_t prefix = version == 1 ? 10 : 12;
    while ((prefix + header.size() + 1) % 64 != 0) header += ' ';
    header += '\n';
    std::string file = "\x93NUMPY";
    file += static_cast<char>(version);
    file += '\0';
    file += little_endian_bytes(header.size(), version == 1 ? 2 : 4);
    return file + header + data;
}

std::string float64_data(const std::vector<double>& values) {
    std::string data;
    for (double v : values) data += little_endian_bytes(std::bit_cast<std::uint64_t>(v), 8);
    return data;
}

std::string float32_data(const std::vector<double>& values) {
    std::string data;
    for (double v : values) data += little_endian_bytes(std::bit_cast<std::uint32_t>(static_cast<float>(v)), 4);
    return data;
}

std::vector<double> flatten(const AttentionStack& stack) {
    std::vector<double> values;
    for (const auto& layer : stack)
        for (const Eigen::MatrixXd& A : layer)
            for (Eigen::Index i = 0; i < A.rows(); ++i)
                for (Eigen::Index j = 0; j < A.cols(); ++j) values.push_back(A(i, j));
    return values;
}

AttentionStack random_stack(std::size_t layers, std::size_t heads, Eigen::Index n) {
    std::mt19937_64 rng(71);
    const Mask causal = make_mask({MaskKind::causal, 1, {}, {}}, n, n);
    AttentionStack stack(layers);
    for (auto& layer : stack)
        for (std::size_t h = 0; h < heads; ++h) layer.push_back(naive::random_attention(rng, causal));
    return stack;
}

std::string error_of(const std::string& path, const std::optional<std::vector<std::string>>& tokens = std::nullopt) {
    try {
        load_attention_file(path, tokens);
    } catch (const InputError& error) {
        return error.what();
    }
    return "no error";
}

const std::vector<std::string> four_tokens = {"The", "cat", "sat", "down"};

}  // namespace

TEST_CASE("float64 attention [layers, heads, q, k] loads exactly", "[npy]") {
    TempDir dir;
    const AttentionStack stack = random_stack(2, 3, 4);
    const std::string path = dir.write("weights.npy", npy_file("<f8", {2, 3, 4, 4}, float64_data(flatten(stack))));
    const LoadedAttention loaded = load_attention_file(path, four_tokens);
    REQUIRE(loaded.stack.size() == 2);
    REQUIRE(loaded.stack[1].size() == 3);
    for (std::size_t l = 0; l < 2; ++l)
        for (std::size_t h = 0; h < 3; ++h) CHECK(loaded.stack[l][h] == stack[l][h]);
    CHECK(loaded.tokens == four_tokens);
}

TEST_CASE("float32 attention loads to the nearest float", "[npy]") {
    TempDir dir;
    const AttentionStack stack = random_stack(1, 2, 4);
    const std::string path = dir.write("w.npy", npy_file("<f4", {2, 4, 4}, float32_data(flatten(stack)), false, 2));
    const LoadedAttention loaded = load_attention_file(path, four_tokens);
    REQUIRE(loaded.stack.size() == 1);
    REQUIRE(loaded.stack[0].size() == 2);
    CHECK(loaded.stack[0][1].isApprox(stack[0][1], 1e-6));
    CHECK(loaded.stack[0][1](3, 2) == static_cast<double>(static_cast<float>(stack[0][1](3, 2))));
}

TEST_CASE("a single [q, k] matrix is one layer with one head", "[npy]") {
    TempDir dir;
    const AttentionStack stack = random_stack(1, 1, 4);
    const std::string path = dir.write("one.npy", npy_file("<f8", {4, 4}, float64_data(flatten(stack))));
    const LoadedAttention loaded = load_attention_file(path);
    REQUIRE(loaded.stack.size() == 1);
    REQUIRE(loaded.stack[0].size() == 1);
    CHECK(loaded.stack[0][0] == stack[0][0]);
    CHECK(loaded.tokens == std::vector<std::string>{"0", "1", "2", "3"});  // placeholders
}

TEST_CASE("a shape that does not fit the tokens names both shapes", "[npy]") {
    TempDir dir;
    const std::string path =
        dir.write("w.npy", npy_file("<f8", {2, 3, 4, 4}, float64_data(flatten(random_stack(2, 3, 4)))));
    const std::string message = error_of(path, std::vector<std::string>{"a", "b", "c"});
    CHECK_THAT(message, Catch::Contains(path));
    CHECK_THAT(message, Catch::Contains("[2, 3, 4, 4]"));
    CHECK_THAT(message, Catch::Contains("expected shape [2, 3, 3, 3]"));
}

TEST_CASE("arrays of the wrong rank, or cross-attention given as self-attention, are input errors", "[npy]") {
    TempDir dir;
    CHECK_THAT(error_of(dir.write("a.npy", npy_file("<f8", {4}, float64_data({0.25, 0.25, 0.25, 0.25})))),
               Catch::Contains("wrong number of dimensions"));
    CHECK_THAT(error_of(dir.write("b.npy", npy_file("<f8", {1, 1, 1, 1, 1}, float64_data({1})))),
               Catch::Contains("wrong number of dimensions"));
    const std::string cross = dir.write("c.npy", npy_file("<f8", {2, 3}, float64_data({0.5, 0.5, 0, 0.5, 0.5, 0})));
    CHECK_THAT(error_of(cross, std::vector<std::string>{"a", "b"}),
               Catch::Contains("the weights are 2×3 (queries × keys), which is cross-attention, but self-attention "
                               "tokens were given"));
    CHECK_THAT(error_of(dir.write("e.npy", npy_file("<f8", {0, 0}, ""))), Catch::Contains("[0, 0] is empty"));
}

TEST_CASE("other dtypes, big-endian and Fortran order are input errors", "[npy]") {
    TempDir dir;
    const std::string ones = float64_data({1, 0, 0, 1});
    CHECK_THAT(error_of(dir.write("i.npy", npy_file("<i8", {2, 2}, ones))), Catch::Contains("unsupported .npy dtype '<i8'"));
    CHECK_THAT(error_of(dir.write("h.npy", npy_file("<f2", {2, 2}, ones))), Catch::Contains("'<f2'"));
    std::string big;
    for (double v : {1.0, 0.0, 0.0, 1.0}) big += big_endian_bytes(std::bit_cast<std::uint64_t>(v), 8);
    CHECK_THAT(error_of(dir.write("b.npy", npy_file(">f8", {2, 2}, big))), Catch::Contains("big-endian"));
    CHECK_THAT(error_of(dir.write("f.npy", npy_file("<f8", {2, 2}, ones, true))), Catch::Contains("Fortran"));
}

TEST_CASE("truncated and overlong files are input errors", "[npy]") {
    TempDir dir;
    const std::string whole = npy_file("<f8", {2, 2}, float64_data({1, 0, 0, 1}));
    CHECK_THAT(error_of(dir.write("t.npy", whole.substr(0, whole.size() - 3))),
               Catch::Contains("truncated .npy file: shape [2, 2] of <f8 needs 32 bytes of data, found 29"));
    CHECK_THAT(error_of(dir.write("h.npy", whole.substr(0, 40))), Catch::Contains("truncated"));
    CHECK_THAT(error_of(dir.write("s.npy", whole.substr(0, 5))), Catch::Contains("not a .npy file"));
    CHECK_THAT(error_of(dir.write("x.npy", whole + "junk")), Catch::Contains("4 bytes after the data"));
}

TEST_CASE("NaN weights and rows that do not sum to 1 are input errors", "[npy]") {
    TempDir dir;
    const double nan = std::numeric_limits<double>::quiet_NaN();
    CHECK_THAT(error_of(dir.write("n.npy", npy_file("<f8", {2, 2}, float64_data({1, 0, nan, 1})))),
               Catch::Contains("layer 0 head 0 weight (1, 0) is not a finite non-negative number"));
    CHECK_THAT(error_of(dir.write("s.npy", npy_file("<f8", {2, 2}, float64_data({1, 0, 0.5, 0.4})))),
               Catch::Contains("row 1 sums to 0.9"));
    CHECK_THAT(error_of(dir.write("m.npy", npy_file("<f8", {2, 2}, float64_data({1, 0, 1.5, -0.5})))),
               Catch::Contains("not a finite non-negative number"));
}

TEST_CASE("malformed headers and unreadable files are input errors", "[npy]") {
    TempDir dir;
    std::string broken = npy_file("<f8", {2, 2}, float64_data({1, 0, 0, 1}));
    broken.replace(broken.find("'shape'"), 7, "'shope'");
    CHECK_THAT(error_of(dir.write("k.npy", broken)), Catch::Contains("unexpected key 'shope'"));
    CHECK_THAT(error_of(dir.file("missing.npy")), Catch::Contains("missing.npy: no such file"));
    CHECK_THAT(error_of(dir.write("w.txt", "1 2 3")), Catch::Contains("expected attention weights in a .npy or .json file"));
}

TEST_CASE("cross-attention loads queries × keys with the tokens of each", "[npy]") {
    TempDir dir;
    const std::string path = dir.write("c.npy", npy_file("<f8", {2, 3}, float64_data({0.5, 0.5, 0, 0.2, 0.3, 0.5})));
    // Without tokens, a non-square matrix is cross-attention over placeholders.
    const LoadedAttention placeholders = load_attention_file(path);
    CHECK(placeholders.cross);
    CHECK(placeholders.tokens == std::vector<std::string>{"0", "1"});
    CHECK(placeholders.keys == std::vector<std::string>{"0", "1", "2"});

    AttentionTokens given;
    given.queries = std::vector<std::string>{"Le", "chat"};
    given.keys = std::vector<std::string>{"The", "black", "cat"};
    const LoadedAttention loaded = load_attention_file(path, given);
    CHECK(loaded.cross);
    CHECK(loaded.keys[2] == "cat");
    CHECK(loaded.stack[0][0](1, 2) == 0.5);

    given.keys = std::vector<std::string>{"The", "cat"};
    CHECK_THROWS_WITH(load_attention_file(path, given),
                      Catch::Contains("does not fit 2 queries and 2 keys: expected shape [2, 2]"));
}
