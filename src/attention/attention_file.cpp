#include "attention/attention_file.hpp"

#include "attention/json_loader.hpp"
#include "attention/npy_loader.hpp"
#include "attention/tokens.hpp"
#include "core/error.hpp"

#include <algorithm>
#include <cctype>

namespace attnreel::attention {

namespace {

bool has_extension(const std::string& path, const std::string& extension) {
    if (path.size() < extension.size()) return false;
    return std::equal(extension.rbegin(), extension.rend(), path.rbegin(),
                      [](char a, char b) { return a == std::tolower(static_cast<unsigned char>(b)); });
}

[[noreturn]] void fail(const std::string& path, const std::string& message) {
    throw InputError(SourceMark{path, 0, 0}, message);
}

}  // namespace

LoadedAttention load_attention_file(const std::string& path, const AttentionTokens& given, double tolerance) {
    NpyArray array;
    AttentionTokens file;
    if (has_extension(path, ".npy")) {
        array = read_npy(path);
    } else if (has_extension(path, ".json")) {
        JsonAttention json = read_json_attention(path);
        array = std::move(json.array);
        if (!json.tokens.empty()) file.tokens = std::move(json.tokens);
        if (!json.queries.empty()) file.queries = std::move(json.queries);
        if (!json.keys.empty()) file.keys = std::move(json.keys);
    } else {
        fail(path, "expected attention weights in a .npy or .json file");
    }
    // The caller's tokens win over the file's.
    const bool caller_gave = given.tokens || given.queries || given.keys;
    const AttentionTokens& tokens = caller_gave ? given : file;
    if (tokens.queries.has_value() != tokens.keys.has_value())
        fail(path, "cross-attention needs the tokens of both the queries and the keys");

    LoadedAttention loaded;
    loaded.stack = attention_from_array(array.shape, array.data, path);
    const std::size_t rows = array.shape[array.shape.size() - 2], cols = array.shape.back();
    if (tokens.queries) {
        loaded.tokens = *tokens.queries;
        loaded.keys = *tokens.keys;
        loaded.cross = true;
    } else if (tokens.tokens) {
        if (rows != cols)
            fail(path, "the weights are " + std::to_string(rows) + "×" + std::to_string(cols) +
                           " (queries × keys), which is cross-attention, but self-attention tokens were given: give "
                           "the queries' and the keys' tokens instead (--queries and --keys, or queries and keys in "
                           "the data block)");
        loaded.tokens = loaded.keys = *tokens.tokens;
    } else {
        loaded.tokens = placeholder_tokens(rows);
        loaded.keys = placeholder_tokens(cols);
        loaded.cross = rows != cols;
    }
    const std::size_t n = loaded.tokens.size(), m = loaded.keys.size();
    if (rows != n || cols != m) {
        std::vector<std::size_t> expected = array.shape;
        expected[expected.size() - 2] = n;
        expected.back() = m;
        fail(path, "attention of shape " + shape_text(array.shape) + " does not fit " +
                       (loaded.cross ? std::to_string(n) + " queries and " + std::to_string(m) + " keys"
                                     : std::to_string(n) + " tokens") +
                       ": expected shape " + shape_text(expected));
    }
    validate_attention_stack(loaded.stack, n, m, path, tolerance);
    return loaded;
}

LoadedAttention load_attention_file(const std::string& path, const std::optional<std::vector<std::string>>& tokens,
                                    double tolerance) {
    AttentionTokens given;
    given.tokens = tokens;
    return load_attention_file(path, given, tolerance);
}

}  // namespace attnreel::attention
